import { lessonRule } from '../../rule';
import { trimSpan } from './shared';

/** §6: the term and its definition are separated by " — " (an em dash with a space on each side). */
export default lessonRule({
  meta: {
    id: 'key-term-separator',
    description: "A key term is separated from its definition by ' — ' (space, em dash, space), not a hyphen, en dash or colon.",
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '6',
  },
  check({ lesson, report }) {
    for (const { term, separator, definition } of lesson.keyTerms ?? []) {
      // An item without a term or a definition is key-term-format's finding.
      if (!term?.value || !separator || !definition?.value || separator.value === ' — ') continue;
      const mark = separator.value.replace(/[\s*_]+/g, '');
      const written = mark === '—' ? `'${separator.value}' (an em dash without a space on each side)` : `'${mark}'`;
      // Emphasis closed after a colon (`**Term:** definition`) stays, before the dash.
      const closers = separator.value.replace(/[^*_]+/g, '');
      report({
        message: `Key term '${term.value}' is separated from its definition by ${written}; expected ' — ' (space, em dash, space)`,
        span: trimSpan(lesson.text, separator.span),
        fix: { title: "Use ' — ' between the term and its definition", edits: [{ span: separator.span, text: `${closers} — ` }] },
      });
    }
  },
});

