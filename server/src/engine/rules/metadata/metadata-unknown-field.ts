import { lessonRule } from '../../rule';
import { FIELD_LABELS, FRONT_MATTER_KEYS, foldSpace, listOf, misspeltField, nameIn, shown } from './fields';

const FIELD_ORDER = ['id', 'title', 'type', 'duration', 'status', 'module', 'frameworks'] as const;

/** §2: a label the template does not know is a typo or a field no tool reads. */
export default lessonRule({
  meta: {
    id: 'metadata-unknown-field',
    description: 'Every metadata label is one the template knows (Type, Duration, Status, Module, Framework tags; id and title in front matter).',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '2',
    optionsSchema: {
      type: 'object',
      properties: {
        allowedFields: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Further labels or front matter keys to accept (e.g. "layout" for a static site generator); case is ignored.',
        },
      },
      additionalProperties: false,
    },
  },
  check({ lesson, options, report }) {
    const allowed = new Set(
      (Array.isArray(options.allowedFields) ? options.allowedFields : []).filter((f): f is string => typeof f === 'string').map((f) => foldSpace(f).toLowerCase()),
    );
    for (const source of ['inline', 'front-matter'] as const) {
      const fields = lesson.metadata.filter((field) => field.source === source);
      // A paragraph without any known label is prose with a colon: metadata-missing-field speaks for it.
      if (source === 'inline' && !fields.some((field) => field.key)) continue;
      for (const field of fields) {
        if (field.key || allowed.has(foldSpace(field.label.value).toLowerCase())) continue;
        const guess = misspeltField(field.label.value);
        const known =
          source === 'inline'
            ? listOf(FIELD_ORDER.slice(2).map((k) => FIELD_LABELS[k]), 'or')
            : `${listOf(FIELD_ORDER.map((k) => FRONT_MATTER_KEYS[k]), 'or')} (other keys can be allowed with the rule's allowedFields option)`;
        const place = source === 'inline' ? 'metadata field' : 'front matter field';
        report({
          message: guess
            ? `Unknown ${place} '${shown(field.label.value)}'; expected '${nameIn(source, guess)}' (it looks misspelt)`
            : `Unknown ${place} '${shown(field.label.value)}'; expected ${known}`,
          span: field.label.span,
        });
      }
    }
  },
});
