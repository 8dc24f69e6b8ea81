/**
 * Go to definition from a lesson ID (the "Up next" pointer, or any
 * `L4.3.1` on the line) to that lesson's H1.
 */
import type { Location, LocationLink, Position, Range } from 'vscode-languageserver';
import { offsetAt, rangeOfLineColumns, rangeOfSpan, type LessonAnalysis } from './analysis';
import type { IndexedLesson } from './course-index';

export interface DefinitionContext {
  lessonsWithId(id: string): IndexedLesson[];
  toUri(path: string): string;
  linkSupport: boolean;
}

const LESSON_ID = /\bL\d{1,4}\.\d{1,4}\.\d{1,4}\b/g;
const MAX_LINE = 2000;

export function definition(analysis: LessonAnalysis, position: Position, context: DefinitionContext): Location[] | LocationLink[] | null {
  const { lines, text } = analysis;
  const offset = offsetAt(lines, position);
  const lineStart = lines.lineStart(position.line + 1);
  const lineEnd = lines.lineEnd(position.line + 1);
  if (lineEnd - lineStart > MAX_LINE) return null;
  const lineText = text.slice(lineStart, lineEnd);
  let id: { value: string; start: number; end: number } | undefined;
  for (const match of lineText.matchAll(LESSON_ID)) {
    const start = lineStart + match.index;
    const end = start + match[0].length;
    if (offset >= start && offset <= end) id = { value: match[0], start, end };
  }
  if (!id) return null;
  const targets = context.lessonsWithId(id.value).filter((e) => e.lesson.filePath !== analysis.path || analysis.path === undefined);
  if (targets.length === 0) return null;
  const origin = rangeOfSpan(lines, { start: id.start, end: id.end });
  const links = targets.map(({ lesson }) => {
    const idRange = rangeOfLineColumns(lesson.id!.range);
    const titleEnd = lesson.title && lesson.title.range.line === lesson.id!.range.line ? rangeOfLineColumns(lesson.title.range).end : idRange.end;
    const heading: Range = { start: { line: idRange.start.line, character: 0 }, end: titleEnd };
    return { uri: context.toUri(lesson.filePath), heading, idRange };
  });
  if (context.linkSupport) {
    return links.map((l) => ({ originSelectionRange: origin, targetUri: l.uri, targetRange: l.heading, targetSelectionRange: l.idRange }));
  }
  return links.map((l) => ({ uri: l.uri, range: l.idRange }));
}
