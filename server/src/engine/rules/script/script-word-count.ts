import { lessonRule } from '../../rule';
import { estimatedMinutes, formatMinutes, formatPercent, spokenWords, toleranceRange, withinTolerance } from './shared';

/** §9: the heading's `~W words` agrees with the narration's word count, within the template's tolerance. */
export default lessonRule({
  meta: {
    id: 'script-word-count',
    description: "The video script's spoken word count is within the template's tolerance (±15%) of the heading's `~W words`.",
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '9',
  },
  check({ lesson, template, report }) {
    const script = lesson.videoScript;
    const declared = script?.declaredWords;
    if (!script || !declared || declared.value <= 0) return;
    const words = spokenWords(script);
    // An empty script is the sections rules' finding, not a count mismatch.
    if (words === 0 || withinTolerance(words, declared.value, template.wordTolerance)) return;
    const { low, high } = toleranceRange(declared.value, template.wordTolerance);
    const minutes = formatMinutes(estimatedMinutes(words, template.wordsPerMinute));
    report({
      message:
        `The video script has ${words} spoken words (about ${minutes} min at ${template.wordsPerMinute} words per minute), ` +
        `but its heading declares ~${declared.value}; expected ${Math.ceil(low - 1e-9)} to ${Math.floor(high + 1e-9)} words ` +
        `(${formatPercent(template.wordTolerance)}), or a heading that gives the real count`,
      span: declared.span,
    });
  },
});
