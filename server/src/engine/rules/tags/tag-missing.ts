import { lessonRule } from '../../rule';
import { contains } from './analyze';

/**
 * §3: a framework tags field with no tag in it. A lesson without the field is
 * metadata-missing-field's finding, not this rule's.
 */
export default lessonRule({
  meta: {
    id: 'tag-missing',
    description: 'The framework tags field holds at least one tag.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, report }) {
    for (const field of lesson.metadata) {
      if (field.key !== 'frameworks') continue;
      const hasTag = lesson.tags.some(
        (t) => t.source === field.source && t.raw.trim() !== '' && contains(field.span, t.span),
      );
      if (hasTag) continue;
      report({
        message: `The '${field.label.value}' field has no tags (expected one or more tags separated by ' · ', e.g. 'OWASP LLM04 · MITRE ATLAS AML.T0018')`,
        span: field.span.end > field.span.start ? field.span : field.label.span,
      });
    }
  },
});
