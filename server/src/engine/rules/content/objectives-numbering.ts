import { lessonRule } from '../../rule';
import { numberingReport } from './shared';

/** §5: objectives are numbered 1..N without gaps. */
export default lessonRule({
  meta: {
    id: 'objectives-numbering',
    description: 'The learning objectives are numbered 1..N without gaps or repeats.',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '5',
  },
  check({ lesson, report }) {
    const finding = lesson.objectives && numberingReport(lesson.objectives, 'Objective');
    if (finding) report(finding);
  },
});
