/** The default output, after ESLint's "stylish": findings grouped per file, in aligned columns. */
import type { Severity } from '../../engine/types';
import type { FileResult } from '../../formats/types';

interface Style {
  underline(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  severity(severity: Severity, s: string): string;
}

const plain: Style = { underline: (s) => s, dim: (s) => s, bold: (s) => s, severity: (_, s) => s };

const SEVERITY_COLOURS: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

const ansi: Style = {
  underline: (s) => `\x1b[4m${s}\x1b[24m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  severity: (severity, s) => `\x1b[${SEVERITY_COLOURS[severity]}m${s}\x1b[39m`,
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
}

export function formatStylish(reports: readonly FileResult[], colour: boolean): string {
  const style = colour ? ansi : plain;
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const report of reports) {
    if (report.messages.length === 0) continue;
    errors += report.errorCount;
    warnings += report.warningCount;
    infos += report.infoCount;
    const rows = report.messages.map((m) => ({
      position: `${m.line}:${m.column}`,
      severity: m.severity,
      message: m.message.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)),
      ruleId: m.ruleId,
    }));
    for (const m of report.messages) {
      if (!m.fix) continue;
      if (m.severity === 'error') fixableErrors++;
      else if (m.severity === 'warning') fixableWarnings++;
    }
    const width = (key: 'position' | 'severity' | 'message') => Math.max(...rows.map((r) => r[key].length));
    const [positionWidth, severityWidth, messageWidth] = [width('position'), width('severity'), width('message')];
    out += `\n${style.underline(report.filePath)}\n`;
    for (const row of rows) {
      out +=
        `  ${style.dim(row.position.padStart(positionWidth))}` +
        `  ${style.severity(row.severity, row.severity.padEnd(severityWidth))}` +
        `  ${row.message.padEnd(messageWidth)}` +
        `  ${style.dim(row.ruleId)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return out;
  const summarySeverity: Severity = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info';
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'info')] : [])].join(', ');
  out += `\n${style.severity(summarySeverity, style.bold(`✖ ${plural(total, 'problem')} (${counts})`))}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += style.severity(
      summarySeverity,
      style.bold(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`),
    );
    out += '\n';
  }
  return `${out}\n`;
}
