import type { Rule } from '../../rule';
import titleSeparator from './title-separator';

export const titleRules: Rule[] = [titleSeparator];
