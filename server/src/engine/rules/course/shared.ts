/** Lesson IDs and file names as the course rules compare and print them. */
import type { CourseLesson } from '../../course/types';

/** "L4.2.2" for any spelling of the same three numbers; the ID as written when it is malformed. */
export function idKey(id: { value: string; parts: number[] }): string {
  return id.parts.length > 0 ? `L${id.parts.join('.')}` : id.value;
}

export function compareIdParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Lessons with a well-formed ID (three numbers; a malformed one is the title
 * rules' finding), in ID order, file path breaking ties, so that every rule's
 * choices are deterministic.
 */
export function lessonsInIdOrder(lessons: readonly CourseLesson[]): Array<CourseLesson & { id: NonNullable<CourseLesson['id']> }> {
  return lessons
    .filter((l): l is CourseLesson & { id: NonNullable<CourseLesson['id']> } => l.id?.parts.length === 3)
    .sort((a, b) => compareIdParts(a.id.parts, b.id.parts) || a.filePath.localeCompare(b.filePath));
}

/** The first lesson in ID order for each ID. */
export function lessonsById(lessons: readonly CourseLesson[]): Map<string, CourseLesson & { id: NonNullable<CourseLesson['id']> }> {
  const byId = new Map<string, CourseLesson & { id: NonNullable<CourseLesson['id']> }>();
  for (const lesson of lessonsInIdOrder(lessons)) if (!byId.has(idKey(lesson.id))) byId.set(idKey(lesson.id), lesson);
  return byId;
}

/** The last segment of a path, for messages (related locations carry the full path). */
export function fileName(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}

/** Names a few files for a message: "a.md, b.md, c.md and 4 more". */
export function someFileNames(filePaths: readonly string[], shown = 3): string {
  const names = filePaths.slice(0, shown).map(fileName).join(', ');
  return filePaths.length > shown ? `${names} and ${filePaths.length - shown} more` : names;
}

/** Groups items by key, in first-appearance order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The first lesson of `ordered` (in ID order) whose ID comes after `parts`, by binary search. */
export function firstAfter<T extends { id: { parts: number[] } }>(ordered: readonly T[], parts: readonly number[]): T | undefined {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIdParts(ordered[mid]!.id.parts, parts) > 0) hi = mid;
    else lo = mid + 1;
  }
  return ordered[lo];
}
