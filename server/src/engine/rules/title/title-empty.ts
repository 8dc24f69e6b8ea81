import { lessonRule } from '../../rule';
import { foldSpace, isPositiveTriple, shown } from '../metadata/fields';

/** §1: the H1 gives a title after the lesson ID. */
export default lessonRule({
  meta: {
    id: 'title-empty',
    description: 'The H1 gives a title, not only the lesson ID.',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '1',
  },
  check({ lesson, report }) {
    const title = lesson.title;
    if (!title || title.title) return;
    const id = title.id;
    if (!id) {
      report({ message: "The H1 is empty; expected '# L<module>.<unit>.<lesson> — <Title>'", span: title.span });
      return;
    }
    const fmTitle = lesson.frontMatter?.fields.find((field) => field.key === 'title');
    const known = fmTitle?.value.value ? foldSpace(fmTitle.value.value) : undefined;
    const idText = isPositiveTriple(id.parts) ? `L${id.parts.join('.')}` : id.value;
    report({
      message: `The H1 '${shown(title.text)}' has no title after the lesson ID; expected '# ${idText} — ${known ? shown(known) : '<Title>'}'`,
      span: title.textSpan,
      // The front matter names the title: the H1 can say it too.
      ...(known
        ? {
            fix: {
              title: 'Add the title from the front matter',
              edits: [{ span: { start: id.span.end, end: title.textSpan.end }, text: ` — ${known}` }],
            },
          }
        : {}),
    });
  },
});
