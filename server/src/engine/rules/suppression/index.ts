import type { Rule } from '../../rule';
import suppressionUnknownRule from './suppression-unknown-rule';

/** §13: suppression comments. */
export const suppressionRules: Rule[] = [suppressionUnknownRule];
