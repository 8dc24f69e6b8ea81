import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { firstListNode, itemLineSpan, missingListReport, relistFix, sectionByKey } from './shared';

/** §5: the learning objectives are an ordered list of non-empty items. */
export default lessonRule({
  meta: {
    id: 'objectives-list',
    description: 'The Learning objectives section holds an ordered list (1., 2., …) of non-empty objectives.',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '5',
  },
  check({ lesson, report }) {
    const section = sectionByKey(lesson, KNOWN_SECTION_VIEWS.objectives);
    const missing = missingListReport(
      lesson,
      section,
      "The Learning objectives section holds no list; expected an ordered list of objectives ('1. Describe …')",
    );
    if (missing) {
      report(missing);
      return;
    }
    const objectives = lesson.objectives;
    if (!section || !objectives) return;
    if (!objectives.ordered) {
      const fix = relistFix(objectives, firstListNode(section)!, true);
      report({
        message: 'The learning objectives are a bulleted list; expected an ordered list (1., 2., …)',
        span: objectives.items[0]!.markerSpan,
        ...(fix ? { fix } : {}),
      });
    }
    objectives.objectives.forEach((objective, index) => {
      if (objective.text) return;
      report({
        message: `Objective ${index + 1} is empty; expected an objective that starts with an action verb ('Describe …')`,
        span: itemLineSpan(objective, lesson.text),
      });
    });
  },
});
