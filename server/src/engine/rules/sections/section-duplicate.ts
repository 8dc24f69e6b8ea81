import { lessonRule } from '../../rule';
import { analyzeSections } from './analysis';

/** §4: each template section is given once. */
export default lessonRule({
  meta: {
    id: 'section-duplicate',
    description: 'Each section of the template is given exactly once.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '4',
  },
  check({ lesson, template, lines, report }) {
    for (const duplicate of analyzeSections(lesson, template).duplicates) {
      const firstLine = lines.position(duplicate.first.heading.span.start).line;
      report({
        message: `Section '${duplicate.template.title}' is given again (first on line ${firstLine}); expected it once — merge the two`,
        span: duplicate.section.heading.textSpan,
      });
    }
  },
});
