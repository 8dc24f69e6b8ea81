import { lessonRule } from '../../rule';
import type { TextEdit } from '../../types';

/** §10: the slide outline is an ordered list numbered 1..N, item i for slide i. */
export default lessonRule({
  meta: {
    id: 'outline-numbering',
    description: 'The slide outline is an ordered list numbered 1, 2, 3 … without gaps or repeats.',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '10',
  },
  check({ lesson, lines, report }) {
    const list = lesson.outlineList;
    if (!list || list.items.length === 0) return;
    const count = list.items.length;
    if (!list.ordered) {
      // Turning `- ` into `1. ` widens the marker; continuation lines would then need more indent, so only one-line items are fixed.
      const oneLineItems = list.items.every((item) => lines.position(item.span.start).line === lines.position(item.span.end).line);
      report({
        message: `The slide outline is a bulleted list; expected an ordered list numbered 1 to ${count}, item i describing slide i`,
        span: list.items[0]!.markerSpan,
        ...(oneLineItems
          ? { fix: { title: `Number the outline items 1 to ${count}`, edits: list.items.map((item, i) => ({ span: item.markerSpan, text: `${i + 1}.` })) } }
          : {}),
      });
      return;
    }
    const wrong = list.items.flatMap((item, i) => (item.number && item.number.value !== i + 1 ? [{ number: item.number, expected: i + 1 }] : []));
    const first = wrong[0];
    if (!first) return;
    const written = list.items.map((item) => item.number?.value ?? '?').join(', ');
    const edits: TextEdit[] = wrong.map((w) => ({ span: w.number.span, text: String(w.expected) }));
    report({
      message: `Slide outline item ${first.expected} is numbered ${first.number.value}; expected ${first.expected} (items are numbered 1 to ${count} without gaps or repeats; found ${written})`,
      span: first.number.span,
      fix: { title: `Renumber the outline items 1 to ${count}`, edits },
    });
  },
});
