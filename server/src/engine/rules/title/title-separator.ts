import { lessonRule } from '../../rule';

/** What stands between the ID and the title, as a message names it. */
function describeSeparator(separator: string): string {
  const mark = separator.trim();
  if (separator === '') return 'nothing';
  if (mark === '') return 'only white space';
  // An em dash with the wrong spacing: say so, the dash itself is right.
  if (mark === '—') return `'${separator}' (the em dash needs exactly one space on each side)`;
  return `'${mark}'`;
}

/** §1: `# L4.2.2 — Title`: an em dash with one space on each side. */
export default lessonRule({
  meta: {
    id: 'title-separator',
    description: 'The H1 separates the lesson ID from the title with " — " (an em dash with a space on each side).',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '1',
  },
  check({ lesson, report }) {
    const title = lesson.title;
    if (!title?.id || !title.separator || !title.title) return;
    const separator = title.separator;
    if (separator.value === ' — ') return;
    report({
      message: `The lesson ID and the title are separated by ${describeSeparator(separator.value)}; expected ' — ' (space, em dash, space)`,
      // A separator without a mark has nothing to underline: underline the ID instead.
      span: separator.value.trim() ? separator.span : { start: title.id.span.start, end: title.title.span.start },
      fix: { title: "Use ' — ' between the ID and the title", edits: [{ span: separator.span, text: ' — ' }] },
    });
  },
});
