/**
 * Where the server lints a lesson. The Node server lints in a worker thread
 * under a time budget (lint-worker.ts), so that a slow lesson can be stopped
 * from outside the parse; the browser server lints in its own thread
 * (InThreadLinter), bounded only by the engine's complexity guard and the
 * size limit. Both answer the same way: a result, or why the lesson was not
 * checked.
 */
import { fixText, lintLesson, type LessonLintResult, type ResolvedConfig } from '../engine/index';

export interface LintRequest {
  text: string;
  filePath?: string;
  config: ResolvedConfig;
}

/** Why a lesson has no lint result. */
export type NotChecked =
  | { reason: 'timed-out'; budgetMs: number }
  /** The engine threw, or the lint thread died (out of memory, say): a bug to report, not the author's fault. */
  | { reason: 'failed'; message: string };

export type LintOutcome =
  | { kind: 'done'; result: LessonLintResult }
  | ({ kind: 'not-checked' } & NotChecked)
  /** A newer version of the document arrived before the lint started; it was skipped. */
  | { kind: 'superseded' };

export type FixOutcome = { kind: 'done'; text: string; applied: number } | ({ kind: 'not-checked' } & NotChecked);

export interface LessonLinter {
  /** Lints a text; `isStale` is asked just before the lint starts, to skip work a newer edit made useless. */
  lint(request: LintRequest, isStale?: () => boolean): Promise<LintOutcome>;
  /** Every fix, pass after pass, as `--fix` applies them. */
  fixAll(request: LintRequest): Promise<FixOutcome>;
  dispose(): void;
}

export function lintNow(request: LintRequest): LessonLintResult {
  return lintLesson(request.text, { config: request.config, ...(request.filePath !== undefined ? { filePath: request.filePath } : {}) });
}

export function fixNow(request: LintRequest): { text: string; applied: number } {
  const fixed = fixText(request.text, (text) => lintNow({ ...request, text }).findings);
  return { text: fixed.text, applied: fixed.applied };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lints in the calling thread: nothing can interrupt the parser here, so no budget is enforced. */
export class InThreadLinter implements LessonLinter {
  async lint(request: LintRequest, isStale?: () => boolean): Promise<LintOutcome> {
    if (isStale?.()) return { kind: 'superseded' };
    try {
      return { kind: 'done', result: lintNow(request) };
    } catch (error) {
      return { kind: 'not-checked', reason: 'failed', message: errorText(error) };
    }
  }

  async fixAll(request: LintRequest): Promise<FixOutcome> {
    try {
      return { kind: 'done', ...fixNow(request) };
    } catch (error) {
      return { kind: 'not-checked', reason: 'failed', message: errorText(error) };
    }
  }

  dispose(): void {}
}
