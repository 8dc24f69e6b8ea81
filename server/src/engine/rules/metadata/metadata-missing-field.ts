import { readInlineMetadata } from '../../model/metadata';
import { NodeSpans } from '../../model/nodes';
import type { Lesson, MetadataField, MetadataKey } from '../../model/types';
import { lessonRule } from '../../rule';
import { FIELD_LABELS, REQUIRED_FIELDS, listOf, misspeltField, nameIn } from './fields';

/**
 * Fields in a paragraph that a blank line cut off from the metadata paragraph:
 * they are there, only detached, which section-preamble reports.
 */
function detachedKeys(lesson: Lesson): Set<MetadataKey> {
  const keys = new Set<MetadataKey>();
  const metadata = lesson.metadataSpan;
  const preamble = lesson.preamble;
  if (!metadata || !preamble) return keys;
  const spans = new NodeSpans(lesson.text, lesson.text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const next = lesson.tree.children.find((node) => spans.of(node).start >= preamble.start);
  if (next?.type !== 'paragraph') return keys;
  for (const field of readInlineMetadata(lesson.text, spans.of(next))?.fields ?? []) if (field.key) keys.add(field.key);
  return keys;
}

/** §2: every lesson gives Type, Duration, Status, Module and Framework tags. */
export default lessonRule({
  meta: {
    id: 'metadata-missing-field',
    description: 'The metadata (paragraph after the H1, or front matter) gives Type, Duration, Status, Module and Framework tags.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '2',
  },
  check({ lesson, report }) {
    const frontMatter = lesson.frontMatter;
    // Unreadable front matter most likely holds the fields: front-matter-invalid says so, once.
    if (frontMatter?.error && !lesson.metadataSpan) return;
    // A paragraph with no known label is prose that happens to hold a colon, not metadata.
    const inlineIsMetadata = lesson.metadata.some((f) => f.source === 'inline' && f.key);
    const fields = lesson.metadata.filter((f): f is MetadataField & { key: NonNullable<MetadataField['key']> } =>
      !!f.key && (f.source === 'front-matter' || inlineIsMetadata),
    );
    const required = new Set(REQUIRED_FIELDS);
    if (!fields.some((f) => required.has(f.key))) {
      // With no H1 to follow, the metadata has no place yet: that is title-missing's finding.
      const anchor = lesson.title?.span ?? frontMatter?.span;
      if (!anchor) return;
      report({
        message:
          'The lesson has no metadata; expected a paragraph right after the H1 giving Type, Duration, Status, Module and Framework tags ' +
          "('**Type:** Theory · **Duration:** ~5 min · **Status:** Mandatory', then Module and Framework tags), or the same fields in front matter",
        span: anchor,
      });
      return;
    }
    // A label one typo away from a missing field is reported by metadata-unknown-field, with the right name.
    const misspelt = new Set(lesson.metadata.filter((f) => !f.key).map((f) => misspeltField(f.label.value)));
    // An empty Framework tags field is tag-missing's finding (§3); other empty fields count as missing.
    const given = (key: string) => fields.some((f) => f.key === key && (f.value.value || key === 'frameworks'));
    const detached = detachedKeys(lesson);
    const missing = REQUIRED_FIELDS.filter((key) => !given(key) && !misspelt.has(key) && !detached.has(key));
    if (missing.length === 0) return;
    const source = inlineIsMetadata ? 'inline' : 'front-matter';
    const names = missing.map((key) => `${nameIn(source, key)}${fields.some((f) => f.key === key) ? ' (empty)' : ''}`);
    const where = source === 'inline' ? 'The metadata' : 'The front matter';
    report({
      message: `${where} lacks ${listOf(names)}; expected every lesson to give ${listOf(REQUIRED_FIELDS.map((key) => FIELD_LABELS[key]))}`,
      span: (inlineIsMetadata ? lesson.metadataSpan : undefined) ?? frontMatter!.span,
    });
  },
});
