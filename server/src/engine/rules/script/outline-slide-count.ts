import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { firstLine } from '../../model/views/common';
import { lessonRule } from '../../rule';
import { sectionOf } from './shared';

/** §10: the slide outline has exactly one item per slide of the video script. */
export default lessonRule({
  meta: {
    id: 'outline-slide-count',
    description: 'The slide outline has exactly one item per slide marker of the video script.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '10',
  },
  check({ lesson, report }) {
    const outline = lesson.outline;
    const slides = lesson.videoScript?.slides;
    // A script without markers is narration-before-first-slide's finding; counting against it would repeat it.
    if (!outline || !slides || slides.length === 0 || outline.length === slides.length) return;
    const counts = `The slide outline has ${outline.length} item${outline.length === 1 ? '' : 's'} but the video script has ${slides.length} slide${slides.length === 1 ? '' : 's'}`;
    if (outline.length > slides.length) {
      const surplus = outline[slides.length]!;
      const line = firstLine(surplus.item, lesson.text);
      report({
        message: `${counts}; expected one item per slide (item ${slides.length + 1}, '${surplus.title?.value ?? line.value}', has no slide)`,
        span: line.span,
      });
      return;
    }
    const firstMissing = slides[outline.length]!;
    report({
      message: `${counts}; expected one item per slide (no item for slide ${outline.length + 1}, '${firstMissing.raw}')`,
      span: sectionOf(lesson, KNOWN_SECTION_VIEWS.outline)!.heading.textSpan,
    });
  },
});
