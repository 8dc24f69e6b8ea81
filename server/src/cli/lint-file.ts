/**
 * Linting one lesson's text: the unit of work that runs in this thread or
 * in a worker (worker.ts). Text and configuration in, plain data out (it
 * crosses threads by structured clone and sits in the cache); no I/O — the
 * command thread (command-thread.ts) reads and writes the files.
 */
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import { fixText } from '../engine/fix';
import { lintLesson, toMessages, type LessonLintResult } from '../engine/lint';
import type { LintMessage } from '../engine/types';
import { fileResult } from '../formats/types';
import { reportRecordOf, type LessonReportRecord } from '../report/index';

export interface LintJob {
  /** As reported: relative to the working directory, '/' separators. */
  filePath: string;
  text: string;
  fix: boolean;
  /** Also describe the lesson for `lessonlint report`. */
  record: boolean;
}

export interface LintJobResult {
  /** False for a markdown file that is not a lesson (skipped without findings). */
  isLesson: boolean;
  /** The lesson rules' messages (of the fixed text when fixes were applied), in source order. */
  messages: LintMessage[];
  /** The header the course rules read. */
  course?: CourseLesson;
  /** The text after --fix, when the fixes changed it. */
  fixedText?: string;
  /** The report record; its finding counts are those of `messages` only (the caller adds the course findings). */
  record?: LessonReportRecord;
  /** How many times the text was parsed: once, plus once per --fix pass. */
  parses: number;
}

/** A file whose line breaks were all CRLF keeps CRLF where a fix inserted a bare LF. */
function keepLineEndings(original: string, fixed: string): string {
  const allCrlf = original.includes('\r\n') && !/(?:^|[^\r])\n/.test(original);
  return allCrlf ? fixed.replace(/\r?\n/g, '\r\n') : fixed;
}

export function lintFile(job: LintJob, config: ResolvedConfig): LintJobResult {
  let parses = 0;
  // The latest lint, so that a text is not linted twice in a row (the fix passes start from and end on linted text).
  let latest: { text: string; result: LessonLintResult } | undefined;
  const lintText = (text: string): LessonLintResult => {
    if (latest?.text === text) return latest.result;
    parses++;
    latest = { text, result: lintLesson(text, { filePath: job.filePath, config }) };
    return latest.result;
  };
  let result = lintText(job.text);
  if (!result.lesson.isLesson) return { isLesson: false, messages: [], parses };
  let fixedText: string | undefined;
  if (job.fix) {
    const text = keepLineEndings(job.text, fixText(job.text, (t) => lintText(t).findings).text);
    if (text !== job.text) {
      fixedText = text;
      result = lintText(text);
    }
  }
  const messages = toMessages(result.findings, result.lines);
  return {
    isLesson: true,
    messages,
    ...(result.course ? { course: result.course } : {}),
    ...(fixedText !== undefined ? { fixedText } : {}),
    // A copy: the record's strings are sliced from the text, and would keep it alive as long as the record.
    ...(job.record ? { record: structuredClone(reportRecordOf(result.lesson, fileResult(job.filePath, messages), config.template)) } : {}),
    parses,
  };
}
