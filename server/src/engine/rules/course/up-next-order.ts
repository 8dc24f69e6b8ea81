import { courseRule } from '../../rule';
import { fileName, firstAfter, idKey, lessonsById, lessonsInIdOrder } from './shared';

/**
 * §12: an "Up next" pointer names the next lesson in ID order among the
 * linted lessons. Only a hint: a course may skip an optional lesson on purpose.
 */
export default courseRule({
  meta: {
    id: 'up-next-order',
    description: 'An "Up next" pointer names the lesson that follows this one in ID order among the linted lessons.',
    defaultSeverity: 'info',
    fixable: false,
    specSection: '12',
  },
  check({ lessons, report }) {
    const byId = lessonsById(lessons);
    const ordered = lessonsInIdOrder(lessons);
    for (const lesson of lessons) {
      const pointer = lesson.upNext;
      // A pointer to a lesson outside the course is up-next-target's finding.
      if (!pointer || !lesson.id || !byId.has(idKey(pointer.id))) continue;
      const current = lesson.id;
      const next = firstAfter(ordered, current.parts);
      if (next && idKey(next.id) === idKey(pointer.id)) continue;
      report(lesson.filePath, {
        message: next
          ? `Up next points to ${pointer.id.value}, but the next lesson in ID order is ${next.id.value}${next.title ? ` "${next.title.value}"` : ''} (${fileName(next.filePath)}); expected Up next to name the following lesson`
          : `Up next points to ${pointer.id.value}, but ${current.value} is the last lesson of the linted course in ID order; expected no Up next pointer, or one to a lesson after ${current.value}`,
        range: pointer.id.range,
        ...(next ? { related: [{ filePath: next.filePath, range: next.id.range, message: `${next.id.value}, the next lesson in ID order` }] } : {}),
      });
    }
  },
});
