/**
 * One lesson text linted once per version: the engine's result plus what the
 * editor features need to map between engine spans (UTF-16 offsets) and LSP
 * positions (0-based line, UTF-16 character).
 */
import type { Position, Range } from 'vscode-languageserver';
import { LineIndex, type LessonLintResult, type LineColumnRange, type ResolvedConfig, type Span } from '../engine/index';
import type { LessonLinter, NotChecked } from './linter';

export interface LessonAnalysis {
  uri: string;
  /** Course path; undefined for documents outside the course (untitled, diff views). */
  path?: string;
  /** The document version, or null for text read from disk. */
  version: number | null;
  text: string;
  config: ResolvedConfig;
  lines: LineIndex;
  /** Absent when the text was too large to check, or its lint did not finish. */
  result?: LessonLintResult;
  /** Set instead of `result` when the text exceeds the size limit. */
  tooLarge?: { length: number; limit: number };
  /** Set instead of `result` when the lint ran out of time or failed. */
  notChecked?: NotChecked;
  /** The configuration's `ignores` cover this file: no diagnostics, not part of the course. */
  ignored?: boolean;
}

export interface AnalysisInput {
  uri: string;
  path?: string;
  version: number | null;
  text: string;
  config: ResolvedConfig;
  maxLessonLength: number;
  ignored?: boolean;
}

/**
 * Lints a text (unless it is too large to) into an analysis; undefined when
 * `isStale` said, before the lint started, that a newer version made it useless.
 */
export async function analyze(input: AnalysisInput, linter: LessonLinter, isStale?: () => boolean): Promise<LessonAnalysis | undefined> {
  const { text, maxLessonLength } = input;
  const base = {
    uri: input.uri,
    version: input.version,
    text,
    config: input.config,
    ...(input.path !== undefined ? { path: input.path } : {}),
    ...(input.ignored ? { ignored: true } : {}),
  };
  // Without a result only the first line is ever looked up (for the one diagnostic): indexing the rest would be wasted work.
  if (text.length > maxLessonLength) return { ...base, lines: firstLineIndex(text), tooLarge: { length: text.length, limit: maxLessonLength } };
  const outcome = await linter.lint({ text, config: input.config, ...(input.path !== undefined ? { filePath: input.path } : {}) }, isStale);
  switch (outcome.kind) {
    case 'done':
      return { ...base, lines: outcome.result.lines, result: outcome.result };
    case 'superseded':
      return undefined;
    case 'not-checked':
      return { ...base, lines: firstLineIndex(text), notChecked: outcome };
  }
}

function firstLineIndex(text: string): LineIndex {
  return new LineIndex(text.slice(0, firstLineEnd(text)));
}

function firstLineEnd(text: string): number {
  const newline = text.search(/[\r\n]/);
  return newline < 0 ? Math.min(text.length, 1000) : Math.min(newline, 1000);
}

/** Whether the analysis holds a lesson (not a README, not a too-large file). */
export function lessonOf(analysis: LessonAnalysis) {
  return analysis.result?.lesson.isLesson ? analysis.result.lesson : undefined;
}

export function positionAt(lines: LineIndex, offset: number): Position {
  const p = lines.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function rangeOfSpan(lines: LineIndex, span: Span): Range {
  return { start: positionAt(lines, span.start), end: positionAt(lines, span.end) };
}

export function offsetAt(lines: LineIndex, position: Position): number {
  return lines.offset(position.line + 1, position.character + 1);
}

/** 1-based engine line/column range → 0-based LSP range. */
export function rangeOfLineColumns(range: LineColumnRange): Range {
  return {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: range.endLine - 1, character: range.endColumn - 1 },
  };
}

/** Whether an offset falls inside a span; the end counts too, so a cursor right after a token is "on" it. */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
