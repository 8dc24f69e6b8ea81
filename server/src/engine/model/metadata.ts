/**
 * Lesson metadata in its two forms, the inline paragraph after the H1 and the
 * YAML front matter, read into the same fields and tag references.
 */
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';
import { linesOf, trimmedText } from './text';
import type { FrontMatter, MetadataField, MetadataKey, TagReference, Text } from './types';

const LABEL_KEYS: Record<string, MetadataKey> = {
  id: 'id',
  'lesson id': 'id',
  title: 'title',
  type: 'type',
  duration: 'duration',
  status: 'status',
  module: 'module',
  'framework tags': 'frameworks',
  frameworks: 'frameworks',
  framework: 'frameworks',
  tags: 'frameworks',
};

export function metadataKey(label: string): MetadataKey | undefined {
  return LABEL_KEYS[label.toLowerCase().replace(/\s+/g, ' ').trim()];
}

/**
 * `**Label:** value`, `**Label**: value` or `Label: value` at the start of a
 * segment. The colon must be followed by white space or the end, so that a tag
 * such as `OWASP LLM04:2025` is not taken for a label.
 */
const LABEL = /^(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,39}?)(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)/;

/** Tags are separated by a middle dot; commas and semicolons are accepted too. */
const TAG_SEPARATOR = /[·,;]/;

interface Segment extends Text {}

/** Splits one line of the metadata paragraph at ` · ` separators. */
function segmentsOfLine(line: Text): Segment[] {
  const segments: Segment[] = [];
  let start = line.span.start;
  const text = line.value;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '·') {
      const seg = trimmedText(lineSource(line), start - line.span.start, i);
      segments.push(shift(seg, line.span.start));
      start = line.span.start + i + 1;
    }
  }
  segments.push(shift(trimmedText(lineSource(line), start - line.span.start, text.length), line.span.start));
  return segments.filter((s) => s.value.length > 0);
}

function lineSource(line: Text): string {
  return line.value;
}

function shift(text: Text, by: number): Text {
  return { value: text.value, span: { start: text.span.start + by, end: text.span.end + by } };
}

/** Drops a trailing hard-break backslash and emphasis markers left around a value. */
function cleanValue(source: string, value: Text): Text {
  let { start, end } = value.span;
  while (end > start && (source[end - 1] === '\\' || source[end - 1] === ' ')) end--;
  return trimmedText(source, start, end);
}

/**
 * Reads the metadata paragraph. Returns nothing when the paragraph holds no
 * `Label:` at all (it is then ordinary prose, not metadata).
 */
export function readInlineMetadata(
  source: string,
  paragraph: Span,
): { fields: MetadataField[]; tags: TagReference[] } | undefined {
  const fields: Array<MetadataField & { parts: Text[] }> = [];
  for (const line of linesOf(source, paragraph.start, paragraph.end)) {
    for (const segment of segmentsOfLine(line)) {
      const match = LABEL.exec(segment.value);
      if (match) {
        const labelText = match[1]!.trim();
        const labelStart = segment.span.start + segment.value.indexOf(match[1]!);
        const valueStart = segment.span.start + match[0].length;
        const value = cleanValue(source, trimmedText(source, valueStart, segment.span.end));
        const key = metadataKey(labelText);
        fields.push({
          ...(key ? { key } : {}),
          label: { value: labelText, span: { start: labelStart, end: labelStart + labelText.length } },
          value,
          span: { start: segment.span.start, end: Math.max(value.span.end, valueStart) },
          source: 'inline',
          parts: value.value ? [value] : [],
        });
      } else if (fields.length > 0) {
        // A segment without a label continues the previous field: `Tags: A · B`.
        const field = fields[fields.length - 1]!;
        const part = cleanValue(source, segment);
        field.parts.push(part);
        const start = field.parts[0]!.span.start;
        field.value = { value: source.slice(start, part.span.end), span: { start, end: part.span.end } };
        field.span = { start: field.span.start, end: part.span.end };
      }
    }
  }
  if (fields.length === 0) return undefined;
  const tags: TagReference[] = [];
  for (const field of fields) {
    if (field.key !== 'frameworks') continue;
    for (const part of field.parts) tags.push(...splitTags(source, part, 'inline'));
  }
  return { fields: fields.map(({ parts: _parts, ...field }) => field), tags };
}

function splitTags(source: string, part: Text, origin: TagReference['source']): TagReference[] {
  const tags: TagReference[] = [];
  let start = part.span.start;
  for (let i = part.span.start; i <= part.span.end; i++) {
    if (i === part.span.end || TAG_SEPARATOR.test(source[i]!)) {
      const tag = trimmedText(source, start, i);
      if (tag.value) tags.push({ raw: tag.value, span: tag.span, source: origin });
      start = i + 1;
    }
  }
  return tags;
}

/**
 * Reads the YAML front matter. `node` is the span of the whole block,
 * `---` fences included; `content` is the text between the fences.
 */
export function readFrontMatter(source: string, block: Span, content: string): FrontMatter {
  // The content starts after the opening fence's line break.
  const firstBreak = source.indexOf('\n', block.start);
  const contentStart = firstBreak < 0 || firstBreak > block.end ? block.end : firstBreak + 1;
  const spanOf = (node: YamlNode | null | undefined): Span => {
    const range = node?.range;
    if (!range) return { start: contentStart, end: contentStart };
    return { start: contentStart + range[0], end: contentStart + range[1] };
  };
  const frontMatter: FrontMatter = { span: block, fields: [], tags: [] };
  let doc;
  try {
    doc = parseDocument(content, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    frontMatter.error = { message: String(error), span: block };
    return frontMatter;
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const at = first.pos?.[0] ?? 0;
    frontMatter.error = {
      message: first.message.split('\n')[0]!,
      span: { start: contentStart + at, end: contentStart + (first.pos?.[1] ?? at) },
    };
    return frontMatter;
  }
  if (doc.contents === null) return frontMatter;
  if (!isMap(doc.contents)) {
    frontMatter.error = { message: 'front matter is not a mapping of fields', span: block };
    return frontMatter;
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const label = isScalar(keyNode) ? String(keyNode.value) : '';
    const labelSpan = spanOf(keyNode);
    const valueNode = pair.value as YamlNode | null;
    const valueSpan = spanOf(valueNode);
    const key = metadataKey(label);
    let valueText: string;
    if (isSeq(valueNode)) {
      const items = valueNode.items as YamlNode[];
      valueText = items.map((item) => (isScalar(item) ? String(item.value) : '')).join(' · ');
      if (key === 'frameworks') {
        for (const item of items) {
          if (isScalar(item) && item.value !== null) {
            frontMatter.tags.push({ raw: String(item.value).trim(), span: spanOf(item), source: 'front-matter' });
          }
        }
      }
    } else {
      valueText = isScalar(valueNode) && valueNode.value !== null ? String(valueNode.value) : '';
      if (key === 'frameworks' && valueText) {
        frontMatter.tags.push(...splitTags(source, { value: valueText, span: valueSpan }, 'front-matter'));
      }
    }
    frontMatter.fields.push({
      ...(key ? { key } : {}),
      label: { value: label, span: labelSpan },
      value: { value: valueText.trim(), span: valueSpan },
      span: { start: labelSpan.start, end: Math.max(labelSpan.end, valueSpan.end) },
      source: 'front-matter',
    });
  }
  return frontMatter;
}
