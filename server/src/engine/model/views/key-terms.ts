/** Key terms: `Term — definition` items. */
import { trimmedText } from '../text';
import type { KeyTerm, ListModel } from '../types';
import { TERM_SEPARATORS, firstLine, stripEmphasis } from './common';

export function readKeyTerms(list: ListModel, source: string): KeyTerm[] {
  return list.items.map((item) => {
    const line = firstLine(item, source);
    for (const separator of TERM_SEPARATORS) {
      const at = line.value.indexOf(separator);
      if (at < 0) continue;
      const sepStart = line.span.start + at;
      const sepEnd = sepStart + separator.length;
      const term = trimmedText(source, line.span.start, sepStart);
      const definition = trimmedText(source, sepEnd, item.contentSpan.end);
      return {
        item,
        term: { value: stripEmphasis(term.value), span: term.span },
        separator: { value: separator, span: { start: sepStart, end: sepEnd } },
        definition,
      };
    }
    const term = trimmedText(source, item.contentSpan.start, item.contentSpan.end);
    return { item, term: { value: stripEmphasis(term.value), span: term.span } };
  });
}
