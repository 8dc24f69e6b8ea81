/**
 * Speaking-time arithmetic for the video script (lesson-format.md §9), shared
 * by the editor features (hover, code lens, preview) so that they all show the
 * same figures as the script rules' messages: minutes rounded to a tenth,
 * words ÷ the template's words per minute.
 */
import type { VideoScript } from './model/types';

/** Spoken words of the script: narration before the first marker is spoken too. */
export function spokenWords(script: VideoScript): number {
  return script.totalWords + (script.preamble?.words ?? 0);
}

/** Estimated speaking time in minutes, rounded to a tenth (540 words at 130/min → 4.2). */
export function estimatedMinutes(words: number, wordsPerMinute: number): number {
  return Math.round((words / wordsPerMinute) * 10) / 10;
}

/** Estimated speaking time in whole seconds (one slide's narration). */
export function estimatedSeconds(words: number, wordsPerMinute: number): number {
  return Math.round((words / wordsPerMinute) * 60);
}

/** Minutes to one decimal, without a trailing ".0": 4.15 → "4.2", 5 → "5". */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}

const DURATION = /^~?\s*(\d{1,6}(?:\.\d{1,3})?)\s*min\b/i;

/** Minutes of a Duration value such as "~5 min" or "4.5 min"; undefined when it is not of that form. */
export function durationMinutes(value: string): number | undefined {
  const match = DURATION.exec(value.slice(0, 100));
  return match ? Number(match[1]) : undefined;
}
