/** Helpers shared by the content rules (§5–§8): finding a section's list, numbering, counts. */
import type { List } from 'mdast';
import { sectionKeyTitle } from '../../model/parse';
import type { ListItemModel, ListModel, Lesson, Section } from '../../model/types';
import type { Fix, Span } from '../../types';
import type { Report } from '../../rule';
import { contentSpan, isContentNode } from '../sections/analysis';

/** The first section whose heading is `key` (a duplicate is section-duplicate's, and the model reads the first). */
export function sectionByKey(lesson: Lesson, key: string): Section | undefined {
  return lesson.sections.find((section) => sectionKeyTitle(section.normalizedTitle) === key);
}

export function firstListNode(section: Section): List | undefined {
  return section.nodes.find((node): node is List => node.type === 'list');
}

/**
 * The one finding for a section that should hold a list and holds none. An
 * empty or absent section is section-empty's and section-missing's finding.
 */
export function missingListReport(lesson: Lesson, section: Section | undefined, message: string): Report | undefined {
  if (!section || firstListNode(section) || !section.nodes.some(isContentNode)) return undefined;
  return { message, span: contentSpan(lesson, section.nodes)! };
}

/** A span without the white space at its ends: the token to underline. */
export function trimSpan(source: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (source[start] === ' ' || source[start] === '\t')) start++;
  while (end > start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  return { start, end };
}

/** The end of the line that `offset` is on (before its line break), capped at `limit`. */
export function lineEndFrom(source: string, offset: number, limit: number): number {
  let end = offset;
  while (end < limit && source[end] !== '\n' && source[end] !== '\r') end++;
  return end;
}

/** The item's first line, marker included: what a finding about one item points at. */
export function itemLineSpan(item: ListItemModel, source: string): Span {
  return trimSpan(source, { start: item.markerSpan.start, end: lineEndFrom(source, item.markerSpan.end, item.span.end) });
}

/**
 * Turns a bulleted list into a numbered one (or back). Offered only when every
 * item is a single paragraph: a wider marker could otherwise push a nested
 * block out of its item.
 */
export function relistFix(list: ListModel, node: List, ordered: boolean): Fix | undefined {
  if (!node.children.every((item) => item.children.length === 1 && item.children[0]!.type === 'paragraph')) return undefined;
  return {
    title: ordered ? 'Number the items 1..N' : "Use '-' bullets",
    edits: list.items.map((item, index) => ({ span: item.markerSpan, text: ordered ? `${index + 1}.` : '-' })),
  };
}

/**
 * One finding for an ordered list not numbered 1..N: at the first wrong
 * number, with a fix that rewrites every wrong number (and nothing else).
 */
export function numberingReport(list: ListModel, itemName: string): Report | undefined {
  if (!list.ordered) return undefined;
  const wrong = list.items
    .map((item, index) => ({ number: item.number, expected: index + 1 }))
    .filter((n): n is { number: NonNullable<ListItemModel['number']>; expected: number } => !!n.number && n.number.value !== n.expected);
  const first = wrong[0];
  if (!first) return undefined;
  const others = wrong.length > 1 ? ` (${wrong.length} items are misnumbered)` : '';
  return {
    message: `${itemName} ${first.expected} is numbered ${first.number.value}; expected ${first.expected} — items are numbered 1..${list.items.length} without gaps${others}`,
    span: first.number.span,
    fix: {
      title: `Renumber the items 1..${list.items.length}`,
      edits: wrong.map((n) => ({ span: n.number.span, text: String(n.expected) })),
    },
  };
}

/** "1 to 5", or "exactly 3" when the bounds meet. */
function rangeText(min: number, max: number): string {
  return min === max ? `exactly ${min}` : `${min} to ${max}`;
}

/**
 * One finding for a list whose item count is outside min..max: on the first
 * item too many, or on the section heading when items are missing.
 */
export function countReport(section: Section, list: ListModel, source: string, min: number, max: number, what: string): Report | undefined {
  const count = list.items.length;
  if (count >= min && count <= max) return undefined;
  const message = `${what} has ${count} item${count === 1 ? '' : 's'}; expected ${rangeText(min, max)}`;
  if (count > max) return { message, span: itemLineSpan(list.items[max]!, source) };
  return { message, span: section.heading.textSpan };
}
