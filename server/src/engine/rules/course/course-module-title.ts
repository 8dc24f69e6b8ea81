import { courseRule } from '../../rule';
import { compareIdParts, groupBy } from './shared';

/** The majority title is shown by a few of its lessons; the message gives how many there are. */
const MAX_RELATED = 5;

function folded(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * §12: every lesson of module N gives module N the same title. The title most
 * lessons give is taken as right (on a tie, the one of the first lesson in ID
 * order); each lesson that differs gets one warning, related to the others.
 */
export default courseRule({
  meta: {
    id: 'course-module-title',
    description: 'All lessons of the same module give the same module title in their Module field.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '12',
  },
  check({ lessons, report }) {
    const byModule = groupBy(lessons, (lesson) => (lesson.module?.title ? lesson.module.number : undefined));
    for (const [number, group] of byModule) {
      group.sort((a, b) => compareIdParts(a.id?.parts ?? [], b.id?.parts ?? []) || a.filePath.localeCompare(b.filePath));
      const byTitle = groupBy(group, (lesson) => folded(lesson.module!.title!));
      if (byTitle.size < 2) continue;
      // Map order is first appearance in ID order, and the sort is stable: ties go to the earliest lesson.
      const [majorityTitle, majority] = [...byTitle].sort((a, b) => b[1].length - a[1].length)[0]!;
      for (const [title, minority] of byTitle) {
        if (title === majorityTitle) continue;
        for (const lesson of minority) {
          const n = majority.length;
          report(lesson.filePath, {
            message:
              `Module ${number} is titled "${title}" here but "${majorityTitle}" in ${n} other lesson${n === 1 ? '' : 's'} of module ${number}; ` +
              `expected the same module title in every lesson of module ${number}`,
            range: lesson.module!.titleRange ?? lesson.module!.range,
            related: majority.slice(0, MAX_RELATED).map((m) => ({
              filePath: m.filePath,
              range: m.module!.titleRange ?? m.module!.range,
              message: `Module ${number} is titled "${majorityTitle}" here`,
            })),
          });
        }
      }
    }
  },
});
