import type { Rule } from '../../rule';

export const suppressionRules: Rule[] = [];
