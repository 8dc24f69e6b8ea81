/**
 * The lint engine's public surface. Pure: text and configuration in, findings
 * out. It imports nothing from Node or VS Code, so the CLI, the Node language
 * server and a browser worker all run this same code.
 */
export type { Finding, Fix, LineColumnRange, LintMessage, RelatedLocation, Severity, SeveritySetting, Span, TextEdit } from './types';
export type { Lesson } from './model/types';
export type { Rule, LessonRule, CourseRule, RuleMeta } from './rule';
export type { ConfigFile, ResolvedConfig, RuleSetting } from './config/types';
export type { Template } from './config/template';
export type { CourseLesson } from './course/types';
export { parseLesson, fileNameLessonId } from './model/parse';
export { LineIndex, countWords } from './model/text';
export { lintLesson, lintCourse, toMessages, rangeOf, type LessonLintResult } from './lint';
export { applyEdits, fixText, nonOverlappingFixes } from './fix';
export { checkComplexity, measureComplexity, DEFAULT_LIMITS, TOO_COMPLEX_RULE_ID, type ComplexityLimits, type ComplexityMeasures } from './guard';
export { resolveConfig, DEFAULT_CONFIG } from './config/resolve';
export { DEFAULT_TEMPLATE, sectionsFor } from './config/template';
export { allRules, rulesById, knownRuleIds } from './rules';
