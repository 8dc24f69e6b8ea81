/** The video script: `[SLIDE n — Title]` markers and the narration between them. */
import type { Span } from '../../types';
import { plainText, type NodeSpans } from '../nodes';
import { countWords, linesOf, trimmedText } from '../text';
import type { Section, SlideMarker, Text, VideoScript } from '../types';
import { MINUTES_DECLARED, WORDS_DECLARED, numberIn } from './common';

const SLIDE_START = /^\[\s*slide\b/i;
// `(?:\s*#)?` rather than `\s*#?\s*`: two adjacent stars over the same spaces would backtrack quadratically.
const SLIDE_NUMBER = /^(?:\s*#)?\s*(\d{1,6})/;
const SLIDE_TITLE = /^[\s\u2014\u2013:.\-]*([^\]]*)/;

export function canonicalSlideMarker(number: number, title: string): string {
  return `[SLIDE ${number} — ${title}]`;
}

function readMarker(line: Text): Omit<SlideMarker, 'words' | 'narrationSpan'> {
  const raw = line.value;
  const marker: Omit<SlideMarker, 'words' | 'narrationSpan'> = { span: line.span, raw, wellFormed: false };
  // The title follows the number, or the keyword when there is no number (`[Slide: Intro]`).
  let titleFrom = SLIDE_START.exec(raw)![0].length;
  const number = SLIDE_NUMBER.exec(raw.slice(titleFrom));
  if (number) {
    const at = line.span.start + titleFrom + number[0].length - number[1]!.length;
    marker.number = { value: Number(number[1]), span: { start: at, end: at + number[1]!.length } };
    titleFrom += number[0].length;
  }
  const after = raw.slice(titleFrom);
  const titleText = SLIDE_TITLE.exec(after)![1]!.trim();
  if (titleText) {
    const titleStart = line.span.start + titleFrom + after.indexOf(titleText);
    marker.title = { value: titleText, span: { start: titleStart, end: titleStart + titleText.length } };
  }
  // Well formed means exactly the canonical text: no stray spaces, zero-padding or trailing words.
  marker.wellFormed = !!marker.number && !!marker.title && raw === canonicalSlideMarker(marker.number.value, marker.title.value);
  return marker;
}

/** The kinds of block whose text is spoken narration. */
const SPOKEN = new Set(['paragraph', 'list', 'blockquote']);

export function readVideoScript(section: Section, spans: NodeSpans): VideoScript {
  const source = spans.text;
  const script: VideoScript = { section, slides: [], totalWords: 0 };
  const heading: Text = { value: section.heading.text, span: section.heading.textSpan };
  const words = numberIn(WORDS_DECLARED, { value: source.slice(heading.span.start, heading.span.end), span: heading.span });
  const minutes = numberIn(MINUTES_DECLARED, { value: source.slice(heading.span.start, heading.span.end), span: heading.span });
  if (words) script.declaredWords = words;
  if (minutes) script.declaredMinutes = minutes;

  let current: SlideMarker | undefined;
  let preambleWords = 0;
  let preambleSpan: Span | undefined;
  const addWords = (count: number, span: Span) => {
    if (count === 0) return;
    if (current) current.words += count;
    else {
      preambleWords += count;
      preambleSpan = preambleSpan ? { start: preambleSpan.start, end: span.end } : span;
    }
  };
  for (const node of section.nodes) {
    if (!SPOKEN.has(node.type)) continue;
    const nodeSpan = spans.of(node);
    if (node.type !== 'paragraph') {
      addWords(countWords(plainText(node)), nodeSpan);
      continue;
    }
    // A marker may share a paragraph with narration when no blank line separates them.
    for (const line of linesOf(source, nodeSpan.start, nodeSpan.end)) {
      const trimmed = trimmedText(source, line.span.start, line.span.end);
      if (SLIDE_START.test(trimmed.value)) {
        if (current) current.narrationSpan.end = trimmed.span.start;
        current = { ...readMarker(trimmed), words: 0, narrationSpan: { start: trimmed.span.end, end: section.span.end } };
        script.slides.push(current);
      } else {
        addWords(countWords(trimmed.value), trimmed.span);
      }
    }
  }
  script.totalWords = script.slides.reduce((sum, slide) => sum + slide.words, 0);
  if (preambleWords > 0 && preambleSpan) script.preamble = { span: preambleSpan, words: preambleWords };
  return script;
}
