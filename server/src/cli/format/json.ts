/**
 * `--format json`: one JSON array, a stable public interface (docs/cli.md).
 * Fields are listed explicitly so that an engine-internal field (a fix's
 * title, tags) never leaks into it by accident.
 */
import type { LintMessage } from '../../engine/types';
import type { FileResult } from '../../formats/types';

function jsonMessage(message: LintMessage) {
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    ...(message.fix
      ? {
          fix: {
            edits: message.fix.edits.map((e) => ({ line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, text: e.text })),
          },
        }
      : {}),
    ...(message.related && message.related.length > 0 ? { related: message.related } : {}),
  };
}

export function formatJson(reports: readonly FileResult[]): string {
  const files = reports.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map(jsonMessage),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
  }));
  return `${JSON.stringify(files)}\n`;
}
