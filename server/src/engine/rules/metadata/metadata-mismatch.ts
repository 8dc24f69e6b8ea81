import type { MetadataField, MetadataKey, Text } from '../../model/types';
import { lessonRule } from '../../rule';
import { FIELD_LABELS, describeField, fieldsOf, foldSpace, lineOf, looseIdParts, readModule, shown } from './fields';

/**
 * What a value means, so that spelling the same thing two ways ("Theory" and
 * "theory", "~5 min" and "5 min", tags in another order) is not a
 * disagreement: the spelling is the value rules' business.
 */
function meaning(key: MetadataKey, text: Text): string {
  const value = foldSpace(text.value);
  switch (key) {
    case 'id': {
      const parts = looseIdParts(value);
      return parts ? parts.join('.') : value.toLowerCase();
    }
    case 'title':
      // The H1 is markdown: emphasis and code marks are not part of the title.
      return foldSpace(value.replace(/[*_`]/g, ''));
    case 'duration': {
      const minutes = /^[~\u2248]?\s{0,3}(\d{1,6}(?:[.,]\d{1,3})?)/.exec(value);
      return minutes ? String(Number(minutes[1]!.replace(',', '.'))) : value.toLowerCase();
    }
    case 'module': {
      const module = readModule({ value, span: text.span });
      return module ? `${module.number.number} ${module.title.value.trim().toLowerCase()}` : value.toLowerCase();
    }
    case 'frameworks':
      return value
        .split(/[·,;]/)
        .map((tag) => foldSpace(tag).toUpperCase())
        .filter((tag) => tag !== '')
        .sort()
        .join(' · ');
    default:
      return value.toLowerCase();
  }
}

const COMPARED_FIELDS: readonly MetadataKey[] = ['type', 'duration', 'status', 'module', 'frameworks'];

/** §2: a lesson does not disagree with itself: front matter, H1 and metadata paragraph say the same. */
export default lessonRule({
  meta: {
    id: 'metadata-mismatch',
    description: 'The front matter, the H1 and the metadata paragraph agree on every value they both give (ID, title, Type, Duration…).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '2',
  },
  check(context) {
    const { lesson, report } = context;
    const disagree = (key: MetadataKey, field: MetadataField, other: Text, otherName: string) => {
      if (!field.value.value || !other.value || meaning(key, field.value) === meaning(key, other)) return;
      report({
        message:
          `${describeField(field)} '${shown(field.value.value)}' disagrees with ${otherName} '${shown(other.value)}' (line ${lineOf(context, other.span)}); ` +
          `expected the same ${key === 'id' ? 'ID' : key === 'title' ? 'title' : FIELD_LABELS[key]} in both`,
        span: field.value.span,
      });
    };

    const title = lesson.title;
    if (title?.id) {
      for (const field of fieldsOf(lesson, 'id')) disagree('id', field, { value: title.id.value, span: title.id.span }, "the H1's lesson ID");
    }
    if (title?.title) {
      for (const field of fieldsOf(lesson, 'title')) disagree('title', field, title.title, "the H1's title");
    }
    // The paragraph against the front matter, field by field; the first of a duplicate speaks for it.
    for (const key of COMPARED_FIELDS) {
      const fromFrontMatter = fieldsOf(lesson, key).find((field) => field.source === 'front-matter');
      const inline = fieldsOf(lesson, key).find((field) => field.source === 'inline');
      if (fromFrontMatter && inline) disagree(key, fromFrontMatter, inline.value, `the metadata paragraph's ${inline.label.value}`);
    }
  },
});
