/**
 * Inline suppression comments, with markdownlint's semantics:
 * `lessonlint-disable [RULE…]` switches rules off until a `lessonlint-enable`
 * switches them back on; a comment without rule names means every rule, so
 * `disable` then `enable RULE` leaves every rule but RULE off.
 * `lessonlint-disable-next-line [RULE…]` covers the line after the comment.
 * Suppressed ranges are kept as lines so that course findings (which have no
 * spans) can be filtered the same way.
 */
import type { LineIndex } from './model/text';
import type { Suppression } from './model/types';

export interface SuppressedLines {
  /** Rule IDs switched off; undefined for every rule but those in `except`. */
  rules?: readonly string[];
  /** With `rules` undefined: the rules that an `enable RULE` switched back on. */
  except?: readonly string[];
  fromLine: number;
  toLine: number;
}

/** What a chain of disable/enable comments has switched off at some point. */
interface BlockState {
  /** True after a `disable` that names no rule. */
  all: boolean;
  /** With `all`: the rules enabled again; without: the rules disabled. */
  names: Set<string>;
}

function disablesAnything(state: BlockState): boolean {
  return state.all || state.names.size > 0;
}

function rangeOf(state: BlockState, fromLine: number, toLine: number): SuppressedLines {
  const names = [...state.names];
  if (!state.all) return { rules: names, fromLine, toLine };
  return { ...(names.length ? { except: names } : {}), fromLine, toLine };
}

function apply(state: BlockState, kind: 'disable' | 'enable', names: string[]): BlockState {
  if (names.length === 0) return { all: kind === 'disable', names: new Set() };
  const next = new Set(state.names);
  // Under `all`, the set lists exceptions, so disabling a rule removes it from the set.
  const adds = (kind === 'disable') !== state.all;
  for (const name of names) {
    if (adds) next.add(name);
    else next.delete(name);
  }
  return { all: state.all, names: next };
}

export function suppressedLines(suppressions: readonly Suppression[], lines: LineIndex): SuppressedLines[] {
  const ranges: SuppressedLines[] = [];
  let state: BlockState = { all: false, names: new Set() };
  let stateFrom = 0;
  for (const s of suppressions) {
    const names = s.rules.map((r) => r.value);
    const endLine = lines.position(s.span.end).line;
    if (s.kind === 'disable-next-line') {
      ranges.push({ ...(names.length ? { rules: names } : {}), fromLine: endLine + 1, toLine: endLine + 1 });
      continue;
    }
    // The old state still covers the line of the comment that ends it.
    if (disablesAnything(state)) ranges.push(rangeOf(state, stateFrom, lines.position(s.span.start).line));
    state = apply(state, s.kind, names);
    stateFrom = endLine;
  }
  if (disablesAnything(state)) ranges.push(rangeOf(state, stateFrom, Number.MAX_SAFE_INTEGER));
  return ranges;
}

export function isSuppressed(ranges: readonly SuppressedLines[], ruleId: string, line: number): boolean {
  return ranges.some(
    (r) => line >= r.fromLine && line <= r.toLine && (r.rules ? r.rules.includes(ruleId) : !r.except?.includes(ruleId)),
  );
}
