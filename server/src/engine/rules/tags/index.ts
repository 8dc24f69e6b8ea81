import type { Rule } from '../../rule';
import tagDeprecated from './tag-deprecated';
import tagDuplicate from './tag-duplicate';
import tagEdition from './tag-edition';
import tagMalformed from './tag-malformed';
import tagMissing from './tag-missing';
import tagSeparator from './tag-separator';
import tagUnknownId from './tag-unknown-id';
import tagUnrecognized from './tag-unrecognized';
import tagUpstreamOnly from './tag-upstream-only';

export const tagsRules: Rule[] = [
  tagMissing,
  tagSeparator,
  tagUnrecognized,
  tagMalformed,
  tagUnknownId,
  tagUpstreamOnly,
  tagDeprecated,
  tagEdition,
  tagDuplicate,
];
