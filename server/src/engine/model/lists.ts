/** List items with their written numbers and markers. */
import type { List, ListItem, Nodes } from 'mdast';
import type { NodeSpans } from './nodes';
import { plainText } from './nodes';
import type { ListItemModel, ListModel } from './types';

export function readList(list: List, spans: NodeSpans): ListModel {
  return {
    ordered: list.ordered === true,
    span: spans.of(list),
    items: list.children.map((item) => readListItem(item, spans)),
  };
}

function readListItem(item: ListItem, spans: NodeSpans): ListItemModel {
  const span = spans.of(item);
  const text = spans.text;
  // The marker is the first thing on the item's line: digits + "." / ")" or a bullet.
  let i = span.start;
  while (i < span.end && (text[i] === ' ' || text[i] === '\t')) i++;
  const markerStart = i;
  while (i < span.end && i - markerStart < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const digitsEnd = i;
  if (i < span.end && (text[i] === '.' || text[i] === ')' || text[i] === '-' || text[i] === '*' || text[i] === '+')) i++;
  const markerSpan = { start: markerStart, end: i };
  const first = item.children[0];
  const contentSpan = first ? { start: spans.of(first).start, end: span.end } : { start: i, end: i };
  return {
    span,
    ...(digitsEnd > markerStart
      ? { number: { value: Number(text.slice(markerStart, digitsEnd)), span: { start: markerStart, end: digitsEnd } } }
      : {}),
    markerSpan,
    text: first ? plainText(first as Nodes).trim() : '',
    contentSpan,
  };
}
