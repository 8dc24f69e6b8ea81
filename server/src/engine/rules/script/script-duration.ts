import { lessonRule } from '../../rule';
import { estimatedMinutes, formatMinutes, formatPercent, spokenWords, toleranceRange, withinTolerance } from './shared';

/**
 * §9: the heading's `~M min` agrees with the estimated speaking time
 * (words ÷ words per minute), within the template's tolerance.
 */
export default lessonRule({
  meta: {
    id: 'script-duration',
    description: "The video script's estimated speaking time (words ÷ 130 per minute) is within ±20% of the heading's `~M min`.",
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '9',
  },
  check({ lesson, template, report }) {
    const script = lesson.videoScript;
    const declared = script?.declaredMinutes;
    if (!script || !declared || declared.value <= 0) return;
    const words = spokenWords(script);
    if (words === 0) return;
    const estimate = estimatedMinutes(words, template.wordsPerMinute);
    if (withinTolerance(estimate, declared.value, template.minuteTolerance)) return;
    // When the heading's words and minutes agree with each other and only the word count is off,
    // the script's length is the one divergence, and script-word-count reports it.
    const declaredWords = script.declaredWords?.value;
    if (
      declaredWords &&
      !withinTolerance(words, declaredWords, template.wordTolerance) &&
      withinTolerance(estimatedMinutes(declaredWords, template.wordsPerMinute), declared.value, template.minuteTolerance)
    ) {
      return;
    }
    const { low, high } = toleranceRange(declared.value, template.minuteTolerance);
    report({
      message:
        `The video script's estimated speaking time is ${formatMinutes(estimate)} min (${words} words at ${template.wordsPerMinute} words per minute), ` +
        `but its heading declares ~${declared.value} min; expected ${formatMinutes(low)} to ${formatMinutes(high)} min ` +
        `(${formatPercent(template.minuteTolerance)}), or a heading that gives the real time`,
      span: declared.span,
    });
  },
});
