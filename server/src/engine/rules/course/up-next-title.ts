import { normalizeTitle } from '../../model/text';
import { courseRule } from '../../rule';
import { idKey, lessonsById } from './shared';

/** §12: an "Up next" pointer gives the title of the lesson it names, as that lesson's H1 gives it. */
export default courseRule({
  meta: {
    id: 'up-next-title',
    description: 'The title in an "Up next" pointer matches the H1 title of the lesson it names (ignoring case and trailing punctuation).',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '12',
  },
  check({ lessons, report }) {
    const byId = lessonsById(lessons);
    for (const lesson of lessons) {
      const pointer = lesson.upNext;
      const target = pointer?.title ? byId.get(idKey(pointer.id)) : undefined;
      // A pointer to a lesson outside the course is up-next-target's finding.
      if (!pointer?.title || !target?.title) continue;
      if (normalizeTitle(pointer.title.value) === normalizeTitle(target.title.value)) continue;
      report(lesson.filePath, {
        message: `Up next calls ${pointer.id.value} "${pointer.title.value}", but that lesson's title is "${target.title.value}"; expected the pointer to give the lesson's H1 title`,
        range: pointer.title.range,
        related: [{ filePath: target.filePath, range: target.title.range, message: `The H1 title of ${target.id.value}` }],
      });
    }
  },
});
