/**
 * Turning a file's bytes into lesson text, or into a finding that says why
 * it cannot be checked. These findings are not rules of the registry; their
 * IDs carry a `lessonlint/` prefix, which no rule ID (kebab-case) can have.
 */
import { readFileSync, statSync } from 'node:fs';
import type { LintMessage } from '../engine/types';
import type { FileStamp } from './cache';
import { formatDuration } from './options';

export const FILE_RULE_IDS = {
  binary: 'lessonlint/binary-file',
  encoding: 'lessonlint/invalid-utf8',
  tooLarge: 'lessonlint/file-too-large',
  unreadable: 'lessonlint/unreadable-file',
  tooComplex: 'lessonlint/too-complex',
} as const;

export type LessonContent =
  /** Text without its byte order mark; `bom` says whether the file had one (fixes keep it). */
  | { kind: 'text'; text: string; bom: boolean }
  | { kind: 'problem'; message: LintMessage };

function problemMessage(ruleId: string, message: string, line = 1, column = 1, width = 0): LintMessage {
  return { ruleId, severity: 'error', message, line, column, endLine: line, endColumn: column + width };
}

export type FileProblem = Extract<LessonContent, { kind: 'problem' }>;

function problem(ruleId: string, message: string, line = 1, column = 1, width = 0): FileProblem {
  return { kind: 'problem', message: problemMessage(ruleId, message, line, column, width) };
}

/** "5.2 MB", "512 KB", "900 bytes" (KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  const units: Array<[string, number]> = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function tooLarge(size: number, limit: number): FileProblem {
  return problem(FILE_RULE_IDS.tooLarge, `lesson too large to check (${formatSize(size)} > ${formatSize(limit)} limit); raise the limit with --max-file-size`);
}

/** A lesson whose lint ran out of its --max-lesson-time budget (pool.ts stopped it). */
export function outOfTime(budgetMs: number): LintMessage {
  return problemMessage(FILE_RULE_IDS.tooComplex, `Lesson not checked: it took longer than ${formatDuration(budgetMs)} (limit --max-lesson-time)`);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence; -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid.
    const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < secondMin || second > secondMax) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** 1-based line and UTF-16 column of a byte offset whose preceding bytes are valid UTF-8. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // The decoder drops a BOM, as the lesson text does.
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

export function decodeLesson(bytes: Uint8Array): LessonContent {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem(FILE_RULE_IDS.encoding, 'file is UTF-16 encoded; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOfByte(bytes, nul);
    return problem(FILE_RULE_IDS.binary, `binary file (NUL byte at line ${at.line}, column ${at.column}), not a markdown lesson`, at.line, at.column, 1);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { kind: 'text', text, bom };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const at = positionOfByte(bytes, offset);
    return problem(FILE_RULE_IDS.encoding, `invalid UTF-8 at byte offset ${offset} (line ${at.line}, column ${at.column}); save the file as UTF-8`, at.line, at.column, 1);
  }
}

function unreadable(error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException).code;
  return problem(FILE_RULE_IDS.unreadable, `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})`);
}

/**
 * A lesson file's size and modification time, taken before it is read (the
 * cache compares them), or why it cannot be checked: a file above `maxSize`
 * bytes is refused before it is read. Synchronous: the files are stamped
 * before any lint starts, and the promises of a large course's stat calls
 * left their garbage in the command thread's heap for the rest of the run.
 */
export async function stampLessonFile(path: string, maxSize: number): Promise<FileStamp | FileProblem> {
  try {
    const info = statSync(path);
    if (info.size > maxSize) return tooLarge(info.size, maxSize);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * A lesson file's bytes, in one synchronous call. A lesson is a few kilobytes
 * (at most --max-file-size): fs.promises.readFile opens a FileHandle and
 * makes a round trip to the thread pool for each of open, fstat, read and
 * close, which cost the command thread, whose CPU the lint workers share,
 * several times what the read itself does.
 */
export async function readLessonBytes(path: string): Promise<Uint8Array> {
  return readFileSync(path);
}

/** A lesson file's text, or why it cannot be checked; `read` gives its bytes. */
export async function readLessonFile(path: string, read: (path: string) => Promise<Uint8Array>): Promise<LessonContent> {
  try {
    return decodeLesson(await read(path));
  } catch (error) {
    return unreadable(error);
  }
}

/** Bytes to write back: the fixed text with the BOM the file had. */
export function encodeLesson(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}
