import type { Text as MdText } from 'mdast';
import { walk } from '../../model/nodes';
import { lessonRule } from '../../rule';
import { nodeSpans } from './analysis';

/** What section skeletons (the language server's quick fix, the snippets) leave to fill in. */
const PLACEHOLDER = '…';

/** Before a placeholder: the start of a line, a space, or the `~` of `~… min`. */
function opensSlot(char: string | undefined): boolean {
  return char === undefined || char === '~' || /\s/.test(char);
}

/**
 * After a placeholder: the end of a line, a space, or one punctuation mark
 * that ends the slot (`Q: …?`, `Cap ….`). A quote or bracket after it is an
 * elision in quoted text ("the administrator: …"), not a slot.
 */
function closesSlot(char: string | undefined, next: string | undefined): boolean {
  if (char === undefined || /\s/.test(char)) return true;
  return '?.,;:'.includes(char) && (next === undefined || /\s/.test(next));
}

/**
 * §4: no `…` standing alone where a word should be, as section skeletons
 * leave them. The skeletons lint clean otherwise, on purpose (no cascade of
 * list and count findings about text not written yet), so this is what
 * tells the author, the reviewer and CI what is left to write.
 */
export default lessonRule({
  meta: {
    id: 'skeleton-placeholder',
    description: "No '…' placeholder of a section skeleton is left where the lesson's own words should be.",
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '4',
  },
  check({ lesson, report }) {
    const text = lesson.text;
    if (!text.includes(PLACEHOLDER)) return;
    const spans = nodeSpans(lesson);
    walk(lesson.tree, (node) => {
      if (node.type !== 'text') return;
      const span = spans.of(node as MdText);
      const source = text.slice(span.start, span.end);
      for (let at = source.indexOf(PLACEHOLDER); at >= 0; at = source.indexOf(PLACEHOLDER, at + 1)) {
        const offset = span.start + at;
        if (!opensSlot(text[offset - 1]) || !closesSlot(text[offset + 1], text[offset + 2])) continue;
        report({
          message: "Placeholder '…' left to fill in; expected the lesson's own words here",
          span: { start: offset, end: offset + 1 },
        });
      }
    });
  },
});
