import { lessonRule } from '../../rule';
import { isActionVerb } from './objective-verbs';

const EMPHASIS_CLOSERS = '*_';
const QUOTE_CLOSERS = '"\'”’)]';
const ENDINGS = '?.…';
/** Trailing marks that stand where the final punctuation belongs: "Name two mechanisms:". */
const REPLACEABLE = ':;,!';

/**
 * §8: a question ends with '?' (or '.' when it is a prompt: "Name two …").
 * The fix appends '?' — or '.' when the question starts with one of the
 * template's action verbs — inside closing emphasis, after closing quotes.
 */
export default lessonRule({
  meta: {
    id: 'quiz-question-punctuation',
    description: "A quiz question ends with '?', or '.' for a prompt.",
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '8',
  },
  check({ lesson, template, report }) {
    lesson.quiz?.forEach(({ question }, index) => {
      const text = question?.text;
      if (!text?.value) return;
      const source = lesson.text;
      let end = text.span.end;
      while (end > text.span.start && EMPHASIS_CLOSERS.includes(source[end - 1]!)) end--;
      let last = end;
      while (last > text.span.start && QUOTE_CLOSERS.includes(source[last - 1]!)) last--;
      if (last === text.span.start || ENDINGS.includes(source[last - 1]!)) return;

      const firstWord = /^[\p{L}]+/u.exec(text.value.replace(/^[*_]+/, ''))?.[0] ?? '';
      const mark = isActionVerb(firstWord, template) ? '.' : '?';
      const replaces = REPLACEABLE.includes(source[end - 1]!);
      const wordStart = Math.max(text.span.start, source.lastIndexOf(' ', end - 1) + 1);
      report({
        message: `Quiz item ${index + 1}'s question does not end with '?' or '.'; expected '${mark}' at the end`,
        span: { start: wordStart, end: text.span.end },
        fix: {
          title: replaces ? `Replace '${source[end - 1]}' with '${mark}'` : `Append '${mark}'`,
          edits: [{ span: { start: replaces ? end - 1 : end, end }, text: mark }],
        },
      });
    });
  },
});
