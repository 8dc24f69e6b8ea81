/**
 * `--format github`: GitHub Actions workflow commands, one per finding,
 *
 *   ::error file=<path>,line=<l>,col=<c>,endLine=<l2>,endColumn=<c2>,title=<rule-id>::<message>
 *
 * (`warning` for warnings, `notice` for info), and a markdown step summary
 * that the CLI appends to $GITHUB_STEP_SUMMARY when that variable is set.
 * GitHub shows at most 10 annotations of each kind per step; the summary
 * lists every finding (up to `maxRows`), and SARIF carries all of them.
 */
import type { RuleMeta } from '../engine/rule';
import type { LintMessage, Severity } from '../engine/types';
import { ruleDocsUrl } from './docs-url';
import { escapeMarkdown, markdownLink } from './markdown';
import { relativeUri } from './sarif';
import { countBySeverity, totalsOf, type FileResult, type ToolInfo } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message (the part after `::`), as @actions/core does. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value (file, title, …): also ':' and ',', which end a property. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command for one finding. */
export function githubCommand(filePath: string, message: LintMessage): string {
  const properties: Array<[string, string | number]> = [['file', filePath], ['line', message.line]];
  // GitHub accepts columns only for a range on one line (see @actions/core AnnotationProperties).
  if (message.endLine === message.line) {
    properties.push(['col', message.column], ['endLine', message.endLine], ['endColumn', message.endColumn]);
  } else {
    properties.push(['endLine', message.endLine]);
  }
  properties.push(['title', message.ruleId]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[message.severity]} ${props}::${escapeData(message.message)}`;
}

/** Every finding as a workflow command, one per line, in file and source order. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const file of results) for (const m of file.messages) lines.push(githubCommand(file.filePath, m));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export interface StepSummaryOptions {
  tool: ToolInfo;
  /** Rule metadata for descriptions in the per-rule table; rules not listed are shown by ID. */
  rules?: readonly RuleMeta[];
  /** Most finding rows to list (GitHub caps a step summary at 1 MiB). Default 500. */
  maxRows?: number;
  /**
   * Links each finding to the file at this URL prefix, e.g.
   * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/`.
   */
  blobBaseUrl?: string;
}

/** The markdown step summary: totals, findings per rule, and the findings. */
export function githubStepSummary(results: readonly FileResult[], options: StepSummaryOptions): string {
  const totals = totalsOf(results);
  const withFindings = results.filter((r) => r.messages.length > 0);
  const out: string[] = [`## ${escapeMarkdown(options.tool.name)} ${escapeMarkdown(options.tool.version)}`, ''];
  const lessons = `${totals.files} ${totals.files === 1 ? 'lesson' : 'lessons'}`;
  if (withFindings.length === 0) {
    out.push(`✅ No findings in ${lessons}.`, '');
    return `${out.join('\n')}\n`;
  }
  const mark = totals.errors > 0 ? '❌' : totals.warnings > 0 ? '⚠️' : 'ℹ️';
  out.push(
    `${mark} ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${totals.infos} info in ${withFindings.length} of ${lessons}.`,
    '',
  );

  const descriptions = new Map((options.rules ?? []).map((r) => [r.id, r.description]));
  const byRule = new Map<string, Record<Severity, number>>();
  for (const r of results) {
    for (const m of r.messages) {
      const counts = byRule.get(m.ruleId) ?? countBySeverity([]);
      counts[m.severity]++;
      byRule.set(m.ruleId, counts);
    }
  }
  out.push('### Findings by rule', '', '| Rule | Errors | Warnings | Info | What it checks |', '| --- | ---: | ---: | ---: | --- |');
  for (const [ruleId, counts] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`| ${markdownLink(ruleId, ruleDocsUrl(ruleId))} | ${counts.error} | ${counts.warning} | ${counts.info} | ${escapeMarkdown(descriptions.get(ruleId) ?? '')} |`);
  }
  out.push('');

  const maxRows = options.maxRows ?? 500;
  const findings = withFindings.flatMap((r) => r.messages.map((m) => ({ filePath: r.filePath, m })));
  const shown = findings.slice(0, maxRows);
  out.push('### Findings', '', '| Lesson | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |');
  for (const { filePath, m } of shown) {
    const where = options.blobBaseUrl ? markdownLink(filePath, `${options.blobBaseUrl}${relativeUri(filePath)}#L${m.line}`) : escapeMarkdown(filePath);
    out.push(`| ${where} | ${m.line}:${m.column} | ${m.severity} | ${escapeMarkdown(m.ruleId)} | ${escapeMarkdown(m.message)} |`);
  }
  const hidden = findings.length - shown.length;
  if (hidden > 0) out.push('', `… and ${hidden} more ${hidden === 1 ? 'finding' : 'findings'} (see the SARIF or JSON output).`);
  out.push('');
  return `${out.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
