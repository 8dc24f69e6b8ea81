import type { Rule } from '../../rule';

export const sectionsRules: Rule[] = [];
