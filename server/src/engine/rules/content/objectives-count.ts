import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { countReport, sectionByKey } from './shared';

/** §5: the number of objectives is within the template's bounds (1 to 5 by default). */
export default lessonRule({
  meta: {
    id: 'objectives-count',
    description: 'The number of learning objectives is within template.objectives.min..max (1 to 5 by default).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '5',
  },
  check({ lesson, template, report }) {
    const section = sectionByKey(lesson, KNOWN_SECTION_VIEWS.objectives);
    if (!section || !lesson.objectives) return;
    const { min, max } = template.objectives;
    const finding = countReport(section, lesson.objectives, lesson.text, min, max, 'The Learning objectives list');
    if (finding) report(finding);
  },
});
