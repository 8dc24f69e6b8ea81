/** Reduces a parsed lesson to the header that the course rules and the course index keep. */
import { rangeOf } from '../lint';
import type { LineIndex } from '../model/text';
import type { Lesson } from '../model/types';
import type { SuppressedLines } from '../suppress';
import type { CourseLesson } from './types';

const MODULE = /^Module\s+(\d+)\s*[—–:-]\s*(.+)$/;
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
    summary.module = {
      ...(match ? { number: Number(match[1]), title: match[2]!.trim() } : {}),
      range: rangeOf(lines, module.value.span),
    };
  }
  const duration = lesson.metadata.find((f) => f.key === 'duration');
  const minutes = duration ? DURATION.exec(duration.value.value) : null;
  if (minutes) summary.durationMinutes = Number(minutes[1]);
  if (lesson.upNext) {
    summary.upNext = {
      id: { value: lesson.upNext.id.value, range: rangeOf(lines, lesson.upNext.id.span) },
      ...(lesson.upNext.title ? { title: { value: lesson.upNext.title.value, range: rangeOf(lines, lesson.upNext.title.span) } } : {}),
    };
  }
  return summary;
}
