import { lessonRule } from '../../rule';
import { checkChoice } from './fields';

/** §2: Status is one of the template's statuses (Mandatory, Optional). */
export default lessonRule({
  meta: {
    id: 'metadata-status',
    description: "The Status field is one of the template's statuses (template.statuses).",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '2',
  },
  check(context) {
    checkChoice(context, 'status', context.template.statuses);
  },
});
