import { lessonRule } from '../../rule';
import type { LineIndex } from '../../model/text';
import type { LineColumnRange, Span } from '../../types';
import { analyzeTags, isRecognized, quoted, resolvedTag, type AnalyzedTag } from './analyze';

/** As lint.ts's rangeOf; importing that from a rule would make an import cycle. */
function rangeOf(lines: LineIndex, span: Span): LineColumnRange {
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** "OWASP LLM03:2025 Supply Chain": what both spellings mean, when they differ. */
function meaning(tag: AnalyzedTag): string {
  if (!isRecognized(tag)) return quoted(tag.ref.raw);
  const lookup = tag.lookup;
  const name = lookup.status === 'found' || lookup.status === 'deprecated' ? ` ${lookup.entry.name}` : '';
  return `${resolvedTag(tag.parse.tag, tag.edition)}${name}`;
}

/** §3: the same tag twice in one field, after canonical spelling and edition resolution. */
export default lessonRule({
  meta: {
    id: 'tag-duplicate',
    description: 'A framework tag is given only once (LLM03 and LLM03:2025 are the same tag when the course uses 2025).',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, filePath, lines, report }) {
    for (const tag of analyzeTags(lesson, template)) {
      const first = tag.duplicateOf;
      if (!first) continue;
      const same = first.ref.raw === tag.ref.raw;
      const message = same
        ? `Framework tag ${quoted(tag.ref.raw)} is given twice; list each tag once`
        : `Framework tag ${quoted(tag.ref.raw)} repeats ${quoted(first.ref.raw)} (both are ${meaning(tag)}); list each tag once`;
      report({
        message,
        span: tag.ref.span,
        tags: ['unnecessary'],
        ...(filePath
          ? { related: [{ filePath, range: rangeOf(lines, first.ref.span), message: `First given as ${quoted(first.ref.raw)}` }] }
          : {}),
      });
    }
  },
});
