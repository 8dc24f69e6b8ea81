import type { Rule } from '../../rule';
import titleEmpty from './title-empty';
import titleFileNameMismatch from './title-file-name-mismatch';
import titleIdFormat from './title-id-format';
import titleMissing from './title-missing';
import titleMultipleH1 from './title-multiple-h1';
import titlePlaceholder from './title-placeholder';
import titleSeparator from './title-separator';

export const titleRules: Rule[] = [
  titleMissing,
  titleIdFormat,
  titleSeparator,
  titleEmpty,
  titlePlaceholder,
  titleFileNameMismatch,
  titleMultipleH1,
];
