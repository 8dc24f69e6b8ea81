/**
 * The complexity guard: a linear pre-scan of the raw text, run before the
 * parser, that refuses a lesson remark-parse would take too long on (or
 * overflow the stack on) with one `lesson-too-complex` finding instead of
 * parsing it.
 *
 * micromark (under remark-parse 11) is super-linear on a few shapes, measured
 * on the project's 2-core machine (CPU time, parse only):
 * - list/quote nesting: a 500-deep nested list takes ~4-6 s, a 1,000-deep one
 *   over 90 s; 3,000 list markers (or 10,000 `>`) on one line overflow the
 *   stack of the mdast transforms;
 * - every line costs ~11 µs per list or quote it sits in: 5,000 lines 100
 *   deep take ~6 s, 10,000 lines 50 deep ~7 s;
 * - a run of lazy continuation lines (a paragraph in a list item or quote
 *   going on without the indentation or `>`) is quadratic: 8,000 in a row
 *   take ~1.3 s, 16,000 ~4.5 s (the same lines in runs of 1,000: ~1.4 s);
 * - emphasis, strikethrough and link brackets in one paragraph are quadratic:
 *   `*a` ×20,000 takes ~7 s, `~a` ×20,000 ~6 s, `[a](` ×20,000 ~3 s;
 * - and it costs ~30-250 µs a line (plain line to table row) and ~2.5 µs a
 *   byte of ordinary prose, so size and line count need bounds too.
 * The scan reads each character a bounded number of times and allocates per
 * line and per container, never per character: ~50 ms for 2 MB of lesson,
 * ~300 ms for 2 MB of `>` (two million containers).
 */
import { LineIndex } from './model/text';
import type { Lesson } from './model/types';
import type { Finding, Span } from './types';

export const TOO_COMPLEX_RULE_ID = 'lesson-too-complex';

export interface ComplexityLimits {
  /** Size of the text in UTF-8 bytes. */
  maxBytes: number;
  /** Number of lines. */
  maxLines: number;
  /** Lists and block quotes open at once on one line. */
  maxNesting: number;
  /** Sum over all lines of the lists and block quotes each line sits in. */
  maxNestedLines: number;
  /** Lines in a row that continue a paragraph of a list item or block quote without its indentation or `>`. */
  maxLazyLines: number;
  /** Emphasis, strikethrough and link-bracket characters (`*` `_` `~` `[` `]`) in one paragraph. */
  maxInlineMarkers: number;
}

/**
 * Defaults that admit an ordinary lesson of 1 MB (the sample lesson repeated:
 * 11,051 lines, nesting 1, 3,939 nested lines, no lazy line, at most 21
 * markers a paragraph; it lints in ~2.5 s) and hold what each shape can add
 * to about a second or two: 30,000 plain lines ~1.2 s (list items ~4 s, table
 * rows ~6 s: lines cost what they cost), 100-deep nesting ~0.3 s, 100,000
 * nested lines ~1.2-1.6 s, a run of 1,000 lazy lines ~0.05 s, 5,000 markers
 * in a paragraph ~1 s.
 */
export const DEFAULT_LIMITS: Readonly<ComplexityLimits> = Object.freeze({
  maxBytes: 2_000_000,
  maxLines: 30_000,
  maxNesting: 100,
  maxNestedLines: 100_000,
  maxLazyLines: 1_000,
  maxInlineMarkers: 5_000,
});

/** What the scan measured, with the place a finding about each measure points at. */
export interface ComplexityMeasures {
  bytes: number;
  lines: number;
  /** Deepest nesting of lists and block quotes, and the container markers of the line that reaches it. */
  nesting: number;
  nestingSpan: Span;
  nestedLines: number;
  /** Longest run of lazy lines, and its first line. */
  lazyLines: number;
  lazySpan: Span;
  /** Most markers in one paragraph, and the paragraph's first line. */
  inlineMarkers: number;
  inlineMarkersSpan: Span;
}

/** Longest span a finding of the guard covers: enough to see, not a megabyte-long underline. */
const MAX_SPAN = 200;

function cappedSpan(text: string, start: number, end: number): Span {
  let capped = Math.min(end, start + MAX_SPAN);
  // Never end between the halves of a surrogate pair.
  if (capped < end && capped > start && isHighSurrogate(text.charCodeAt(capped - 1))) capped--;
  return { start, end: capped };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** UTF-8 length, as a file on disk would have it (a lone surrogate is written as U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const SPACE = 32;
const TAB = 9;
const GT = 62; // >
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const DASH = 45;
const STAR = 42;
const PLUS = 43;
const UNDERSCORE = 95;
const PIPE = 124;
const COLON = 58;

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isInlineMarker(code: number): boolean {
  return code === STAR || code === UNDERSCORE || code === TILDE || code === 91 /* [ */ || code === 93 /* ] */;
}

/** Column after `code` at `column` (a tab moves to the next multiple of 4, as CommonMark counts). */
function advance(column: number, code: number): number {
  return code === TAB ? column + 4 - (column % 4) : column + 1;
}

/**
 * The open containers are kept as numbers (a hostile line may open a million):
 * a block quote is QUOTE, a list item is the width of its indentation, in
 * columns from where its parent's content starts on a line (CommonMark counts
 * a list item's indentation relative to the enclosing container), always ≥ 1.
 */
const QUOTE = 0;

/** A line that is `---` and nothing but spaces or tabs after it: the fence of YAML front matter. */
function isFrontMatterFence(text: string, start: number, end: number): boolean {
  if (end - start < 3 || text.charCodeAt(start) !== DASH || text.charCodeAt(start + 1) !== DASH || text.charCodeAt(start + 2) !== DASH) return false;
  for (let j = start + 3; j < end; j++) if (!isSpaceOrTab(text.charCodeAt(j))) return false;
  return true;
}

/**
 * Where the markdown starts: after YAML front matter (the parser's rule: a
 * `---` first line, and a closing `---` line further down), whose lines are
 * counted but hold no markdown; else at `start`.
 */
function frontMatterEnd(text: string, start: number, m: ComplexityMeasures): number {
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  if (end >= text.length || !isFrontMatterFence(text, start, end)) return start;
  let lines = 1;
  let lineStart = start;
  for (let lineEnd = end; lineEnd < text.length; ) {
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    lines++;
    if (isFrontMatterFence(text, lineStart, lineEnd)) {
      m.lines += lines - 1;
      return lineStart;
    }
  }
  return start;
}

/**
 * Scans the text line by line, keeping a rough model of the open lists and
 * block quotes (CommonMark's container rules, without inline parsing). It
 * errs towards counting more nesting than the parser sees, never much less,
 * and ignores fenced code, where the parser does no such work.
 */
export function measureComplexity(text: string): ComplexityMeasures {
  const empty: Span = { start: 0, end: 0 };
  const m: ComplexityMeasures = {
    bytes: utf8Length(text),
    lines: 0,
    nesting: 0,
    nestingSpan: empty,
    nestedLines: 0,
    lazyLines: 0,
    lazySpan: empty,
    inlineMarkers: 0,
    inlineMarkersSpan: empty,
  };
  const stack: number[] = [];
  /** Stack indices of the block quotes, ascending: a blank line matches quotes only, so it must not walk the lists. */
  const quotes: number[] = [];
  const truncate = (length: number) => {
    stack.length = Math.min(stack.length, length);
    while (quotes.length > 0 && quotes[quotes.length - 1]! >= stack.length) quotes.pop();
  };
  /**
   * The previous line may be continued lazily. Set after every line of text,
   * not only paragraph lines: when the scan and the parser disagree about a
   * line (a heading or rule to one, paragraph text to the other), keeping
   * containers open errs towards more nesting, never less.
   */
  let lazyOpen = false;
  /** The previous line was paragraph text (its markers add up with this line's). */
  let paragraph = false;
  let paragraphLines = 0;
  /** Rows of a table count their markers one by one (each cell is parsed on its own). */
  let table = false;
  let markers = 0;
  let markersStart = 0;
  let fence: { code: number; length: number; depth: number } | undefined;
  /** The current run of lazy lines (the parser's cost grows with the square of a run's length). */
  let lazyRun = 0;
  let lazyRunStart = 0;
  /** Per line: the character of a thematic break that ends the line, and where its run starts. */
  let breakChar = 0;
  let breakFrom = 0;

  let lineStart = frontMatterEnd(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, m);
  for (;;) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    m.lines++;
    const lazyBefore = lazyRun;
    scanLine(lineStart, lineEnd);
    if (lazyRun === lazyBefore) lazyRun = 0;
    m.nestedLines += stack.length;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return m;

  function scanLine(start: number, end: number): void {
    // Where the content ends, and where a thematic break could start (see isThematicBreak), in one backward pass.
    let lastContent = end - 1;
    while (lastContent >= start && isSpaceOrTab(text.charCodeAt(lastContent))) lastContent--;
    const blank = lastContent < start;
    breakChar = blank ? 0 : text.charCodeAt(lastContent);
    breakFrom = lastContent;
    while (breakFrom > start && (text.charCodeAt(breakFrom - 1) === breakChar || isSpaceOrTab(text.charCodeAt(breakFrom - 1)))) breakFrom--;

    // 1. Which open containers does the line continue? `column` may stop inside a tab (see skipTo).
    let i = start;
    let column = 0;
    let matched = 0;
    let quotesMatched = 0;
    while (matched < stack.length) {
      if (i > lastContent) {
        // Nothing left on the line: list items go on over it, a block quote only with its `>`.
        matched = quotesMatched < quotes.length ? quotes[quotesMatched]! : stack.length;
        break;
      }
      const container = stack[matched]!;
      if (container === QUOTE) {
        const content = firstContent(i, end, column);
        if (content.indent >= 4 || text.charCodeAt(content.at) !== GT) break;
        [i, column] = afterQuoteMarker(content.at, end, content.column);
        quotesMatched++;
      } else {
        const target = column + container;
        const to = skipTo(i, end, column, target);
        if (to.column < target) break;
        i = to.at;
        column = to.column;
      }
      matched++;
    }

    if (fence) {
      if (matched >= fence.depth) {
        truncate(matched);
        if (closesFence(i, end, column, fence)) fence = undefined;
        return;
      }
      fence = undefined;
    }
    if (blank) {
      truncate(matched);
      lazyOpen = false;
      paragraph = false;
      table = false;
      return;
    }
    // An empty item, or an ordered one numbered other than 1, cannot interrupt a paragraph: the parser may read the line as text.
    const interrupting = lazyOpen;
    let maybeText = false;

    // 2. A line that continues none of the deeper containers either goes on lazily or closes them.
    if (matched < stack.length) {
      if (lazyOpen && i <= lastContent && !startsBlock(i, end, column)) {
        if (lazyRun++ === 0) lazyRunStart = start;
        if (lazyRun > m.lazyLines) {
          m.lazyLines = lazyRun;
          m.lazySpan = cappedSpan(text, lazyRunStart, end);
        }
        countMarkers(i, end);
        return;
      }
      truncate(matched);
      lazyOpen = false;
      paragraph = false;
      table = false;
    }

    // 3. Containers the line opens: `>`, `-`, `*`, `+`, `1.`, `1)`, several on one line too.
    for (;;) {
      const base = column;
      const content = firstContent(i, end, column);
      if (content.indent >= 4 || content.at >= end) break;
      if (text.charCodeAt(content.at) === GT) {
        quotes.push(stack.length);
        stack.push(QUOTE);
        [i, column] = afterQuoteMarker(content.at, end, content.column);
      } else {
        const markerEnd = listMarkerEnd(content.at, end);
        if (markerEnd < 0 || isThematicBreak(content.at, end)) break;
        const markerColumn = content.column + (markerEnd - content.at);
        const spaces = firstContent(markerEnd, end, markerColumn);
        const numberedOne = markerEnd - content.at === 2 && text.charCodeAt(content.at) === 49;
        if (interrupting && (spaces.at >= end || (isDigit(text.charCodeAt(content.at)) && !numberedOne))) maybeText = true;
        if (spaces.at >= end || spaces.indent > 4) {
          // Nothing after the marker, or content indented 5+ columns past it (code): the content starts one column in.
          const to = skipTo(markerEnd, end, markerColumn, markerColumn + 1);
          i = to.at;
          column = markerColumn + 1;
        } else {
          i = spaces.at;
          column = spaces.column;
        }
        stack.push(column - base);
      }
      paragraph = false;
      table = false;
    }
    if (stack.length > m.nesting) {
      m.nesting = stack.length;
      m.nestingSpan = cappedSpan(text, start, i);
    }

    // 4. What the rest of the line is.
    const content = firstContent(i, end, column);
    if (content.at >= end) {
      lazyOpen = maybeText;
      paragraph = false;
      return;
    }
    const wasLazyOpen = lazyOpen;
    lazyOpen = true;
    if (content.indent >= 4 && !wasLazyOpen) return; // indented code
    const block = content.indent < 4 && !maybeText;
    const code = text.charCodeAt(content.at);
    if (block && isFenceStart(content.at, end, code)) {
      fence = { code, length: runLength(content.at, end, code), depth: stack.length };
      lazyOpen = false;
      paragraph = false;
      return;
    }
    if (block && isThematicBreak(content.at, end)) {
      paragraph = false;
      return;
    }
    if (block && code === HASH && isAtxHeading(content.at, end)) {
      paragraph = false;
      table = false;
      markers = 0;
      markersStart = start;
      countMarkers(content.at, end);
      return;
    }
    if (paragraph && paragraphLines === 1 && isDelimiterRow(content.at, end)) {
      table = true;
      return;
    }
    if (!paragraph || table) {
      markers = 0;
      markersStart = start;
      paragraphLines = 0;
    }
    paragraph = true;
    paragraphLines++;
    countMarkers(content.at, end);
  }

  function countMarkers(from: number, end: number): void {
    for (let j = from; j < end; j++) if (isInlineMarker(text.charCodeAt(j))) markers++;
    if (markers > m.inlineMarkers) {
      m.inlineMarkers = markers;
      m.inlineMarkersSpan = cappedSpan(text, markersStart, lineEndOf(markersStart));
    }
  }

  function lineEndOf(from: number): number {
    let j = from;
    while (j < text.length && j - from < MAX_SPAN && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    return j;
  }

  /**
   * Consumes spaces and tabs from `at` (at `column`) up to `target`. A tab
   * that reaches past the target is split: the position stays on it and the
   * column says how much of it is used (advance() gives the rest).
   */
  function skipTo(at: number, end: number, column: number, target: number): { at: number; column: number } {
    let j = at;
    let col = column;
    while (col < target && j < end && isSpaceOrTab(text.charCodeAt(j))) {
      const next = advance(col, text.charCodeAt(j));
      if (next > target) return { at: j, column: target };
      col = next;
      j++;
    }
    return { at: j, column: col };
  }

  /** Past a `>` at `at` and the one column of space after it that belongs to the marker (part of a tab, maybe). */
  function afterQuoteMarker(at: number, end: number, column: number): [number, number] {
    const to = skipTo(at + 1, end, column + 1, column + 2);
    return [to.at, to.column];
  }

  /** First character after spaces and tabs, and how many columns of indentation came before it. */
  function firstContent(from: number, end: number, column: number): { at: number; column: number; indent: number } {
    let j = from;
    let col = column;
    while (j < end && isSpaceOrTab(text.charCodeAt(j))) col = advance(col, text.charCodeAt(j++));
    return { at: j, column: col, indent: col - column };
  }

  /** Whether a line that continues none of the open containers starts a block (so it is not a lazy line). */
  function startsBlock(from: number, end: number, column: number): boolean {
    const content = firstContent(from, end, column);
    if (content.indent >= 4) return false;
    const code = text.charCodeAt(content.at);
    if (code === GT || (code === HASH && isAtxHeading(content.at, end))) return true;
    if (isFenceStart(content.at, end, code)) return true;
    return listMarkerEnd(content.at, end) >= 0 || isThematicBreak(content.at, end);
  }

  /** End of a list marker at `at` (`-`, `*`, `+`, or 1-9 digits and `.`/`)`), followed by a space, a tab or the line end; -1 if none. */
  function listMarkerEnd(at: number, end: number): number {
    const code = text.charCodeAt(at);
    let j = at;
    if (code === DASH || code === STAR || code === PLUS) j++;
    else {
      while (j < end && j - at < 9 && isDigit(text.charCodeAt(j))) j++;
      if (j === at || j >= end) return -1;
      const delimiter = text.charCodeAt(j);
      if (delimiter !== 46 /* . */ && delimiter !== 41 /* ) */) return -1;
      j++;
    }
    return j >= end || isSpaceOrTab(text.charCodeAt(j)) ? j : -1;
  }

  /**
   * `---`, `* * *`, `___`: three or more of one character and nothing else
   * to the line's end. Only the run that ends the line (found once per line)
   * can be one, so the calls at each marker of `- - - - x` cost O(1); inside
   * that run, a scan that fails has seen fewer than three such characters,
   * which bounds the failing scans of a line to three.
   */
  function isThematicBreak(at: number, end: number): boolean {
    const code = text.charCodeAt(at);
    if (at < breakFrom || code !== breakChar || (code !== DASH && code !== STAR && code !== UNDERSCORE)) return false;
    let count = 0;
    for (let j = at; j < end && count < 3; j++) if (text.charCodeAt(j) === code) count++;
    return count >= 3;
  }

  function isAtxHeading(at: number, end: number): boolean {
    const length = runLength(at, end, HASH);
    return length <= 6 && (at + length >= end || isSpaceOrTab(text.charCodeAt(at + length)));
  }

  /** A GFM table's delimiter row: only `|`, `-`, `:` and spaces, with at least one `|` and one `-`. */
  function isDelimiterRow(at: number, end: number): boolean {
    let pipe = false;
    let dash = false;
    for (let j = at; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === PIPE) pipe = true;
      else if (c === DASH) dash = true;
      else if (c !== COLON && !isSpaceOrTab(c)) return false;
    }
    return pipe && dash;
  }

  /** ``` or ~~~ (3 or more); a backtick fence's info string holds no backtick (else it is inline code). */
  function isFenceStart(at: number, end: number, code: number): boolean {
    if (code !== BACKTICK && code !== TILDE) return false;
    const length = runLength(at, end, code);
    if (length < 3) return false;
    if (code === BACKTICK) for (let j = at + length; j < end; j++) if (text.charCodeAt(j) === BACKTICK) return false;
    return true;
  }

  function closesFence(from: number, end: number, column: number, open: { code: number; length: number }): boolean {
    const content = firstContent(from, end, column);
    if (content.indent >= 4) return false;
    const length = runLength(content.at, end, open.code);
    if (length < open.length) return false;
    for (let j = content.at + length; j < end; j++) if (!isSpaceOrTab(text.charCodeAt(j))) return false;
    return true;
  }

  function runLength(at: number, end: number, code: number): number {
    let j = at;
    while (j < end && text.charCodeAt(j) === code) j++;
    return j - at;
  }
}

const NUMBER_GROUP = 3;

/** 12345 → "12,345" (no Intl: the message must not depend on the runtime's locale data). */
function formatCount(value: number): string {
  const digits = String(Math.trunc(value));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % NUMBER_GROUP === 0) out += ',';
    out += digits[i];
  }
  return out;
}

function formatMegabytes(bytes: number, decimals: number): string {
  return `${Number((bytes / 1_000_000).toFixed(decimals))} MB`;
}

/** "5.2 MB" against "2 MB"; more digits, then bytes, where rounding would make the two look equal. */
function describeSizes(bytes: number, limit: number): [string, string] {
  for (const decimals of [1, 3]) {
    const size = formatMegabytes(bytes, decimals);
    const max = formatMegabytes(limit, decimals);
    if (size !== max) return [size, max];
  }
  return [`${formatCount(bytes)} bytes`, `${formatCount(limit)}-byte`];
}

function refusal(message: string, span: Span): Finding {
  return { ruleId: TOO_COMPLEX_RULE_ID, severity: 'error', message: `Lesson not checked: ${message}`, span };
}

/**
 * The `lesson-too-complex` finding for a text over one of the limits, or
 * undefined when the text may be parsed. Limits are checked in a fixed order
 * (size first), so the finding names one limit, deterministically.
 */
export function checkComplexity(text: string, overrides: Partial<ComplexityLimits> = {}): Finding | undefined {
  const limits: ComplexityLimits = { ...DEFAULT_LIMITS, ...overrides };
  const fileStart = cappedSpan(text, 0, firstLineEnd(text));
  // A UTF-16 unit is at least one UTF-8 byte: a long text is over the limit without scanning it.
  if (text.length > limits.maxBytes || (text.length * 3 > limits.maxBytes && utf8Length(text) > limits.maxBytes)) {
    const [size, max] = describeSizes(utf8Length(text), limits.maxBytes);
    return refusal(`${size} is over the ${max} limit (set limits.maxBytes to raise it)`, fileStart);
  }
  const m = measureComplexity(text);
  if (m.lines > limits.maxLines) {
    return refusal(`${formatCount(m.lines)} lines is over the ${formatCount(limits.maxLines)}-line limit (set limits.maxLines to raise it)`, fileStart);
  }
  if (m.nesting > limits.maxNesting) {
    return refusal(
      `lists and block quotes nested ${formatCount(m.nesting)} deep (limit ${formatCount(limits.maxNesting)}; set limits.maxNesting to raise it)`,
      m.nestingSpan,
    );
  }
  if (m.nestedLines > limits.maxNestedLines) {
    return refusal(
      `lines inside lists and block quotes add up to ${formatCount(m.nestedLines)} levels of nesting (limit ${formatCount(limits.maxNestedLines)}; set limits.maxNestedLines to raise it)`,
      m.nestingSpan,
    );
  }
  if (m.lazyLines > limits.maxLazyLines) {
    return refusal(
      `${formatCount(m.lazyLines)} lines in a row continue a list item or block quote without its indentation or '>' (limit ${formatCount(limits.maxLazyLines)}; set limits.maxLazyLines to raise it)`,
      m.lazySpan,
    );
  }
  if (m.inlineMarkers > limits.maxInlineMarkers) {
    return refusal(
      `a paragraph holds ${formatCount(m.inlineMarkers)} emphasis and link markers (* _ ~ [ ]) (limit ${formatCount(limits.maxInlineMarkers)}; set limits.maxInlineMarkers to raise it)`,
      m.inlineMarkersSpan,
    );
  }
  return undefined;
}

function firstLineEnd(text: string): number {
  let end = 0;
  while (end < text.length && end < MAX_SPAN && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

/**
 * What lintLesson returns for a refused text: an empty model and the one
 * finding. The text counts as a lesson, so that the edges show the finding
 * (whether it is one cannot be known without parsing it).
 */
export function refuseComplexLesson(
  text: string,
  limits?: Partial<ComplexityLimits>,
): { lesson: Lesson; lines: LineIndex; findings: Finding[] } | undefined {
  const finding = checkComplexity(text, limits);
  if (!finding) return undefined;
  const lesson: Lesson = {
    text,
    isLesson: true,
    tree: { type: 'root', children: [] },
    extraTitles: [],
    metadata: [],
    tags: [],
    sections: [],
    suppressions: [],
  };
  return { lesson, lines: new LineIndex(text), findings: [finding] };
}
