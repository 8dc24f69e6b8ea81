import { lessonRule } from '../../rule';
import { betterVerb, vagueVerbAt } from './objective-verbs';

/** §5: an objective does not start with a vague verb (Understand, Know, Learn, …). */
export default lessonRule({
  meta: {
    id: 'objective-vague-verb',
    description: 'A learning objective does not start with a vague verb from template.objectives.vagueVerbs (Understand, Know, …).',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '5',
  },
  check({ lesson, template, report }) {
    lesson.objectives?.objectives.forEach((objective, index) => {
      const vague = vagueVerbAt(objective, lesson.text, template);
      if (!vague) return;
      const written = lesson.text.slice(vague.span.start, vague.span.end);
      report({
        message: `Objective ${index + 1} starts with the vague verb '${written}'; use a measurable action verb such as '${betterVerb(vague.verb)}'`,
        span: vague.span,
      });
    });
  },
});
