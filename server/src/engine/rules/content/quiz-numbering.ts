import { lessonRule } from '../../rule';
import { numberingReport } from './shared';

/** §8: quiz items are numbered 1..N without gaps. */
export default lessonRule({
  meta: {
    id: 'quiz-numbering',
    description: 'The quiz items are numbered 1..N without gaps or repeats.',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '8',
  },
  check({ lesson, report }) {
    const finding = lesson.quizList && numberingReport(lesson.quizList, 'Quiz item');
    if (finding) report(finding);
  },
});
