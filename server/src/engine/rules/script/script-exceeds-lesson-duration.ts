import { rangeOf } from '../../lint';
import { lessonRule } from '../../rule';
import { estimatedMinutes, formatMinutes, lessonDuration, spokenWords } from './shared';

/** §9: the video is part of the lesson, so its speaking time fits in the lesson's Duration. */
export default lessonRule({
  meta: {
    id: 'script-exceeds-lesson-duration',
    description: "The video script's estimated speaking time does not exceed the lesson's Duration.",
    defaultSeverity: 'error',
    fixable: false,
    specSection: '9',
  },
  check({ lesson, template, filePath, lines, report }) {
    const script = lesson.videoScript;
    const duration = lessonDuration(lesson);
    if (!script || !duration) return;
    const words = spokenWords(script);
    const estimate = estimatedMinutes(words, template.wordsPerMinute);
    if (estimate <= duration.minutes) return;
    // The most words whose estimate, rounded as messages show it, still fits.
    const maxWords = Math.ceil((duration.minutes + 0.05) * template.wordsPerMinute) - 1;
    report({
      message:
        `The video script's estimated speaking time is ${formatMinutes(estimate)} min (${words} words at ${template.wordsPerMinute} words per minute), ` +
        `longer than the lesson's Duration of ${duration.field.value.value}; expected at most ${maxWords} words, or a longer Duration`,
      span: script.section.heading.textSpan,
      ...(filePath
        ? { related: [{ filePath, range: rangeOf(lines, duration.field.value.span), message: `The lesson's Duration: ${duration.field.value.value}` }] }
        : {}),
    });
  },
});
