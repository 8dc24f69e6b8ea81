/**
 * Applying fixes. Edits never overlap within one pass: when two fixes touch
 * the same text, the later one waits for the next pass (after re-linting), so
 * no fix works on text another fix has already changed.
 */
import type { Finding, TextEdit } from './types';

/** Applies non-overlapping edits; throws on overlap (a bug in a rule, never the author's text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.span.start < at || edit.span.end < edit.span.start || edit.span.end > text.length) {
      throw new Error(`overlapping or out-of-range edit at ${edit.span.start}-${edit.span.end}`);
    }
    out += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

/** Picks the fixes of one pass: whole fixes whose edits overlap no fix picked before. */
export function nonOverlappingFixes(findings: readonly Finding[]): TextEdit[] {
  const picked: TextEdit[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const overlaps = (e: TextEdit) =>
    taken.some((t) => e.span.start < t.end && t.start < e.span.end || (e.span.start === e.span.end && e.span.start === t.start && t.start === t.end));
  for (const finding of findings) {
    const edits = finding.fix?.edits;
    if (!edits || edits.length === 0 || edits.some(overlaps)) continue;
    for (const edit of edits) {
      picked.push(edit);
      taken.push(edit.span);
    }
  }
  return picked;
}

export interface FixResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/**
 * Applies fixes until nothing is left to fix (at most `maxPasses` passes,
 * re-linting between passes so each fix sees the text it applies to).
 */
export function fixText(text: string, lint: (text: string) => readonly Finding[], maxPasses = 10): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const edits = nonOverlappingFixes(lint(current));
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
    passes++;
  }
  return { text: current, applied, passes };
}
