/** Shared by the script, outline and production-notes rules (§9–§11): spoken words, estimates, tolerances, Duration. */
import { sectionKeyTitle } from '../../model/parse';
import type { Lesson, MetadataField, Section } from '../../model/types';
import { durationMinutes } from '../../timing';

// One source for the speaking-time arithmetic, shared with the hover, code lens and preview.
export { estimatedMinutes, formatMinutes, spokenWords } from '../../timing';

// Floating point: 600 × 1.15 is 689.999…; a value on the boundary is inside.
const EPSILON = 1e-9;

export function withinTolerance(value: number, declared: number, tolerance: number): boolean {
  return Math.abs(value - declared) <= declared * tolerance + EPSILON;
}

/** The allowed range around a declared value, for messages. */
export function toleranceRange(declared: number, tolerance: number): { low: number; high: number } {
  return { low: declared * (1 - tolerance), high: declared * (1 + tolerance) };
}

export function formatPercent(tolerance: number): string {
  return `±${Math.round(tolerance * 100)}%`;
}

/**
 * The lesson's Duration in minutes, when the field is present and valid; an
 * invalid one (`0 min`, `five minutes`) is metadata-duration's finding, not a
 * limit to measure against.
 */
export function lessonDuration(lesson: Lesson): { minutes: number; field: MetadataField } | undefined {
  const field = lesson.metadata.find((f) => f.key === 'duration');
  const minutes = field ? durationMinutes(field.value.value) ?? 0 : 0;
  return field && minutes > 0 ? { minutes, field } : undefined;
}

/** The first section with the given key title (the one the model read its view from). */
export function sectionOf(lesson: Lesson, keyTitle: string): Section | undefined {
  return lesson.sections.find((s) => sectionKeyTitle(s.normalizedTitle) === keyTitle);
}
