import type { Rule } from '../../rule';

export const courseRules: Rule[] = [];
