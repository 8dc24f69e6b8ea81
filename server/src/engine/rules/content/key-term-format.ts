import { lessonRule } from '../../rule';
import { trimSpan } from './shared';

/** §6: each key term item has a term and a definition. */
export default lessonRule({
  meta: {
    id: 'key-term-format',
    description: "Each key term item is 'Term — definition': a term, a separator and a definition.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '6',
  },
  check({ lesson, report }) {
    lesson.keyTerms?.forEach(({ item, term, separator, definition }, index) => {
      const mark = separator?.value.replace(/[\s*_]+/g, '');
      const name = term?.value ? `Key term '${term.value}'` : `Key term item ${index + 1}`;
      if (!item.text) {
        report({ message: `Key term item ${index + 1} is empty; expected 'Term — definition'`, span: item.markerSpan });
      } else if (!separator) {
        report({ message: `${name} has no definition; expected 'Term — definition'`, span: term!.span });
      } else if (!term?.value) {
        report({ message: `Key term item ${index + 1} has no term before '${mark}'; expected 'Term — definition'`, span: trimSpan(lesson.text, separator.span) });
      } else if (!definition?.value) {
        report({ message: `${name} has no definition after '${mark}'; expected 'Term — definition'`, span: trimSpan(lesson.text, separator.span) });
      }
    });
  },
});
