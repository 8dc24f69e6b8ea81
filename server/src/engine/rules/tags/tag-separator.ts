import { lessonRule } from '../../rule';
import { contains } from './analyze';

const SEPARATOR = ' · ';
/** What the model splits inline tags at (model/metadata.ts); anything else between two tags is not a separator. */
const SEPARATOR_CHARACTERS = ['·', ',', ';'];

/**
 * §3 (and the §2 table): inline tags are separated by " · ". Commas and
 * semicolons are read as separators too, so the tags are still checked; this
 * rule only asks for the one spelling. Front matter lists need no separator.
 */
export default lessonRule({
  meta: {
    id: 'tag-separator',
    description: "Inline framework tags are separated by ' · ' (a middle dot with a space on each side), not by commas or semicolons.",
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '3',
  },
  check({ lesson, report }) {
    for (const field of lesson.metadata) {
      if (field.key !== 'frameworks' || field.source !== 'inline') continue;
      const tags = lesson.tags
        .filter((t) => t.source === 'inline' && contains(field.span, t.span))
        .sort((a, b) => a.span.start - b.span.start);
      for (let i = 1; i < tags.length; i++) {
        const span = { start: tags[i - 1]!.span.end, end: tags[i]!.span.start };
        const between = lesson.text.slice(span.start, span.end);
        // Tags on different lines, or odd text between them, are left alone.
        if (between === SEPARATOR || between.includes('\n') || between.includes('\r')) continue;
        const written = between.trim();
        if (!SEPARATOR_CHARACTERS.includes(written)) continue;
        report({
          message:
            written === '·'
              ? `The '·' between framework tags needs one space on each side; expected '${SEPARATOR}'`
              : `Framework tags are separated by '${written}'; expected '${SEPARATOR}' (space, middle dot, space)`,
          span,
          fix: { title: `Use '${SEPARATOR}' between the tags`, edits: [{ span, text: SEPARATOR }] },
        });
      }
    }
  },
});
