import { fileNameLessonId } from '../../model/parse';
import { lessonRule, type Report } from '../../rule';
import type { Span } from '../../types';
import { WELL_FORMED_ID, canonicalId, isExactlyWritten, isPositiveTriple, looseIdParts, shown } from '../metadata/fields';

/** A heading that already starts with something like an ID ("Lesson 4.2.2: …") gets no ID put in front of it. */
const ID_LIKE_START = /^\W{0,3}(?:lesson|l)\W{0,3}\d/i;

/** The numbers of a front matter id as written ("L4.2" → [4, 2]), for the message; undefined when it does not start like an ID. */
function writtenParts(value: string): number[] | undefined {
  if (!/^[Ll]\s?\d/.test(value)) return undefined;
  return value.replace(/^[Ll]\s?/, '').split(/[.,]/).filter((part) => part !== '').map(Number);
}

/**
 * Why an ID is not L<m>.<u>.<l>, and the canonical ID when it is clearly
 * three positive numbers written loosely (`l4.2.2`, `L 4.2.2`, `L4,2,2`, `L04.2.2`).
 */
function checkId(written: string, parts: readonly number[] | undefined, span: Span, who: string, fixable: boolean): Report | undefined {
  if (WELL_FORMED_ID.test(written)) return undefined;
  const loose = looseIdParts(written);
  if (loose && isPositiveTriple(loose)) {
    const canonical = canonicalId(loose);
    return {
      message: `${who} '${shown(written)}' is not written as L<module>.<unit>.<lesson>; expected '${canonical}'`,
      span,
      ...(fixable ? { fix: { title: `Write '${canonical}'`, edits: [{ span, text: canonical }] } } : {}),
    };
  }
  const count = parts?.length ?? 0;
  const reason =
    count > 0 && count !== 3
      ? `it has ${count} number${count === 1 ? '' : 's'}`
      : parts?.some((n) => n === 0)
        ? 'a number is zero'
        : 'it is not three numbers after an L';
  return {
    message: `${who} '${shown(written)}' is not three positive integers (${reason}); expected L<module>.<unit>.<lesson>, as in 'L4.2.2'`,
    span,
  };
}

/** §1: the lesson ID is three positive integers, `L4.2.2`. */
export default lessonRule({
  meta: {
    id: 'title-id-format',
    description: 'The lesson ID in the H1 (or the front matter) is L<module>.<unit>.<lesson>: three positive integers.',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '1',
  },
  check({ lesson, filePath, report }) {
    const title = lesson.title;
    const fmId = lesson.frontMatter?.fields.find((field) => field.key === 'id');
    if (title?.id) {
      const finding = checkId(title.id.value, title.id.parts, title.id.span, "The H1's lesson ID", true);
      if (finding) report(finding);
    } else if (title?.text && !fmId) {
      // Without a front matter `id`, the H1 is where the lesson says which lesson it is.
      const fileId = fileNameLessonId(filePath);
      const insertable = fileId && !ID_LIKE_START.test(title.text);
      report({
        message: `The H1 '${shown(title.text)}' does not start with a lesson ID; expected '# ${fileId ?? 'L<module>.<unit>.<lesson>'} — ${shown(title.text)}'`,
        span: title.textSpan,
        ...(insertable
          ? {
              fix: {
                title: `Insert the ID '${fileId}' from the file name`,
                edits: [{ span: { start: title.textSpan.start, end: title.textSpan.start }, text: `${fileId} — ` }],
              },
            }
          : {}),
      });
    }
    if (fmId?.value.value) {
      const finding = checkId(fmId.value.value, writtenParts(fmId.value.value), fmId.value.span, 'The front matter id', isExactlyWritten(lesson, fmId.value));
      if (finding) report(finding);
    }
  },
});
