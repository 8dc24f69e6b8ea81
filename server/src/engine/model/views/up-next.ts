/** The "Up next" pointer to the following lesson. */
import { trimmedText } from '../text';
import type { LessonId, ListItemModel, UpNextPointer } from '../types';
import { MINUTES_DECLARED, numberIn } from './common';

const LESSON_ID = /\bL(\d{1,4})\.(\d{1,4})\.(\d{1,4})\b/;
const UP_NEXT = /\bup\s+next\b/i;

/** The "Up next" pointer: `L4.3.1 — Harmful fine-tuning, ~5 min` in an item that says "Up next". */
export function readUpNext(items: ListItemModel[], source: string): UpNextPointer | undefined {
  for (const item of items) {
    const content = trimmedText(source, item.contentSpan.start, item.contentSpan.end);
    if (!UP_NEXT.test(content.value)) continue;
    const match = LESSON_ID.exec(content.value);
    if (!match) continue;
    const idStart = content.span.start + match.index;
    const id: LessonId = {
      value: match[0],
      parts: [Number(match[1]), Number(match[2]), Number(match[3])],
      span: { start: idStart, end: idStart + match[0].length },
    };
    const after = content.value.slice(match.index + match[0].length);
    const titleMatch = /^\s*[\u2014\u2013:-]\s*([^,"\u201d\n]+)/.exec(after);
    const pointer: UpNextPointer = { span: content.span, id };
    if (titleMatch) {
      const title = titleMatch[1]!.trim();
      const titleStart = id.span.end + after.indexOf(title, titleMatch[0].length - titleMatch[1]!.length);
      pointer.title = { value: title, span: { start: titleStart, end: titleStart + title.length } };
    }
    const minutes = numberIn(MINUTES_DECLARED, { value: after, span: { start: id.span.end, end: content.span.end } });
    if (minutes) pointer.minutes = minutes;
    return pointer;
  }
  return undefined;
}
