import { lessonRule } from '../../rule';

/** §9: a slide marker carries a slide number and a title; there is nothing to fill them in from. */
export default lessonRule({
  meta: {
    id: 'slide-marker-incomplete',
    description: 'Every slide marker has a slide number and a title: `[SLIDE n — Title]`.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '9',
  },
  check({ lesson, report }) {
    const slides = lesson.videoScript?.slides ?? [];
    slides.forEach((slide, index) => {
      if (slide.number && slide.title) return;
      // Where the number is missing, its position in the script is the number it should most likely have.
      const number = slide.number?.value ?? index + 1;
      const title = slide.title?.value ?? 'Title';
      const missing = slide.number ? 'title' : slide.title ? 'slide number' : 'slide number or title';
      report({
        message: `Slide marker '${slide.raw}' has no ${missing}; expected '[SLIDE ${number} — ${title}]'`,
        span: slide.span,
      });
    });
  },
});
