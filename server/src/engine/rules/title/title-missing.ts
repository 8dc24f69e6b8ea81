import { fileNameLessonId } from '../../model/parse';
import type { Lesson } from '../../model/types';
import { lessonRule } from '../../rule';
import type { Span } from '../../types';
import { canonicalId, foldSpace, lessonIdOf, lineOf, shown } from '../metadata/fields';

/** An H2 whose text starts like a lesson ID is the title written at the wrong level. */
const STARTS_WITH_ID = /^[Ll]\s?\d/;

/** The first line with content after the front matter (BOM skipped), where the H1 belongs. */
function whereTheTitleBelongs(lesson: Lesson): Span {
  const text = lesson.text;
  let start = lesson.frontMatter ? lesson.frontMatter.span.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** §1: the lesson's first heading is its H1: `# L4.2.2 — Title`. */
export default lessonRule({
  meta: {
    id: 'title-missing',
    description: "A lesson's first heading is an H1 giving its ID and title.",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '1',
  },
  check(context) {
    const { lesson, filePath, report } = context;
    if (lesson.title) return;
    const firstSection = lesson.sections[0];
    const late = lesson.extraTitles[0];
    if (late && firstSection) {
      report({
        message:
          `The H1 '${shown(late.text)}' comes after the section '${shown(firstSection.heading.text)}' (line ${lineOf(context, firstSection.heading.span)}); ` +
          'expected the H1 to be the first heading of the lesson',
        span: late.span,
      });
      return;
    }
    const sectionHeading = firstSection?.heading;
    const marker = sectionHeading ? lesson.text.slice(sectionHeading.span.start, sectionHeading.span.start + 2) : '';
    if (sectionHeading && marker === '##' && STARTS_WITH_ID.test(sectionHeading.text)) {
      report({
        message: `The title '${shown(sectionHeading.text)}' is an H2 ('##'); expected an H1: '# ${shown(sectionHeading.text)}'`,
        span: { start: sectionHeading.span.start, end: sectionHeading.span.start + 2 },
        fix: {
          title: "Make the title an H1 ('#')",
          edits: [{ span: { start: sectionHeading.span.start, end: sectionHeading.span.start + 2 }, text: '#' }],
        },
      });
      return;
    }
    const fmId = lessonIdOf(lesson);
    const fmTitleField = lesson.frontMatter?.fields.find((f) => f.key === 'title');
    const fmTitle = fmTitleField ? foldSpace(fmTitleField.value.value) : undefined;
    const id = fmId ? canonicalId(fmId.parts) : fileNameLessonId(filePath);
    const expected = `# ${id ?? 'L<module>.<unit>.<lesson>'} — ${fmTitle ? shown(fmTitle) : '<Title>'}`;
    const frontMatter = lesson.frontMatter;
    // The inserted heading uses the file's own line breaks.
    const firstBreak = lesson.text.indexOf('\n');
    const eol = firstBreak > 0 && lesson.text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
    report({
      message: `The lesson has no H1 title; expected a first heading '${expected}'`,
      span: whereTheTitleBelongs(lesson),
      // The front matter gives everything the heading says: write it out.
      ...(fmId && fmTitle && frontMatter
        ? {
            fix: {
              title: 'Insert the H1 from the front matter',
              edits: [{ span: { start: frontMatter.span.end, end: frontMatter.span.end }, text: `${eol}${eol}# ${canonicalId(fmId.parts)} — ${fmTitle}` }],
            },
          }
        : {}),
    });
  },
});
