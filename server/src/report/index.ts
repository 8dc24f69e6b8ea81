/**
 * `lessonlint report`: per lesson a record (reportRecordOf), for the course a
 * report (buildCourseReport), printed as markdown, HTML or JSON. Pure: the
 * CLI reads the lessons and writes the output.
 */
export type * from './types';
export { reportRecordOf } from './record';
export { buildCourseReport, type BuildReportOptions } from './build';
export { renderReportMarkdown } from './markdown';
export { renderReportHtml, escapeHtml } from './html';
export { renderReportJson } from './json';

import type { CourseReport } from './types';
import { renderReportHtml } from './html';
import { renderReportJson } from './json';
import { renderReportMarkdown } from './markdown';

export type ReportFormat = 'markdown' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'json'];

/** The report in the format `--format` names. */
export function renderReport(report: CourseReport, format: ReportFormat): string {
  return format === 'html' ? renderReportHtml(report) : format === 'json' ? renderReportJson(report) : renderReportMarkdown(report);
}
