import { canonicalSlideMarker } from '../../model/views/video-script';
import { lessonRule } from '../../rule';

/**
 * §9: a slide marker is exactly `[SLIDE n — Title]` on its own line. Markers
 * without a number or a title are slide-marker-incomplete's; this rule
 * spells out the ones that have both.
 */
export default lessonRule({
  meta: {
    id: 'slide-marker-format',
    description: 'Slide markers are written exactly `[SLIDE n — Title]` (upper-case SLIDE, em dash, closing bracket, nothing after it).',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '9',
  },
  check({ lesson, report }) {
    for (const slide of lesson.videoScript?.slides ?? []) {
      if (slide.wellFormed || !slide.number || !slide.title) continue;
      const expected = canonicalSlideMarker(slide.number.value, slide.title.value);
      const close = slide.raw.indexOf(']', slide.title.span.end - slide.span.start);
      const trailing = close < 0 ? '' : slide.raw.slice(close + 1).trim();
      if (trailing) {
        // Rewriting the line would drop the author's words after the bracket: no fix.
        report({
          message: `Slide marker '${slide.raw}' has text after its closing bracket; expected the marker '${expected}' alone on its line, with '${trailing}' moved to the narration`,
          span: slide.span,
        });
        continue;
      }
      // Two edits around the title, so the title itself is never rewritten.
      report({
        message: `Slide marker '${slide.raw}' is malformed; expected '${expected}'`,
        span: slide.span,
        fix: {
          title: `Rewrite the marker as '${expected}'`,
          edits: [
            { span: { start: slide.span.start, end: slide.title.span.start }, text: `[SLIDE ${slide.number.value} — ` },
            { span: { start: slide.title.span.end, end: slide.span.end }, text: ']' },
          ],
        },
      });
    }
  },
});
