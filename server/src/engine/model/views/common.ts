/** Helpers shared by the section views. */
import type { List } from 'mdast';
import { readList } from '../lists';
import type { NodeSpans } from '../nodes';
import { linesOf } from '../text';
import type { ListItemModel, ListModel, NumberValue, Section, Text } from '../types';

export function firstList(section: Section, spans: NodeSpans): ListModel | undefined {
  const list = section.nodes.find((node): node is List => node.type === 'list');
  return list ? readList(list, spans) : undefined;
}

/** Separators between a term and its definition, best first. */
export const TERM_SEPARATORS = [' — ', ' – ', ' - ', ': ', '—'];

/** The first line of an item's content, as text with its span. */
export function firstLine(item: ListItemModel, source: string): Text {
  return linesOf(source, item.contentSpan.start, item.contentSpan.end)[0]!;
}

export function stripEmphasis(value: string): string {
  // Loops, not /^[*_`]+|[*_`]+$/g, which backtracks quadratically.
  let start = 0;
  let end = value.length;
  while (start < end && '*_`'.includes(value[start]!)) start++;
  while (end > start && '*_`'.includes(value[end - 1]!)) end--;
  return value.slice(start, end).trim();
}

const NUMBER_THEN = (unit: string) => new RegExp(`(?:(~)\\s*)?(\\d{1,6}(?:\\.\\d{1,3})?)\\s*${unit}`, 'i');
export const WORDS_DECLARED = NUMBER_THEN('words?\\b');
export const MINUTES_DECLARED = NUMBER_THEN('min');

export function numberIn(pattern: RegExp, text: Text): NumberValue | undefined {
  const match = pattern.exec(text.value);
  if (!match) return undefined;
  const at = text.span.start + match.index + match[0].indexOf(match[2]!);
  return { value: Number(match[2]), span: { start: at, end: at + match[2]!.length } };
}
