/** Wording shared by the markdown and HTML renderers, so both say the same thing. */
import type { CourseReport, EntryRef, ReportSuppression, SeverityCounts } from './types';

/** "4.5 min"; whole numbers without decimals; absent as an em dash. */
export function minutes(n: number | undefined): string {
  if (n === undefined) return '—';
  const rounded = Math.round(n * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} min`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "1 error, 2 warnings" (zero counts left out); "none" when all are zero. */
export function findingsText(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.length ? parts.join(', ') : 'none';
}

/** "Mandatory 4 · Optional 1". */
export function statusText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([status, n]) => `${status} ${n}`);
  return parts.length ? parts.join(' · ') : '—';
}

/** How lessons are named in tables: their ID, else their path. */
export function lessonLabeller(report: CourseReport): (filePath: string) => string {
  const labels = new Map<string, string>();
  for (const m of report.modules) for (const l of m.lessons) labels.set(l.filePath, l.id ?? l.filePath);
  return (filePath) => labels.get(filePath) ?? filePath;
}

/** "LLM03 Supply Chain", with the edition when asked and a deprecation note. */
export function entryText(e: EntryRef, withEdition = false): string {
  const id = withEdition && e.edition ? `${e.id}:${e.edition}` : e.id;
  return `${id} ${e.name}${e.deprecated ? ' (deprecated)' : ''}`;
}

export function moduleHeading(m: { number?: number; title?: string }): string {
  if (m.number === undefined) return m.title ?? 'Lessons without a module';
  return m.title ? `Module ${m.number} — ${m.title}` : `Module ${m.number}`;
}

export function suppressionLines(s: ReportSuppression): string {
  if (s.toLine === undefined) return `${s.fromLine}–end`;
  return s.toLine === s.fromLine ? String(s.fromLine) : `${s.fromLine}–${s.toLine}`;
}

export function suppressionRules(s: ReportSuppression): string {
  return s.rules.length ? s.rules.join(', ') : 'all rules';
}

export function summaryLine(report: CourseReport): string {
  const t = report.totals;
  const parts = [
    `${plural(t.lessons, 'lesson')} in ${plural(t.modules, 'module')}`,
    `${minutes(t.declaredMinutes)} declared`,
    `${minutes(t.estimatedMinutes)} estimated from the video scripts${t.lessonsWithoutEstimate ? ` (${plural(t.lessonsWithoutEstimate, 'lesson')} without a script)` : ''}`,
  ];
  const statuses = statusText(t.statusCounts);
  if (statuses !== '—') parts.push(statuses);
  parts.push(`findings: ${findingsText(t.findings)}`);
  return `${parts.join(' · ')}.`;
}
