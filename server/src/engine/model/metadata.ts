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
const LABEL = /^(\*\*|__)?([A-Za-z][A-Za-z ]{0,39}?)(\*\*|__)?:(\*\*|__)?(?=\s|$)/;

/** Tags are separated by a middle dot; commas and semicolons are accepted too. */
const TAG_SEPARATOR = /[·,;]/;

/** Splits one line of the metadata paragraph at ` · ` separators. */
function segmentsOfLine(source: string, line: Text): Text[] {
  const segments: Text[] = [];
  let start = line.span.start;
  for (let i = line.span.start; i <= line.span.end; i++) {
    if (i === line.span.end || source[i] === '·') {
      const segment = trimmedText(source, start, i);
      if (segment.value) segments.push(segment);
      start = i + 1;
    }
  }
  return segments;
}

/**
 * Drops a trailing hard-break backslash and, when the bold around a label was
 * left open (`**Type: Theory**`), the marker that closes it after the value.
 */
function cleanValue(source: string, value: Text, openMarker?: string): Text {
  let { start, end } = value.span;
  while (end > start && (source[end - 1] === '\\' || source[end - 1] === ' ')) end--;
  if (openMarker && end - start >= openMarker.length && source.slice(end - openMarker.length, end) === openMarker) {
    end -= openMarker.length;
  }
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
    for (const segment of segmentsOfLine(source, line)) {
      const match = LABEL.exec(segment.value);
      if (match) {
        const [whole, open, label, closeBeforeColon, closeAfterColon] = match;
        const labelText = label!.trim();
        const labelStart = segment.span.start + (open?.length ?? 0);
        const valueStart = segment.span.start + whole.length;
        const unclosed = open && !closeBeforeColon && !closeAfterColon ? open : undefined;
        const value = cleanValue(source, trimmedText(source, valueStart, segment.span.end), unclosed);
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

/** Where the YAML starts: after the opening `---` fence and its line break (\n, \r\n or \r). */
function frontMatterContentStart(source: string, block: Span): number {
  let at = block.start + 3;
  while (at < block.end && (source[at] === ' ' || source[at] === '\t')) at++;
  if (source[at] === '\r' && source[at + 1] === '\n') return at + 2;
  if (source[at] === '\n' || source[at] === '\r') return at + 1;
  return at;
}

/**
 * The span of a node's value in the lesson text: quoted scalars without their
 * quotes (so that a fix replaces the text inside them), collections without the
 * line break that YAML counts as part of a block sequence.
 */
function valueSpanOf(source: string, contentStart: number, node: YamlNode): Span {
  const [start, end] = node.range!;
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && end - start >= 2) {
    return { start: contentStart + start + 1, end: contentStart + end - 1 };
  }
  return trimmedText(source, contentStart + start, contentStart + end).span;
}

/**
 * Tags of a scalar written as one string (`tags: OWASP LLM03 · MITRE ATLAS AML.T0049`).
 * Where escapes or line folding make the source differ from the value, each
 * tag gets the whole scalar's span: a span inside it would point at other text.
 */
function scalarTags(source: string, value: string, span: Span): TagReference[] {
  if (source.slice(span.start, span.end) === value) return splitTags(source, { value, span }, 'front-matter');
  return value
    .split(TAG_SEPARATOR)
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '')
    .map((raw) => ({ raw, span, source: 'front-matter' as const }));
}

/**
 * Reads the YAML front matter. `block` is the span of the whole block,
 * `---` fences included; `content` is the text between the fences.
 */
export function readFrontMatter(source: string, block: Span, content: string): FrontMatter {
  const contentStart = frontMatterContentStart(source, block);
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
    frontMatter.error = { message: first.message.split('\n')[0]!, span: errorSpan(source, block, contentStart, first.pos) };
    return frontMatter;
  }
  if (doc.contents === null) return frontMatter;
  if (!isMap(doc.contents)) {
    frontMatter.error = { message: 'it is not a mapping of fields', span: valueSpanOf(source, contentStart, doc.contents) };
    return frontMatter;
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const label = isScalar(keyNode) ? String(keyNode.value) : '';
    const labelSpan = keyNode?.range ? valueSpanOf(source, contentStart, keyNode) : { start: contentStart, end: contentStart };
    const valueNode = pair.value as YamlNode | null;
    // `type:` with nothing after it: an empty value right after the key.
    const valueSpan = valueNode?.range ? valueSpanOf(source, contentStart, valueNode) : { start: labelSpan.end, end: labelSpan.end };
    // The field ends where its value does, closing quote included.
    const fieldEnd = valueNode?.range
      ? trimmedText(source, contentStart + valueNode.range[0], contentStart + valueNode.range[1]).span.end
      : labelSpan.end;
    const key = metadataKey(label);
    let valueText = '';
    if (isSeq(valueNode)) {
      const items = (valueNode.items as YamlNode[]).filter((item) => isScalar(item) && item.value !== null);
      valueText = items.map((item) => String((item as { value: unknown }).value).trim()).join(' · ');
      if (key === 'frameworks') {
        for (const item of items) {
          frontMatter.tags.push({
            raw: String((item as { value: unknown }).value).trim(),
            span: valueSpanOf(source, contentStart, item),
            source: 'front-matter',
          });
        }
      }
    } else if (isScalar(valueNode) && valueNode.value !== null) {
      valueText = String(valueNode.value);
      if (key === 'frameworks') frontMatter.tags.push(...scalarTags(source, valueText, valueSpan));
    }
    frontMatter.fields.push({
      ...(key ? { key } : {}),
      label: { value: label, span: labelSpan },
      value: { value: valueText.trim(), span: valueSpan },
      span: { start: keyNode?.range ? contentStart + keyNode.range[0] : labelSpan.start, end: fieldEnd },
      source: 'front-matter',
    });
  }
  return frontMatter;
}

/** The YAML error's position as a non-empty span inside the block, so that an editor can show it. */
function errorSpan(source: string, block: Span, contentStart: number, pos: [number, number] | undefined): Span {
  const start = Math.min(contentStart + (pos?.[0] ?? 0), block.end);
  let end = Math.min(contentStart + (pos?.[1] ?? 0), block.end);
  // A position on a line break belongs to the line it ends.
  while (end > start && (source[end - 1] === '\n' || source[end - 1] === '\r')) end--;
  if (end > start) return { start, end };
  end = start;
  // Grow to the end of the line, or back to the previous character at a line end.
  while (end < block.end && source[end] !== '\n' && source[end] !== '\r') end++;
  if (end > start) return { start, end };
  return { start: Math.max(block.start, start - 1), end: start };
}
