import type { Rule } from '../../rule';

export const contentRules: Rule[] = [];
