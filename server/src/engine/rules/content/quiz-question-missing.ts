import { lessonRule } from '../../rule';
import { itemLineSpan } from './shared';

/** §8: each quiz item holds a question, a line starting with 'Q:'. */
export default lessonRule({
  meta: {
    id: 'quiz-question-missing',
    description: "Each quiz item holds a question: a line starting with 'Q:'.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '8',
  },
  check({ lesson, report }) {
    lesson.quiz?.forEach(({ item, question, answer }, index) => {
      if (question) return;
      // An item with neither part is one finding, here; quiz-answer-missing stays silent.
      const expected = answer ? "expected a line starting with 'Q:' before the answer" : "expected 'Q: …' and then 'A: …'";
      report({
        message: `Quiz item ${index + 1} has no question${answer ? '' : ' and no answer'} (${expected})`,
        span: itemLineSpan(item, lesson.text),
      });
    });
  },
});
