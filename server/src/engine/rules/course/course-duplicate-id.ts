import { courseRule } from '../../rule';
import { fileName, groupBy, idKey, lessonsInIdOrder, someFileNames } from './shared';

/**
 * §12: lesson IDs are unique across the course; every lesson that shares one
 * is told where the others are (all of them as related locations, a few by name).
 */
export default courseRule({
  meta: {
    id: 'course-duplicate-id',
    description: 'No two lessons of the course have the same lesson ID.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '12',
  },
  check({ lessons, report }) {
    for (const [id, group] of groupBy(lessonsInIdOrder(lessons), (lesson) => idKey(lesson.id))) {
      if (group.length < 2) continue;
      for (const lesson of group) {
        const others = group.filter((other) => other !== lesson);
        const where = others.length === 1 ? fileName(others[0]!.filePath) : `${others.length} other lessons (${someFileNames(others.map((o) => o.filePath))})`;
        report(lesson.filePath, {
          message: `Lesson ID ${id} is also used by ${where}; expected each lesson ID once in the course`,
          range: lesson.id.range,
          related: others.map((o) => ({ filePath: o.filePath, range: o.id.range, message: `${id} is also the ID of this lesson` })),
        });
      }
    }
  },
});
