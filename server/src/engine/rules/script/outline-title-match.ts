import { lessonRule } from '../../rule';

/**
 * §10: outline item i is about slide i. Authors shorten titles ("The result"
 * for "The result in three sentences") and sometimes name a slide by what its
 * narration opens with, so an item only stands out when its title shares no
 * word with the marker's title nor with the slide's first sentence.
 */

const STOP_WORDS = new Set([
  'a', 'about', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'does', 'doesn', "doesn't", 'for', 'from', 'how', 'in',
  'into', 'is', 'it', 'its', 'it\'s', 'not', 'of', 'on', 'or', 'our', 's', 't', 'that', 'the', 'their', 'this', 'to', 'vs',
  'what', 'when', 'where', 'which', 'who', 'why', 'with', 'you', 'your',
]);

/** Sentences longer than this are not a slide's "opening"; it also bounds the work per slide. */
const MAX_OPENING = 300;

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

/** Equal, or one a prefix of the other of at least three letters: "app"/"application", "mechanism"/"mechanisms". */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 3 && long.startsWith(short));
}

function firstSentence(narration: string): string {
  const text = narration.trimStart().slice(0, MAX_OPENING);
  const end = text.search(/[.!?](?:\s|$)|\n/);
  return end < 0 ? text : text.slice(0, end);
}

export default lessonRule({
  meta: {
    id: 'outline-title-match',
    description: "Each slide outline item's title shares a word with its slide's marker title (or the slide's first sentence).",
    defaultSeverity: 'info',
    fixable: false,
    specSection: '10',
  },
  check({ lesson, report }) {
    const outline = lesson.outline;
    const slides = lesson.videoScript?.slides;
    // With a different count the items do not line up with the slides; outline-slide-count reports that.
    if (!outline || !slides || outline.length !== slides.length) return;
    outline.forEach((item, i) => {
      const slide = slides[i]!;
      const itemWords = contentWords(item.title?.value ?? '');
      if (!item.title || !slide.title || itemWords.length === 0) return;
      const opening = firstSentence(lesson.text.slice(slide.narrationSpan.start, slide.narrationSpan.end));
      const slideWords = [...contentWords(slide.title.value), ...contentWords(opening)];
      if (itemWords.some((w) => slideWords.some((s) => sameWord(w, s)))) return;
      report({
        message:
          `Outline item ${i + 1} '${item.title.value}' shares no word with slide ${i + 1} '${slide.title.value}'; ` +
          `expected the outline to follow the script's slides in order (item ${i + 1} describes slide ${i + 1})`,
        span: item.title.span,
      });
    });
  },
});
