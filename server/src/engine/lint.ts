/**
 * The engine's entry points: lint one lesson's text, and run the course rules
 * over the lessons' headers. Pure: no file system, no editor.
 */
import { summarizeLesson } from './course/summarize';
import { refuseComplexLesson, type ComplexityLimits } from './guard';
import type { CourseLesson } from './course/types';
import type { ResolvedConfig } from './config/types';
import { parseLesson } from './model/parse';
import { LineIndex } from './model/text';
import type { Lesson } from './model/types';
import type { CourseRule, LessonRule, Report } from './rule';
import { allRules, knownRuleIds } from './rules';
import { isSuppressed, suppressedLines, type SuppressedLines } from './suppress';
import type { Finding, LintMessage } from './types';

export interface LessonLintResult {
  lesson: Lesson;
  lines: LineIndex;
  /** Findings of the enabled lesson rules, suppressions applied, in source order. */
  findings: Finding[];
  /** The header the course rules need; undefined when the file is not a lesson. */
  course?: CourseLesson;
}

export interface LintLessonOptions {
  filePath?: string;
  config: ResolvedConfig;
  /** Rules to run instead of the built-in set (tests use this). */
  rules?: readonly LessonRule[];
  /** Overrides of the complexity guard's limits, over the config's `limits`. */
  limits?: Partial<ComplexityLimits>;
}

export function lintLesson(text: string, options: LintLessonOptions): LessonLintResult {
  // Text the parser would take too long on gets one lesson-too-complex finding instead.
  const refused = refuseComplexLesson(text, { ...options.config.limits, ...options.limits });
  if (refused) return refused;
  const lesson = parseLesson(text, options.filePath);
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  if (!lesson.isLesson) return { lesson, lines, findings };

  const suppressed = suppressedLines(lesson.suppressions, lines);
  const rules = options.rules ?? allRules.filter((r): r is LessonRule => r.kind === 'lesson');
  for (const rule of rules) {
    const setting = options.config.rules.get(rule.meta.id);
    if (!setting) continue;
    rule.check({
      lesson,
      filePath: options.filePath,
      template: options.config.template,
      options: setting.options,
      lines,
      knownRuleIds,
      report(report: Report) {
        if (isSuppressed(suppressed, rule.meta.id, lines.position(report.span.start).line)) return;
        findings.push({ ruleId: rule.meta.id, severity: setting.severity, ...report });
      },
    });
  }
  findings.sort(compareFindings);
  const course = options.filePath ? detached(summarizeLesson(lesson, lines, options.filePath, suppressed)) : undefined;
  return { lesson, lines, findings, ...(course ? { course } : {}) };
}

/**
 * A copy that shares no string with the lesson text. The header and the
 * messages outlive the lint (a course index, the CLI's results), and a string
 * sliced from the text (a title, a tag in a message) keeps the whole text
 * alive in V8: at 10,000 lessons, that is 300 MB of texts held for a few
 * words each.
 */
function detached<T>(value: T): T {
  return structuredClone(value);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** Course findings by file path; each file's messages are sorted by position. */
export function lintCourse(
  lessons: readonly CourseLesson[],
  config: ResolvedConfig,
  rules: readonly CourseRule[] = allRules.filter((r): r is CourseRule => r.kind === 'course'),
): Map<string, LintMessage[]> {
  const byFile = new Map<string, LintMessage[]>();
  const suppressions = new Map<string, readonly SuppressedLines[]>(lessons.map((l) => [l.filePath, l.suppressed]));
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting) continue;
    rule.check({
      lessons,
      template: config.template,
      options: setting.options,
      report(filePath, report) {
        const range = report.range;
        if (isSuppressed(suppressions.get(filePath) ?? [], rule.meta.id, range.line)) return;
        const message: LintMessage = { ruleId: rule.meta.id, severity: setting.severity, message: report.message, ...range };
        if (report.related) message.related = report.related;
        const list = byFile.get(filePath) ?? [];
        list.push(message);
        byFile.set(filePath, list);
      },
    });
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return byFile;
}

/** Converts span-based findings to the line/column messages that the edges print. */
export function toMessages(findings: readonly Finding[], lines: LineIndex): LintMessage[] {
  const messages = findings.map((f) => {
    const message: LintMessage = { ruleId: f.ruleId, severity: f.severity, message: f.message, ...rangeOf(lines, f.span) };
    if (f.fix) message.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...rangeOf(lines, e.span), text: e.text })) };
    if (f.related) message.related = f.related;
    if (f.tags) message.tags = f.tags;
    return message;
  });
  // Messages are kept after the lint (by the CLI until it prints, by the server for closed files).
  return detached(messages);
}

export function rangeOf(lines: LineIndex, span: { start: number; end: number }) {
  return lines.range(span);
}
