/**
 * A lesson's course header (CourseLesson) without the full lint, and without
 * parsing most of the lesson: what the language server's course index needs
 * of every file of a workspace. The result equals `lintLesson(text,
 * {filePath}).course` (test/unit/course-header.test.ts checks it).
 *
 * The header comes from three places: the top of the file (front matter, H1,
 * the metadata paragraph), the first "Slide outline" section (the "Up next"
 * item) and the suppression comments. Only those regions are parsed, each
 * with the model's own parser (parseLesson on a slice of the text):
 *
 * - The text is cut at the lines that start with `## ` (or `##` alone) in
 *   column 0. In the full parse such a line is a top-level H2, and so starts
 *   a section, unless something opened before it is still open: only a
 *   top-level fenced code block or HTML block can be (front matter is handled
 *   apart); a paragraph, table, list, quote or footnote ends at such a line.
 *   So a segment between two cut lines that has no line that could open a
 *   fence or an HTML block, nor a line that could be another H2 (setext
 *   underline, indented `##`), is a section whose body the header does not
 *   need, and is skipped unread. Any other segment is parsed, with the next
 *   cut line, and must show that line as an H2.
 * - The prefix up to the first cut line is parsed as it is: a prefix parses
 *   the same as the start of the whole text.
 * - Usually the prefix and the "Slide outline" section are joined and parsed
 *   at once (headAndOutline), which must show the same cut lines as H2s.
 * - A text with a suppression comment (it holds `lessonlint-`), without any
 *   cut line, or where a check fails, is parsed whole: the result is then
 *   exact by construction, only slower.
 */
import { checkComplexity, type ComplexityLimits } from '../guard';
import { KNOWN_SECTION_VIEWS, parseLesson, sectionKeyTitle } from '../model/parse';
import { LineIndex } from '../model/text';
import type { Lesson, Section, UpNextPointer } from '../model/types';
import { suppressedLines } from '../suppress';
import type { Span } from '../types';
import { summarizeLesson } from './summarize';
import type { CourseLesson } from './types';

/** The header the course rules keep of a lesson; undefined for a file that is not a lesson or that the lint would refuse. */
export function courseHeader(text: string, filePath: string, limits?: Partial<ComplexityLimits>): CourseLesson | undefined {
  // The lint refuses such a text before parsing it (with the config's limits), and then has no header for it either.
  if (checkComplexity(text, limits)) return undefined;
  const fromRegions = regionsHeader(text, filePath);
  return fromRegions ? fromRegions.header : fullHeader(text, filePath);
}

/**
 * The header from the regions that hold it, without the complexity check;
 * undefined when the regions cannot be told apart without parsing the whole
 * text (a suppression comment, no `## ` line, a check that failed).
 */
export function regionsHeader(text: string, filePath: string): { header: CourseLesson | undefined } | undefined {
  // A reference definition changes how headings elsewhere in the file read; a suppression comment may be anywhere.
  if (text.includes('lessonlint-') || text.includes(']:')) return undefined;
  const lines = new LineIndex(text);
  const lesson = headerRegions(lines, filePath);
  return lesson ? { header: summarized(lesson, lines, filePath) } : undefined;
}

/** The header from a parse of the whole text: what `lintLesson` does, without the rules. */
export function fullHeader(text: string, filePath: string): CourseLesson | undefined {
  const lesson = parseLesson(text, filePath);
  return summarized(lesson, new LineIndex(text), filePath);
}

function summarized(lesson: Lesson, lines: LineIndex, filePath: string): CourseLesson | undefined {
  if (!lesson.isLesson) return undefined;
  // A copy that shares no string with the text, which would otherwise stay alive as long as the index (see lint.ts).
  return structuredClone(summarizeLesson(lesson, lines, filePath, suppressedLines(lesson.suppressions, lines)));
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
}

/**
 * The lesson as far as the header reads it (front matter, title, metadata,
 * "Up next"), from the regions that hold it; undefined when the regions
 * cannot be told apart without parsing everything.
 */
function headerRegions(index: LineIndex, filePath: string): Lesson | undefined {
  const text = index.text;
  const lines = Array.from({ length: index.lineCount }, (_, i): Line => ({ start: index.lineStart(i + 1), end: index.lineEnd(i + 1) }));
  const cuts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isCutLine(text, lines[i]!)) cuts.push(i);
  if (cuts.length === 0) return undefined;
  const inOneParse = headAndOutline(text, lines, cuts, filePath);
  if (inOneParse) return inOneParse;

  const head = parseToSection(text, lines, cuts, 0, 0, filePath);
  if (frontMatterCutOff(text, head.lesson)) return undefined;
  const inHead = firstOutline(head.lesson, 0, head.next !== undefined);
  if (inHead !== false) return withUpNext(head.lesson, inHead);

  for (let c = head.next; c !== undefined; ) {
    const first = cuts[c]!;
    const next = cuts[c + 1];
    if (!mayBeOutline(text, lines[first]!) && !mayHideStructure(text, lines, first + 1, next ?? lines.length)) {
      c = next === undefined ? undefined : c + 1;
      continue;
    }
    const start = lines[first]!.start;
    const segment = parseToSection(text, lines, cuts, start, c + 1);
    if (segment.lesson.sections[0]?.heading.span.start !== 0) return undefined;
    const found = firstOutline(segment.lesson, start, segment.next !== undefined);
    if (found !== false) return withUpNext(head.lesson, found);
    c = segment.next;
  }
  return withUpNext(head.lesson, undefined);
}

/**
 * The usual lesson in one parse instead of two: the top of the file up to the
 * first cut line, joined to the first section whose heading may read "Slide
 * outline" (up to the next cut line), when every section between them would
 * be skipped and neither region can hide structure. Each parse costs about
 * 0.1 ms of its own, whatever the text's length (docs/performance.md, change
 * 18). The joined text reads as the two regions would: the top ends with a top-level
 * H2, so nothing in it is open where the outline section starts. Undefined
 * when the lesson has another shape, or when the parse does not show the
 * three cut lines as consecutive H2s with the outline in the middle: the
 * regions are then parsed one by one.
 */
function headAndOutline(text: string, lines: Line[], cuts: number[], filePath: string): Lesson | undefined {
  const headCut = lines[cuts[0]!]!;
  if (mayBeOutline(text, headCut)) return undefined;
  let c = 1;
  for (; c < cuts.length; c++) {
    // The body before cut c is left out of the parse, so it must hide nothing.
    if (mayHideStructure(text, lines, cuts[c - 1]! + 1, cuts[c]!)) return undefined;
    if (mayBeOutline(text, lines[cuts[c]!]!)) break;
  }
  if (c === cuts.length) return undefined;
  const next = cuts[c + 1];
  if (mayHideStructure(text, lines, cuts[c]! + 1, next ?? lines.length)) return undefined;

  const headEnd = headCut.end;
  const start = lines[cuts[c]!]!.start;
  const end = next === undefined ? text.length : lines[next]!.end;
  const joined = parseLesson(`${text.slice(0, headEnd)}\n${text.slice(start, end)}`, filePath);
  // Offsets after the join are `shift` below the same text's offsets in the lesson.
  const shift = start - (headEnd + 1);
  if (frontMatterCutOff(text, joined)) return undefined;
  const starts = joined.sections.map((section) => section.heading.span.start);
  const expected = [headCut.start, headEnd + 1, ...(next === undefined ? [] : [lines[next]!.start - shift])];
  const outline = joined.sections.at(next === undefined ? -1 : -2);
  if (starts.slice(-expected.length).join() !== expected.join() || !outline || !isOutline(outline)) return undefined;
  // The model's "Up next" is that of the first outline section: this one, or one the top of the file holds.
  const upNext = joined.upNext && joined.upNext.span.start > headEnd ? moved(joined.upNext, shift) : joined.upNext;
  return withUpNext(joined, upNext);
}

/**
 * Whether the text opens front matter that the parse of a slice did not
 * read as such. Front matter is the one construct that looks ahead: its
 * closing fence, which the slice may have cut off, decides what its first
 * line is.
 */
function frontMatterCutOff(text: string, slice: Lesson): boolean {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.startsWith('---', bom) && !slice.frontMatter;
}

/** Cut lines a slice may grow over (inside a fence, say) before the rest of the text is parsed at once. */
const MAX_SLICE_GROWTH = 3;

/**
 * Parses the text from `start` to the end of the first cut line (from
 * `cuts[fromCut]` on) that the parse shows as a top-level H2; `next` is that
 * cut's index, undefined when the slice had to run to the end of the text.
 */
function parseToSection(
  text: string,
  lines: Line[],
  cuts: number[],
  start: number,
  fromCut: number,
  filePath?: string,
): { lesson: Lesson; next: number | undefined } {
  for (let k = fromCut; k < cuts.length && k < fromCut + MAX_SLICE_GROWTH; k++) {
    const line = lines[cuts[k]!]!;
    const lesson = parseLesson(text.slice(start, line.end), filePath);
    if (endsWithSectionAt(lesson, line.start - start)) return { lesson, next: k };
  }
  return { lesson: parseLesson(text.slice(start), filePath), next: undefined };
}

/** Whether the last section of a parsed slice starts at `offset`: the slice's last line is a top-level H2. */
function endsWithSectionAt(lesson: Lesson, offset: number): boolean {
  return lesson.sections.at(-1)?.heading.span.start === offset;
}

function isOutline(section: Section): boolean {
  return sectionKeyTitle(section.normalizedTitle) === KNOWN_SECTION_VIEWS.outline;
}

/**
 * The "Up next" of a parsed slice (its spans moved by `base`) when the slice
 * holds the first "Slide outline" section; false when it holds none, or only
 * as its last line when `endsWithCut` (the next segment's heading, whose
 * body the slice does not hold).
 */
function firstOutline(slice: Lesson, base: number, endsWithCut: boolean): UpNextPointer | undefined | false {
  const at = slice.sections.findIndex(isOutline);
  if (at < 0 || (endsWithCut && at === slice.sections.length - 1)) return false;
  // The model reads the first "Slide outline" section of the slice, which is this one.
  return slice.upNext && moved(slice.upNext, base);
}

function withUpNext(head: Lesson, upNext: UpNextPointer | undefined): Lesson {
  const lesson: Lesson = { ...head };
  if (upNext) lesson.upNext = upNext;
  else delete lesson.upNext;
  return lesson;
}

function moved(pointer: UpNextPointer, base: number): UpNextPointer {
  const shift = (span: Span): Span => ({ start: span.start + base, end: span.end + base });
  return {
    ...pointer,
    span: shift(pointer.span),
    id: { ...pointer.id, span: shift(pointer.id.span) },
    ...(pointer.title ? { title: { ...pointer.title, span: shift(pointer.title.span) } } : {}),
    ...(pointer.minutes ? { minutes: { ...pointer.minutes, span: shift(pointer.minutes.span) } } : {}),
  };
}

/**
 * Whether a cut line's heading could read "Slide outline": it says
 * "outline", once emphasis and strikethrough marks are left out, or it has
 * markup that the heading's text is read through (a code span, a link, an
 * image, HTML, an escape, a character reference).
 */
function mayBeOutline(text: string, line: Line): boolean {
  const heading = text.slice(line.start, line.end);
  if (/[`[<&\\]/.test(heading)) return true;
  return heading.replace(/[*_~]/g, '').toLowerCase().includes('outline');
}

/**
 * Whether lines [from, to) hold a line that could open a fenced code block
 * or an HTML block (which would run over the next cut line), or be an H2
 * other than a cut line. Errs on the side of yes: a yes only costs a parse.
 */
function mayHideStructure(text: string, lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    let p = line.start;
    let tab = false;
    while (p < line.end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) {
      if (text.charCodeAt(p) === 9) tab = true;
      p++;
    }
    if (p === line.end) continue;
    const c = text.charCodeAt(p);
    if (c === 60 /* < */ || text.startsWith('```', p) || text.startsWith('~~~', p)) return true;
    if (tab || p - line.start > 3) continue;
    // `##` indented by one to three spaces is an H2 too.
    if (p > line.start && isHashes(text, p, line.end)) return true;
    // A line of `-` under a paragraph is a setext H2 (or a thematic break, or an empty list item).
    if (c === 45 /* - */ && isDashLine(text, p, line.end)) return true;
  }
  return false;
}

function isHashes(text: string, p: number, end: number): boolean {
  return text.startsWith('##', p) && (p + 2 === end || text.charCodeAt(p + 2) === 32 || text.charCodeAt(p + 2) === 9);
}

function isDashLine(text: string, p: number, end: number): boolean {
  while (p < end && text.charCodeAt(p) === 45) p++;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return p === end;
}

/** `## …` or `##` alone, in column 0. */
function isCutLine(text: string, line: Line): boolean {
  return isHashes(text, line.start, line.end);
}
