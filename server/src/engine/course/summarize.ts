/** Reduces a parsed lesson to the header that the course rules and the course index keep. */
import { rangeOf } from '../lint';
import type { LineIndex } from '../model/text';
import type { Lesson } from '../model/types';
import type { SuppressedLines } from '../suppress';
import type { CourseLesson } from './types';

// `\s*(\S.*)`, not `\s*(.+)`: two quantifiers over the same spaces would backtrack quadratically.
const MODULE = /^Module\s+(\d+)\s*[\u2014\u2013:-]\s*(\S.*)$/;
const DURATION = /^~?\s*(\d+(?:\.\d+)?)\s*min/;

export function summarizeLesson(lesson: Lesson, lines: LineIndex, filePath: string, suppressed: SuppressedLines[]): CourseLesson {
  const summary: CourseLesson = { filePath, suppressed };
  const fmId = lesson.frontMatter?.fields.find((f) => f.key === 'id');
  const id = lesson.title?.id ?? (fmId ? { value: fmId.value.value, parts: fmId.value.value.replace(/^L/, '').split('.').map(Number), span: fmId.value.span } : undefined);
  if (id) summary.id = { value: id.value, parts: id.parts, range: rangeOf(lines, id.span) };
  const title = lesson.title?.title ?? lesson.metadata.find((f) => f.key === 'title')?.value;
  if (title) summary.title = { value: title.value, range: rangeOf(lines, title.span) };
  const module = lesson.metadata.find((f) => f.key === 'module');
  if (module) {
    const match = MODULE.exec(module.value.value);
    summary.module = { range: rangeOf(lines, module.value.span) };
    if (match) {
      // The field value is trimmed, so the title group runs to its end.
      const titleStart = module.value.span.start + match[0].length - match[2]!.length;
      summary.module.number = Number(match[1]);
      summary.module.title = match[2]!;
      summary.module.titleRange = rangeOf(lines, { start: titleStart, end: module.value.span.end });
    }
  }
  const duration = lesson.metadata.find((f) => f.key === 'duration');
  const minutes = duration ? DURATION.exec(duration.value.value) : null;
  if (minutes) summary.durationMinutes = Number(minutes[1]);
  if (lesson.upNext) {
    summary.upNext = {
      id: { value: lesson.upNext.id.value, parts: lesson.upNext.id.parts, range: rangeOf(lines, lesson.upNext.id.span) },
      ...(lesson.upNext.title ? { title: { value: lesson.upNext.title.value, range: rangeOf(lines, lesson.upNext.title.span) } } : {}),
    };
  }
  return summary;
}
