import type { Rule } from '../../rule';

export const scriptRules: Rule[] = [];
