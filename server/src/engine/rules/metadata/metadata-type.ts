import { lessonRule } from '../../rule';
import { checkChoice } from './fields';

/** §2: Type is one of the template's lesson types (Theory, Lab, Demo, Case study, Assessment). */
export default lessonRule({
  meta: {
    id: 'metadata-type',
    description: "The Type field is one of the template's lesson types (template.lessonTypes).",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '2',
  },
  check(context) {
    checkChoice(context, 'type', context.template.lessonTypes);
  },
});
