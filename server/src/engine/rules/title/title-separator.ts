import { lessonRule } from '../../rule';

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
    const written = separator.value.trim() || 'a space';
    report({
      message: `The lesson ID and the title are separated by '${written}'; expected ' — ' (space, em dash, space)`,
      span: separator.value.trim() ? separator.span : { start: title.id.span.start, end: title.title.span.start },
      fix: { title: "Use ' — ' between the ID and the title", edits: [{ span: separator.span, text: ' — ' }] },
    });
  },
});
