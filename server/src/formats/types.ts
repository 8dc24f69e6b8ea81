/**
 * The CLI's result for one linted lesson: the entry of the stable
 * `--format json` array (issue 2) and the input of every other format.
 */
import type { LintMessage, Severity } from '../engine/types';

export interface FileResult {
  /** Relative to the working directory, with '/' separators. */
  filePath: string;
  /** In source order (line, then column). */
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** A FileResult with the counts computed from the messages. */
export function fileResult(filePath: string, messages: LintMessage[]): FileResult {
  const counts = countBySeverity(messages);
  return { filePath, messages, errorCount: counts.error, warningCount: counts.warning, infoCount: counts.info };
}

export function countBySeverity(messages: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of messages) counts[m.severity]++;
  return counts;
}

/** Totals over a run, for summaries. */
export function totalsOf(results: readonly FileResult[]): { files: number; errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
  }
  return { files: results.length, errors, warnings, infos };
}

/**
 * Fingerprints by file path, each array parallel to that file's `messages`
 * (see baseline/fingerprint.ts). Formats that can carry them (SARIF) use them
 * when given.
 */
export type FingerprintsByFile = ReadonlyMap<string, readonly string[]>;

/** What the formats say about the tool. */
export interface ToolInfo {
  name: string;
  version: string;
  /** Project home page. */
  informationUri?: string;
}
