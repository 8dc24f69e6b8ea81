/**
 * Baselines: record today's findings so that only new ones fail. A finding is
 * identified by its file, rule and fingerprint (baseline/fingerprint.ts: the
 * flagged text plus an occurrence index, not the line), so findings survive
 * lines moving. The file format is versioned JSON:
 *
 *   { "version": 1,
 *     "findings": [ { "filePath": "module-04/L4.2.2.md", "ruleId": "quiz-answer-missing",
 *                     "fingerprint": "<32 hex digits>",
 *                     "line": 73, "message": "…" } ] }   // line and message: for readers only
 *
 * Matching counts: each baseline entry absorbs at most one finding, so two
 * identical findings with one of them baselined leave one new finding.
 * Pure: reading and writing the file is the CLI's job.
 */
import { fileResult, type FileResult, type FingerprintsByFile } from '../formats/types';

export { FINGERPRINT_KEY, fingerprintMessages } from './fingerprint';

export const BASELINE_VERSION = 1;

export interface BaselineFinding {
  filePath: string;
  ruleId: string;
  fingerprint: string;
  /** Where the finding was when the baseline was written; informative, not matched. */
  line?: number;
  /** The message when the baseline was written; informative, not matched. */
  message?: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineFinding[];
}

/** A baseline file that cannot be used; `message` is one line for stderr. */
export class BaselineFormatError extends Error {
  override name = 'BaselineFormatError';
}

/** The baseline of every message in `results`. */
export function createBaseline(results: readonly FileResult[], fingerprints: FingerprintsByFile): Baseline {
  const findings: BaselineFinding[] = [];
  for (const result of results) {
    const prints = fingerprintsFor(result, fingerprints);
    result.messages.forEach((m, i) => {
      findings.push({ filePath: result.filePath, ruleId: m.ruleId, fingerprint: prints[i]!, line: m.line, message: m.message });
    });
  }
  return { version: BASELINE_VERSION, findings: sortFindings(findings) };
}

/** Stable text (sorted entries, two-space indent, final newline) so that baseline diffs stay small. */
export function serializeBaseline(baseline: Baseline): string {
  const findings = sortFindings(baseline.findings).map((f) => ({
    filePath: f.filePath,
    ruleId: f.ruleId,
    fingerprint: f.fingerprint,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.message !== undefined ? { message: f.message } : {}),
  }));
  return `${JSON.stringify({ version: baseline.version, findings }, null, 2)}\n`;
}

/** Reads a baseline file's text; throws BaselineFormatError saying what is wrong. */
export function parseBaseline(json: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    throw new BaselineFormatError(`the baseline file is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(data)) throw new BaselineFormatError('the baseline file must hold a JSON object {"version": 1, "findings": [...]}');
  if (data.version !== BASELINE_VERSION) {
    throw new BaselineFormatError(`unsupported baseline version ${JSON.stringify(data.version)} (expected ${BASELINE_VERSION}); write a new one with --write-baseline`);
  }
  if (!Array.isArray(data.findings)) throw new BaselineFormatError('the baseline file has no "findings" array');
  const findings = data.findings.map((entry, i): BaselineFinding => {
    const where = `baseline finding ${i + 1}`;
    if (!isObject(entry)) throw new BaselineFormatError(`${where} is not an object`);
    for (const key of ['filePath', 'ruleId', 'fingerprint'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') throw new BaselineFormatError(`${where} has no "${key}" string`);
    }
    if (entry.line !== undefined && !(Number.isInteger(entry.line) && (entry.line as number) >= 1)) {
      throw new BaselineFormatError(`${where}: "line" must be a positive integer`);
    }
    if (entry.message !== undefined && typeof entry.message !== 'string') throw new BaselineFormatError(`${where}: "message" must be a string`);
    return {
      filePath: entry.filePath as string,
      ruleId: entry.ruleId as string,
      fingerprint: entry.fingerprint as string,
      ...(entry.line !== undefined ? { line: entry.line as number } : {}),
      ...(entry.message !== undefined ? { message: entry.message as string } : {}),
    };
  });
  return { version: BASELINE_VERSION, findings };
}

export interface BaselineFilterResult {
  /** Every file of the input, with only the findings the baseline does not hold; counts recomputed. */
  results: FileResult[];
  /** Findings absorbed by the baseline. */
  baselinedCount: number;
  /** Baseline entries that matched nothing (fixed since): a hint to refresh the baseline. */
  staleCount: number;
}

/** Removes the findings that the baseline holds. */
export function filterBaselined(
  results: readonly FileResult[],
  fingerprints: FingerprintsByFile,
  baseline: Baseline,
): BaselineFilterResult {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) {
    const key = matchKey(f.filePath, f.ruleId, f.fingerprint);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  let baselinedCount = 0;
  const filtered = results.map((result) => {
    const prints = fingerprintsFor(result, fingerprints);
    const kept = result.messages.filter((m, i) => {
      const key = matchKey(result.filePath, m.ruleId, prints[i]!);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      baselinedCount++;
      return false;
    });
    return kept.length === result.messages.length ? result : fileResult(result.filePath, kept);
  });
  let staleCount = 0;
  for (const left of remaining.values()) staleCount += left;
  return { results: filtered, baselinedCount, staleCount };
}

function matchKey(filePath: string, ruleId: string, fingerprint: string): string {
  return `${filePath}\u0000${ruleId}\u0000${fingerprint}`;
}

function fingerprintsFor(result: FileResult, fingerprints: FingerprintsByFile): readonly string[] {
  const prints = fingerprints.get(result.filePath) ?? (result.messages.length === 0 ? [] : undefined);
  if (!prints || prints.length !== result.messages.length) {
    // A programming error at the edge, not a user error: matching without them would silently fail every finding.
    throw new Error(`fingerprints for ${result.filePath} are missing or not parallel to its messages`);
  }
  return prints;
}

function sortFindings(findings: readonly BaselineFinding[]): BaselineFinding[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.filePath, b.filePath) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.fingerprint, b.fingerprint),
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
