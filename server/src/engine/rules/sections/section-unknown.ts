import { lessonRule } from '../../rule';
import { analyzeSections, sectionKey } from './analysis';

/**
 * §4: every H2 is a section of the template. Headings are compared without
 * regard to case, trailing punctuation or a parenthesis ("Video script (~600
 * words, ~4.5 min)" is the Video script section).
 */
export default lessonRule({
  meta: {
    id: 'section-unknown',
    description: "Every H2 heading names a section of the template for the lesson's type.",
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '4',
  },
  check({ lesson, template, report }) {
    const analysis = analyzeSections(lesson, template);
    const forType = analysis.lessonType ? ` for ${analysis.lessonType} lessons` : '';
    for (const { section, suggestion, sameWords } of analysis.unknown) {
      const written = section.heading.text;
      const heading = section.heading.textSpan;
      if (suggestion && sameWords) {
        const key = keyPart(lesson.text, heading);
        report({
          message: `Section heading '${written}' is not spelled as in the template; expected '${suggestion.title}'`,
          span: heading,
          // Renaming replaces the heading's source: only offered when that source is
          // plain text, so inline markup or a comment in it is never deleted.
          ...(MARKUP.test(lesson.text.slice(key.start, key.end))
            ? {}
            : { fix: { title: `Rename the heading to '${suggestion.title}'`, edits: [{ span: key, text: suggestion.title }] } }),
        });
      } else if (suggestion) {
        report({ message: `Unknown section '${written}'; did you mean '${suggestion.title}' (which is missing)?`, span: heading });
      } else if (!written) {
        report({ message: `An H2 heading has no text; expected one of the template's sections${forType}`, span: section.heading.span });
      } else {
        const otherTypes = Object.entries(template.sections)
          .filter(([type, titles]) => type !== 'default' && titles.some((t) => sectionKey(t) === sectionKey(written)))
          .map(([type]) => type);
        const expected = analysis.template.map((t) => `'${t.title}'`).join(', ');
        report({
          message:
            otherTypes.length > 0
              ? `Section '${written}' is not part of the template${forType} (only of ${otherTypes.join(', ')}); expected only ${expected}`
              : `Unknown section '${written}': the template${forType} has no such section; expected one of ${expected}`,
          span: heading,
        });
      }
    }
  },
});

/** The heading text up to a parenthesis or trailing punctuation: what the rename replaces. */
/** Characters that start inline markup, an entity or an escape. */
const MARKUP = /[<>`*_[\]\\&!]/;

function keyPart(text: string, heading: { start: number; end: number }): { start: number; end: number } {
  const written = text.slice(heading.start, heading.end);
  const paren = written.indexOf('(');
  let end = paren < 0 ? written.length : paren;
  while (end > 0 && ' \t.:;,!?'.includes(written[end - 1]!)) end--;
  return { start: heading.start, end: heading.start + end };
}
