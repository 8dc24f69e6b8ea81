/**
 * `lessonlint report [paths]`: lint the course as `lessonlint` does, then
 * describe it (server/src/report) as markdown, HTML or JSON. The report
 * carries no time stamp, so the same course gives the same bytes.
 */
import { resolve } from 'node:path';
import type { LintMessage, Severity } from '../engine/types';
import type { FileResult } from '../formats/types';
import { buildCourseReport, renderReport, type LessonReportRecord } from '../report/index';
import { checkFiles, debugSummary, type CheckIO, type Checked } from './check';
import type { CliIO } from './run';
import type { CliOptions } from './options';
import { TOOL, writeOutput } from './output';

type Counts = Record<Severity, number>;

/** A record's finding counts, from every message of the lesson (its course findings included). */
function findingsOf(messages: readonly LintMessage[]): LessonReportRecord['findings'] {
  const byRule: Record<string, Counts> = {};
  const totals: Counts = { error: 0, warning: 0, info: 0 };
  for (const m of messages) {
    const counts = (byRule[m.ruleId] ??= { error: 0, warning: 0, info: 0 });
    counts[m.severity]++;
    totals[m.severity]++;
  }
  return { ...totals, byRule };
}

/**
 * The lesson's record with the counts of all its findings; a file that could
 * not be checked (binary, too large, out of time) has no model to describe,
 * so its record holds its path and its finding only.
 */
function recordOf(checked: Checked, result: FileResult): LessonReportRecord {
  const base: LessonReportRecord = checked.record ?? {
    filePath: checked.filePath,
    owaspLlmEdition: checked.config.template.owaspLlmEdition,
    tags: [],
    suppressions: [],
    findings: findingsOf([]),
  };
  return { ...base, findings: findingsOf(result.messages) };
}

export async function report(options: CliOptions, io: CliIO, cio: CheckIO): Promise<number> {
  const started = Date.now();
  const { checked, results, stats } = await checkFiles(options, cio, { fingerprints: false, records: true });
  const courseReport = buildCourseReport(
    checked.map((c, i) => recordOf(c, results[i]!)),
    { tool: TOOL },
  );
  const output = renderReport(courseReport, options.reportFormat);
  if (options.outputFile !== undefined) await writeOutput(resolve(io.cwd, options.outputFile), output, 'the output file');
  else io.stdout.write(output);
  for (const line of debugSummary(stats, started)) cio.debug(line);
  return 0;
}
