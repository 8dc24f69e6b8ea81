import { lessonRule } from '../../rule';
import { isActionVerb, vagueVerbAt } from './objective-verbs';

/**
 * §5: an objective starts with a measurable action verb. A first word that is
 * in neither of the template's verb lists is only a hint: the list cannot hold
 * every good verb.
 */
export default lessonRule({
  meta: {
    id: 'objective-action-verb',
    description: 'A learning objective starts with an action verb from template.objectives.actionVerbs (Describe, Explain, …).',
    defaultSeverity: 'info',
    fixable: false,
    specSection: '5',
  },
  check({ lesson, template, report }) {
    lesson.objectives?.objectives.forEach((objective, index) => {
      const verb = objective.verb;
      if (!verb || isActionVerb(verb.value, template) || vagueVerbAt(objective, lesson.text, template)) return;
      const examples = suggestedVerbs(template.objectives.actionVerbs).map((v) => `'${v}'`).join(', ');
      report({
        message: `Objective ${index + 1} starts with '${verb.value}', which is not a known action verb; start with a measurable verb such as ${examples}`,
        span: verb.span,
      });
    });
  },
});

/** Three verbs to suggest: the common ones when the course's list has them. */
function suggestedVerbs(actionVerbs: string[]): string[] {
  const common = ['Describe', 'Explain', 'Identify'].filter((verb) => actionVerbs.includes(verb));
  return common.length > 0 ? common : actionVerbs.slice(0, 3);
}
