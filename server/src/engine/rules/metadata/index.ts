import type { Rule } from '../../rule';
import frontMatterInvalid from './front-matter-invalid';
import metadataDuplicateField from './metadata-duplicate-field';
import metadataDuration from './metadata-duration';
import metadataMismatch from './metadata-mismatch';
import metadataMissingField from './metadata-missing-field';
import metadataModule from './metadata-module';
import metadataModuleSeparator from './metadata-module-separator';
import metadataStatus from './metadata-status';
import metadataType from './metadata-type';
import metadataUnknownField from './metadata-unknown-field';

export const metadataRules: Rule[] = [
  frontMatterInvalid,
  metadataMissingField,
  metadataDuplicateField,
  metadataUnknownField,
  metadataType,
  metadataDuration,
  metadataStatus,
  metadataModule,
  metadataModuleSeparator,
  metadataMismatch,
];
