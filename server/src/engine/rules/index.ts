/**
 * Every built-in rule, grouped by the part of the lesson format it checks
 * (lesson-format.md §1–§13). Each group's folder holds one rule per file.
 */
import type { Rule } from '../rule';
import { contentRules } from './content';
import { courseRules } from './course';
import { metadataRules } from './metadata';
import { scriptRules } from './script';
import { sectionsRules } from './sections';
import { suppressionRules } from './suppression';
import { tagsRules } from './tags';
import { titleRules } from './title';

export const allRules: readonly Rule[] = [
  ...titleRules,
  ...metadataRules,
  ...tagsRules,
  ...sectionsRules,
  ...contentRules,
  ...scriptRules,
  ...courseRules,
  ...suppressionRules,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));

export const knownRuleIds: ReadonlySet<string> = new Set(rulesById.keys());
