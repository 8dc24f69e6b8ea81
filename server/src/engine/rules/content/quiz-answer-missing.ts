import { lessonRule } from '../../rule';
import { lineEndFrom, trimSpan } from './shared';

/** §8: each quiz item holds an answer: 'A:' on the question's line or on a continuation line. */
export default lessonRule({
  meta: {
    id: 'quiz-answer-missing',
    description: "Each quiz item holds an answer: 'A:' after the question, on the same line or a continuation line.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '8',
  },
  check({ lesson, report }) {
    lesson.quiz?.forEach(({ question, answer }, index) => {
      // Without a question, quiz-question-missing reports the item.
      if (!question || answer) return;
      report({
        message: `Quiz item ${index + 1} has no answer (expected a line starting with 'A:')`,
        // The question's first line: a continuation line without 'A:' belongs to the question.
        span: trimSpan(lesson.text, { start: question.label.span.start, end: lineEndFrom(lesson.text, question.label.span.end, question.text.span.end) }),
      });
    });
  },
});
