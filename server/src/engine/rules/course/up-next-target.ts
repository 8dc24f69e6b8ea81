import { courseRule } from '../../rule';
import { idKey, lessonsById } from './shared';

/**
 * §12: an "Up next" pointer names a lesson of the course. It runs whenever
 * lessons are linted, one lesson included: the sample lesson linted alone gets
 * this one warning, for its pointer to L4.3.1.
 */
export default courseRule({
  meta: {
    id: 'up-next-target',
    description: 'An "Up next" pointer names a lesson that is in the linted course.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '12',
  },
  check({ lessons, report }) {
    const byId = lessonsById(lessons);
    for (const lesson of lessons) {
      const pointer = lesson.upNext;
      if (!pointer) continue;
      if (byId.has(idKey(pointer.id))) continue;
      report(lesson.filePath, {
        message: `Up next points to ${pointer.id.value}, which is not in the linted course (expected the ID of a lesson linted with this one)`,
        range: pointer.id.range,
      });
    }
  },
});
