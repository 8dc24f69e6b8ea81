import { lessonRule } from '../../rule';
import { analyzeSections } from './analysis';

/**
 * §4: sections come in template order. Only the sections outside the longest
 * run already in order are reported, so one moved section is one finding and
 * a missing section never makes the others "out of order".
 */
export default lessonRule({
  meta: {
    id: 'section-order',
    description: "H2 sections come in the order of the template for the lesson's type.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '4',
  },
  check({ lesson, template, report }) {
    const analysis = analyzeSections(lesson, template);
    for (const misplaced of analysis.misplaced) {
      let after;
      let before;
      for (const placed of analysis.inOrder) {
        if (placed.template.index < misplaced.template.index) after = placed.section;
        else if (!before) before = placed.section;
      }
      const where = [after && `after '${after.heading.text}'`, before && `before '${before.heading.text}'`].filter(Boolean).join(' and ');
      report({
        message: `Section '${misplaced.section.heading.text}' is out of order; the template puts it ${where}`,
        span: misplaced.section.heading.textSpan,
      });
    }
  },
});
