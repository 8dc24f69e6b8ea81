/**
 * What a rule is: metadata plus a check over the lesson model (or, for course
 * rules, over the course index). Modelled on ESLint's rule modules.
 */
import type { RuleOptions } from './config/types';
import type { Template } from './config/template';
import type { CourseLesson } from './course/types';
import type { Lesson } from './model/types';
import type { LineIndex } from './model/text';
import type { Fix, FindingTag, LineColumnRange, RelatedLocation, Severity, Span } from './types';

export interface RuleMeta {
  /** Stable kebab-case ID; a public interface (config files and suppressions name it). */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Whether some of its findings carry a fix. */
  fixable: boolean;
  /** The lesson-format.md section the rule enforces, e.g. "9". */
  specSection: string;
  /** JSON Schema (draft-07) of the rule's options object, when it has options. */
  optionsSchema?: Record<string, unknown>;
}

export interface Report {
  message: string;
  span: Span;
  fix?: Fix;
  related?: RelatedLocation[];
  tags?: FindingTag[];
}

export interface LessonRuleContext {
  lesson: Lesson;
  /** As given by the caller; may be undefined for unsaved text. */
  filePath: string | undefined;
  template: Template;
  options: RuleOptions;
  lines: LineIndex;
  /** IDs of every rule the engine knows (for the suppression check). */
  knownRuleIds: ReadonlySet<string>;
  report(report: Report): void;
}

export interface LessonRule {
  kind: 'lesson';
  meta: RuleMeta;
  check(context: LessonRuleContext): void;
}

/** Course rules work on lesson headers, which keep line/column ranges, not spans. */
export interface CourseReport {
  message: string;
  range: LineColumnRange;
  related?: RelatedLocation[];
}

export interface CourseRuleContext {
  lessons: readonly CourseLesson[];
  template: Template;
  options: RuleOptions;
  report(filePath: string, report: CourseReport): void;
}

export interface CourseRule {
  kind: 'course';
  meta: RuleMeta;
  check(context: CourseRuleContext): void;
}

export type Rule = LessonRule | CourseRule;

/** Identity helpers that give rule modules their types without ceremony. */
export function lessonRule(rule: Omit<LessonRule, 'kind'>): LessonRule {
  return { kind: 'lesson', ...rule };
}

export function courseRule(rule: Omit<CourseRule, 'kind'>): CourseRule {
  return { kind: 'course', ...rule };
}
