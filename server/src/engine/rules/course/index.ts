import type { Rule } from '../../rule';
import courseDuplicateId from './course-duplicate-id';
import courseModuleTitle from './course-module-title';
import upNextOrder from './up-next-order';
import upNextTarget from './up-next-target';
import upNextTitle from './up-next-title';

/** §12: checks across the lessons of a course (they read lesson headers, not lesson text). */
export const courseRules: Rule[] = [courseDuplicateId, courseModuleTitle, upNextTarget, upNextTitle, upNextOrder];
