/** Small text utilities shared by the model builders. All spans are UTF-16 offsets. */
import type { Text } from './types';

/** Maps offsets to 1-based line/column and back. Line breaks: \n, \r\n and lone \r. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based line/column, clamped into the line. */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    const start = this.lineStarts[l - 1]!;
    return Math.min(start + Math.max(0, column - 1), this.lineEnd(l));
  }

  /** 1-based line/column range of a span (end exclusive). */
  range(span: { start: number; end: number }): { line: number; column: number; endLine: number; endColumn: number } {
    const start = this.position(span.start);
    const end = this.position(span.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length) - 1)]!;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
    let end = next;
    if (end > 0 && end <= this.text.length && line < this.lineStarts.length) {
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return Math.max(this.lineStarts[line - 1] ?? 0, end);
  }
}

/** A Text for text[start, end) with surrounding white space trimmed off. */
export function trimmedText(source: string, start: number, end: number): Text {
  let s = start;
  let e = end;
  while (s < e && isSpace(source.charCodeAt(s))) s++;
  while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
  return { value: source.slice(s, e), span: { start: s, end: e } };
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/**
 * Heading text as the template compares it: case folded, white space folded,
 * trailing punctuation dropped ("Key terms:" equals "key terms").
 */
export function normalizeTitle(title: string): string {
  const folded = title
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  // A loop, not /[\s.:;,!?]+$/: that regex backtracks quadratically on a long heading.
  let end = folded.length;
  while (end > 0 && ' .:;,!?'.includes(folded[end - 1]!)) end--;
  return folded.slice(0, end);
}

/**
 * Spoken words: white-space separated tokens, as `wc -w` counts them (the
 * template's figures, "540 spoken words" for the sample, are counted so).
 */
export function countWords(text: string): number {
  let words = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inToken) words++;
    inToken = !space;
  }
  return words;
}

/** Splits text[start, end) into lines, with each line's span (no line break). */
export function linesOf(source: string, start: number, end: number): Text[] {
  const lines: Text[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ value: source.slice(lineStart, i), span: { start: lineStart, end: i } });
      if (c === 13 && source.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
      lineStart = i + 1;
    }
  }
  lines.push({ value: source.slice(lineStart, end), span: { start: lineStart, end } });
  return lines;
}
