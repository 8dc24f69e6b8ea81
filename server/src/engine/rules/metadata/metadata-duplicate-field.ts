import type { MetadataField } from '../../model/types';
import { lessonRule } from '../../rule';
import { FIELD_LABELS, lineOf, shown } from './fields';

/** §2: each field is given once per place (paragraph or front matter); front matter against paragraph is metadata-mismatch's. */
export default lessonRule({
  meta: {
    id: 'metadata-duplicate-field',
    description: 'Each metadata field is given once in the metadata paragraph and once at most in the front matter.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '2',
  },
  check(context) {
    const { lesson, report } = context;
    const first = new Map<string, MetadataField>();
    for (const field of lesson.metadata) {
      if (!field.key) continue;
      const slot = `${field.source}:${field.key}`;
      const earlier = first.get(slot);
      if (!earlier) {
        first.set(slot, field);
        continue;
      }
      const place = field.source === 'inline' ? 'the metadata paragraph' : 'the front matter';
      const asWritten = (f: MetadataField) => `'${shown(f.label.value)}: ${shown(f.value.value)}'`;
      report({
        message:
          `${FIELD_LABELS[field.key]} is given twice in ${place}: here as ${asWritten(field)} and first on line ${lineOf(context, earlier.span)} ` +
          `as ${asWritten(earlier)}; expected it once`,
        span: field.label.span,
      });
    }
  },
});
