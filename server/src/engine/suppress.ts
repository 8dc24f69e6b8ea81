/**
 * Inline suppression comments: `lessonlint-disable [RULE…]` until a matching
 * `lessonlint-enable`, and `lessonlint-disable-next-line [RULE…]`. A comment
 * without rule names covers every rule. Suppressed ranges are kept as lines so
 * that course findings (which have no spans) can be filtered the same way.
 */
import type { LineIndex } from './model/text';
import type { Suppression } from './model/types';

export interface SuppressedLines {
  /** Rule IDs, or undefined for every rule. */
  rules?: readonly string[];
  fromLine: number;
  toLine: number;
}

export function suppressedLines(suppressions: readonly Suppression[], lines: LineIndex): SuppressedLines[] {
  const ranges: SuppressedLines[] = [];
  // Open `disable` blocks by rule (the key '*' is a block that names no rule).
  const open = new Map<string, number>();
  for (const s of suppressions) {
    const names = s.rules.map((r) => r.value);
    const endLine = lines.position(s.span.end).line;
    if (s.kind === 'disable-next-line') {
      ranges.push({ ...(names.length ? { rules: names } : {}), fromLine: endLine + 1, toLine: endLine + 1 });
    } else if (s.kind === 'disable') {
      for (const name of names.length ? names : ['*']) if (!open.has(name)) open.set(name, endLine);
    } else {
      const startLine = lines.position(s.span.start).line;
      const closing = names.length ? names : [...open.keys()];
      for (const name of closing) {
        const from = open.get(name);
        if (from === undefined) continue;
        open.delete(name);
        ranges.push({ ...(name === '*' ? {} : { rules: [name] }), fromLine: from, toLine: startLine });
      }
    }
  }
  for (const [name, from] of open) {
    ranges.push({ ...(name === '*' ? {} : { rules: [name] }), fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  }
  return ranges;
}

export function isSuppressed(ranges: readonly SuppressedLines[], ruleId: string, line: number): boolean {
  return ranges.some((r) => line >= r.fromLine && line <= r.toLine && (!r.rules || r.rules.includes(ruleId)));
}
