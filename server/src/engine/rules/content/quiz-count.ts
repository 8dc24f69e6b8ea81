import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { countReport, sectionByKey } from './shared';

/** §8: the number of quiz items is within the template's bounds (3 to 10 by default). */
export default lessonRule({
  meta: {
    id: 'quiz-count',
    description: 'The number of quiz items is within template.quiz.min..max (3 to 10 by default).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '8',
  },
  check({ lesson, template, report }) {
    const section = sectionByKey(lesson, KNOWN_SECTION_VIEWS.quiz);
    if (!section || !lesson.quizList) return;
    const finding = countReport(section, lesson.quizList, lesson.text, template.quiz.min, template.quiz.max, 'The Quiz items list');
    if (finding) report(finding);
  },
});
