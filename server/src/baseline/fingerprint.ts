/**
 * Fingerprints that identify a finding across runs without its line number:
 * a hash of the rule, the file and the text the finding flags, plus an
 * occurrence index among identical findings of that file. Inserting or
 * deleting lines above a finding leaves its fingerprint unchanged; editing the
 * flagged text changes it (it is then a different finding). SARIF
 * `partialFingerprints` and the baseline file share these values.
 *
 * Pure: the caller passes the file's text (after --fix, when fixes were
 * applied, so that it matches the messages).
 */
import type { LintMessage } from '../engine/types';
import { LineIndex } from '../engine/model/text';

/** Key of the fingerprint in SARIF `partialFingerprints`; bump the suffix if the algorithm changes. */
export const FINGERPRINT_KEY = 'lessonlint/v1';

/**
 * One fingerprint per message, in the order of `messages`. `filePath` is the
 * path as reported (relative, '/' separators), so the same course checked out
 * elsewhere gives the same fingerprints.
 */
export function fingerprintMessages(filePath: string, text: string, messages: readonly LintMessage[]): string[] {
  const lines = new LineIndex(text);
  const path = filePath.replaceAll('\\', '/');
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.ruleId}\u0000${path}\u0000${flaggedContext(text, lines, m)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return hash128(`${key}\u0000${occurrence}`);
  });
}

/**
 * What the finding points at, with white space folded so that re-indenting or
 * re-wrapping does not count as a change. An empty span (an insertion point,
 * e.g. "section missing here") falls back to the text of its line, and a
 * blank line to the message.
 */
function flaggedContext(text: string, lines: LineIndex, m: LintMessage): string {
  const start = lines.offset(m.line, m.column);
  const end = Math.max(start, lines.offset(m.endLine, m.endColumn));
  const flagged = foldWhitespace(text.slice(start, end));
  if (flagged) return `text:${flagged}`;
  const line = foldWhitespace(text.slice(lines.lineStart(m.line), lines.lineEnd(m.line)));
  if (line) return `line:${line}`;
  return `message:${foldWhitespace(m.message)}`;
}

/** Runs of white space become one space; leading and trailing white space goes. */
export function foldWhitespace(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += s[i];
  }
  return out;
}

/**
 * A 128-bit non-cryptographic hash (four 32-bit multiply-xor lanes, in the
 * manner of cyrb128) as 32 hex digits. Deterministic on every platform; no
 * Node crypto, so it also runs in the browser build. Collisions among the
 * findings of one course are negligible at 128 bits.
 */
export function hash128(input: string): string {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4 ^ input.length;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
