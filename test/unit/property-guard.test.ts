/**
 * Property-based tests of the complexity guard (server/src/engine/guard.ts)
 * against the parser it protects: its cheap scan must never see less list
 * and block-quote nesting than remark-parse builds (or a deep input would
 * slip past it), it must leave ordinary lessons alone, and a refusal is one
 * well-formed finding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { DEFAULT_CONFIG, TOO_COMPLEX_RULE_ID, checkComplexity, lintLesson, measureComplexity, parseLesson } from '../../server/src/engine/index';
import type { ComplexityLimits } from '../../server/src/engine/index';
import { loadSeeds, mutatedLesson, UNICODE_SNIPPETS } from '../helpers/generate';

/** Deepest nesting of list items and block quotes in the parser's tree. */
function parsedNesting(text: string): number {
  let deepest = 0;
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: parseLesson(text).tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const own = node.type === 'listItem' || node.type === 'blockquote' ? depth + 1 : depth;
    deepest = Math.max(deepest, own);
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push({ node: child, depth: own });
  }
  return deepest;
}

/** Lines made of container markers, indentation and block starts, in every combination the scan must follow. */
const containerLine = fc
  .record({
    prefix: fc.array(fc.constantFrom('>', '> ', ' > ', '>\t', '- ', '-\t', '* ', '+ ', '1. ', '1) ', '10) ', '2. ', '0. ', '123456789. ', '1234567890. ', '-', '+', ' ', '  ', '   ', '    ', '\t', ' \t'), { maxLength: 8 }),
    content: fc.constantFrom('text', 'more text', '', '```', '```js', '```a`', '~~~', '# heading', '#no', '---', '===', '* * *', '- - -', '| a | b |', '| - | - |', '<!--', '-->', '<div>', 'x *y* [z]', ...UNICODE_SNIPPETS),
  })
  .map(({ prefix, content }) => prefix.join('') + content);

const containerDocument = fc
  .tuple(fc.array(containerLine, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

describe('complexity guard properties', () => {
  test('the scan never sees less nesting than the parser builds', () => {
    fc.assert(
      fc.property(containerDocument, (text) => {
        const scanned = measureComplexity(text).nesting;
        const parsed = parsedNesting(text);
        assert.ok(scanned >= parsed, `scan saw nesting ${scanned}, the parser built ${parsed}`);
      }),
      { seed: 0x6a4d, numRuns: 400 },
    );
  });

  test('ordinary (mutated) lessons pass the guard with the default limits', () => {
    fc.assert(
      fc.property(mutatedLesson(loadSeeds()), (lesson) => {
        assert.equal(checkComplexity(lesson.text), undefined);
      }),
      { seed: 0x6a4e, numRuns: 300 },
    );
  });

  test('a refusal is one error finding inside the text that names the limit to raise', () => {
    const limits = fc.record({
      maxBytes: fc.integer({ min: 0, max: 400 }),
      maxLines: fc.integer({ min: 0, max: 20 }),
      maxNesting: fc.integer({ min: 0, max: 4 }),
      maxNestedLines: fc.integer({ min: 0, max: 30 }),
      maxLazyLines: fc.integer({ min: 0, max: 3 }),
      maxInlineMarkers: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(containerDocument, limits, (text, limit: ComplexityLimits) => {
        const finding = checkComplexity(text, limit);
        const result = lintLesson(text, { config: DEFAULT_CONFIG, limits: limit });
        if (!finding) {
          assert.ok(result.findings.every((f) => f.ruleId !== TOO_COMPLEX_RULE_ID));
          return;
        }
        assert.deepEqual(result.findings, [finding]);
        assert.equal(finding.ruleId, TOO_COMPLEX_RULE_ID);
        assert.equal(finding.severity, 'error');
        assert.match(finding.message, /^Lesson not checked: .*set limits\.(maxBytes|maxLines|maxNesting|maxNestedLines|maxLazyLines|maxInlineMarkers) to raise it/);
        assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length);
      }),
      { seed: 0x6a4f, numRuns: 300 },
    );
  });
});
