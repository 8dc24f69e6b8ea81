import type { Rule } from '../../rule';
import sectionDuplicate from './section-duplicate';
import sectionEmpty from './section-empty';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionPreamble from './section-preamble';
import sectionUnknown from './section-unknown';
import skeletonPlaceholder from './skeleton-placeholder';

export const sectionsRules: Rule[] = [sectionMissing, sectionOrder, sectionDuplicate, sectionEmpty, sectionUnknown, sectionPreamble, skeletonPlaceholder];
