/** The slide outline: `Title — what the slide shows` items. */
import { trimmedText } from '../text';
import type { ListModel, OutlineItem } from '../types';
import { TERM_SEPARATORS, firstLine } from './common';

export function readOutline(list: ListModel, source: string): OutlineItem[] {
  return list.items.map((item) => {
    const line = firstLine(item, source);
    for (const separator of TERM_SEPARATORS) {
      const at = line.value.indexOf(separator);
      if (at < 0) continue;
      const sepStart = line.span.start + at;
      return {
        item,
        title: trimmedText(source, line.span.start, sepStart),
        description: trimmedText(source, sepStart + separator.length, item.contentSpan.end),
      };
    }
    return { item, title: trimmedText(source, item.contentSpan.start, line.span.end) };
  });
}
