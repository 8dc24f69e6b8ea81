/** `lessonlint report --format json`: the CourseReport object as it is (types.ts documents the fields). */
import type { CourseReport } from './types';

export function renderReportJson(report: CourseReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
