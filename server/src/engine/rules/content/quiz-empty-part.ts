import { lessonRule } from '../../rule';

/** §8: a 'Q:' or 'A:' label is followed by text. */
export default lessonRule({
  meta: {
    id: 'quiz-empty-part',
    description: "A quiz question or answer is not empty: text follows its 'Q:' or 'A:' label.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '8',
  },
  check({ lesson, report }) {
    lesson.quiz?.forEach(({ question, answer }, index) => {
      for (const [part, name] of [[question, 'question'], [answer, 'answer']] as const) {
        if (!part || part.text.value) continue;
        report({
          message: `Quiz item ${index + 1} has an empty ${name}; expected the ${name} after '${part.label.value}'`,
          span: part.label.span,
        });
      }
    });
  },
});
