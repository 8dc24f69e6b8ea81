/**
 * What the course checks keep of each lesson: its header, not its tree, so a
 * course index of thousands of lessons stays small.
 */
import type { SuppressedLines } from '../suppress';
import type { LineColumnRange } from '../types';

export interface CourseText {
  value: string;
  range: LineColumnRange;
}

export interface CourseLesson {
  filePath: string;
  /** Lesson ID from the H1 (or the front matter when there is no H1 ID). */
  id?: CourseText & { parts: number[] };
  title?: CourseText;
  /** The Module field: `range` is its whole value, `titleRange` the title after `Module N — `. */
  module?: { number?: number; title?: string; titleRange?: LineColumnRange; range: LineColumnRange };
  upNext?: { id: CourseText & { parts: number[] }; title?: CourseText };
  durationMinutes?: number;
  /** Lines where suppression comments switch rules off, for course findings. */
  suppressed: SuppressedLines[];
}
