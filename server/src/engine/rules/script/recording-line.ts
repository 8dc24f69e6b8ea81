import { rangeOf } from '../../lint';
import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule, type Report } from '../../rule';
import { lessonDuration, sectionOf } from './shared';

const EXPECTED = "'Recording: ~X min. Cap Y.'";

/**
 * §11: the production notes give the recording line `Recording: ~X min. Cap Y.`:
 * X ≤ Y, Y ≤ the lesson's Duration, and X equal to the video script heading's
 * declared minutes. Each disagreement is a finding of its own.
 */
export default lessonRule({
  meta: {
    id: 'recording-line',
    description: 'The production notes give `Recording: ~X min. Cap Y.` with X ≤ Y ≤ Duration and X equal to the script heading\'s minutes.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '11',
  },
  check({ lesson, filePath, lines, report }) {
    const script = lesson.videoScript;
    // Only a lesson with a video script is recorded; a missing notes list is the sections rules' finding.
    if (!script || !lesson.productionNotes) return;
    const recording = lesson.recording;
    const declared = script.declaredMinutes;
    if (!recording) {
      const x = declared ? `~${declared.value}` : '~X';
      report({
        message: `The production notes have no recording line; expected an item '- Recording: ${x} min. Cap Y.' (Y at most the lesson's Duration)`,
        span: sectionOf(lesson, KNOWN_SECTION_VIEWS.productionNotes)!.heading.textSpan,
      });
      return;
    }
    const related = (span: Report['span'], message: string) => (filePath ? { related: [{ filePath, range: rangeOf(lines, span), message }] } : {});
    const { minutes, cap } = recording;
    if (!minutes) report({ message: `The recording line gives no time; expected ${EXPECTED}`, span: recording.span });
    if (!cap) report({ message: `The recording line gives no cap; expected ${EXPECTED}`, span: recording.span });
    if (minutes && cap && minutes.value > cap.value) {
      report({
        message: `The recording time ~${minutes.value} min is over its cap of ${cap.value} min; expected a time no longer than the cap`,
        span: minutes.span,
      });
    }
    const duration = lessonDuration(lesson);
    if (cap && duration && cap.value > duration.minutes) {
      report({
        message: `The recording cap of ${cap.value} min is longer than the lesson's Duration of ${duration.field.value.value}; expected a cap of at most ${duration.minutes} min`,
        span: cap.span,
        ...related(duration.field.value.span, `The lesson's Duration: ${duration.field.value.value}`),
      });
    }
    if (minutes && declared && minutes.value !== declared.value) {
      report({
        message: `The recording time ~${minutes.value} min disagrees with the video script heading's ~${declared.value} min; expected the same minutes in both`,
        span: minutes.span,
        ...related(declared.span, `The video script heading declares ~${declared.value} min`),
      });
    }
  },
});
