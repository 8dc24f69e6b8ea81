import { fileNameLessonId } from '../../model/parse';
import { lessonRule } from '../../rule';
import { canonicalId, lessonIdOf, looseIdParts } from '../metadata/fields';

/** The last segment of a path, either separator. */
function baseName(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}

/** §1: where the file name starts with a lesson ID, it is the H1's ID. */
export default lessonRule({
  meta: {
    id: 'title-file-name-mismatch',
    description: "A file name that starts with a lesson ID names the same lesson as the H1's ID.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '1',
  },
  check({ lesson, filePath, report }) {
    const fileId = fileNameLessonId(filePath);
    const fileParts = fileId ? looseIdParts(fileId) : undefined;
    // The ID as numbers: a malformed ID is title-id-format's finding, not a mismatch.
    const id = lessonIdOf(lesson);
    if (!filePath || !fileId || !fileParts || !id) return;
    if (fileParts.every((n, i) => n === id.parts[i])) return;
    const where = id.source === 'h1' ? "the H1's lesson ID" : "the front matter's id";
    report({
      message:
        `The file name '${baseName(filePath)}' starts with ${fileId} but ${where} is ${canonicalId(id.parts)}; ` +
        'expected the same ID in both (rename the file or correct the ID)',
      span: id.text.span,
    });
  },
});
