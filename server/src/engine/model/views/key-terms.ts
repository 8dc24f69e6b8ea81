/** Key terms: `Term — definition` items. */
import { trimmedText } from '../text';
import type { KeyTerm, ListModel, Text } from '../types';
import { firstLine, stripEmphasis } from './common';

/**
 * The separator of a key-term line: the first dash that stands between words
 * (an em dash however spaced, or an en dash or hyphen with a space on each
 * side), else the first colon followed by white space (after closing
 * emphasis: `**Term:** definition`). Offsets are into `line`.
 */
function findSeparator(line: string): { start: number; end: number } | undefined {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '—') return widen(line, i, i + 1);
    if ((c === '–' || c === '-') && line[i - 1] === ' ' && line[i + 1] === ' ') return widen(line, i, i + 1);
  }
  for (let colon = line.indexOf(':'); colon >= 0; colon = line.indexOf(':', colon + 1)) {
    let end = colon + 1;
    while (end < line.length && (line[end] === '*' || line[end] === '_')) end++;
    if (end === line.length || line[end] === ' ' || line[end] === '\t') return widen(line, colon, end);
  }
  return undefined;
}

/** Takes in the spaces around a separator. */
function widen(line: string, start: number, end: number): { start: number; end: number } {
  while (start > 0 && (line[start - 1] === ' ' || line[start - 1] === '\t')) start--;
  while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
  return { start, end };
}

export function readKeyTerms(list: ListModel, source: string): KeyTerm[] {
  return list.items.map((item) => {
    const line = firstLine(item, source);
    const found = findSeparator(line.value);
    if (!found) {
      const term = trimmedText(source, item.contentSpan.start, item.contentSpan.end);
      return { item, term: { value: stripEmphasis(term.value), span: term.span } };
    }
    const sepStart = line.span.start + found.start;
    const sepEnd = line.span.start + found.end;
    const term = trimmedText(source, line.span.start, sepStart);
    const separator: Text = { value: source.slice(sepStart, sepEnd), span: { start: sepStart, end: sepEnd } };
    return {
      item,
      term: { value: stripEmphasis(term.value), span: term.span },
      separator,
      definition: trimmedText(source, sepEnd, item.contentSpan.end),
    };
  });
}
