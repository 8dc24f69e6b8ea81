import type { Rule } from '../../rule';
import narrationBeforeFirstSlide from './narration-before-first-slide';
import outlineNumbering from './outline-numbering';
import outlineSlideCount from './outline-slide-count';
import outlineTitleMatch from './outline-title-match';
import recordingLine from './recording-line';
import scriptDuration from './script-duration';
import scriptExceedsLessonDuration from './script-exceeds-lesson-duration';
import scriptWordCount from './script-word-count';
import slideMarkerFormat from './slide-marker-format';
import slideMarkerIncomplete from './slide-marker-incomplete';
import slideNumbering from './slide-numbering';

/** §9 video script and timing, §10 slide outline, §11 production notes. */
export const scriptRules: Rule[] = [
  slideMarkerFormat,
  slideMarkerIncomplete,
  slideNumbering,
  narrationBeforeFirstSlide,
  scriptWordCount,
  scriptDuration,
  scriptExceedsLessonDuration,
  outlineSlideCount,
  outlineNumbering,
  outlineTitleMatch,
  recordingLine,
];
