import { lessonRule } from '../../rule';
import { describeField, fieldsOf, isExactlyWritten, readModule, shown } from './fields';

/** §2: `Module 4 — Title`: as in the H1, an em dash with one space on each side. */
export default lessonRule({
  meta: {
    id: 'metadata-module-separator',
    description: 'The Module field separates the module number from its title with " — " (an em dash with a space on each side).',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '2',
  },
  check({ lesson, report }) {
    for (const field of fieldsOf(lesson, 'module')) {
      const module = readModule(field.value);
      // No title: metadata-module's finding; the separator has nothing to separate.
      if (!module || !module.title.value.trim() || module.separator.value === ' — ') continue;
      const mark = module.separator.value.trim();
      const exact = isExactlyWritten(lesson, field.value);
      report({
        message:
          `${describeField(field)} '${shown(field.value.value)}' separates the module number from its title with ` +
          `${mark ? `'${module.separator.value}'` : module.separator.value ? 'only white space' : 'nothing'}; expected ' — ' (space, em dash, space)`,
        span: !exact ? field.value.span : mark ? module.separator.span : { start: module.number.span.start, end: module.title.span.start },
        ...(exact ? { fix: { title: "Use ' — ' between the number and the title", edits: [{ span: module.separator.span, text: ' — ' }] } } : {}),
      });
    }
  },
});
