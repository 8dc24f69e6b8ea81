import { lessonRule } from '../../rule';
import type { TextEdit } from '../../types';

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * §9: slides are numbered 1..N in script order. A gap or a repeat shifts every
 * later number, so the rule reports once, at the first wrong number.
 */
export default lessonRule({
  meta: {
    id: 'slide-numbering',
    description: 'Slide markers are numbered 1, 2, 3 … in script order, without gaps or repeats.',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '9',
  },
  check({ lesson, report }) {
    const slides = lesson.videoScript?.slides ?? [];
    // A marker without a number still holds its place; it is slide-marker-incomplete's finding.
    const wrong = slides.flatMap((slide, index) =>
      slide.number && slide.number.value !== index + 1 ? [{ number: slide.number, expected: index + 1 }] : [],
    );
    const first = wrong[0];
    if (!first) return;
    const written = slides.map((s) => s.number?.value ?? '?').join(', ');
    const others = wrong.length - 1;
    const more = others === 0 ? '' : `; ${others} later marker${others === 1 ? ' is' : 's are'} off too`;
    const edits: TextEdit[] = wrong.map((w) => ({ span: w.number.span, text: String(w.expected) }));
    // Renumber only when every marker is otherwise right: a malformed one is rewritten by its own fix first.
    report({
      message:
        `The ${ordinal(first.expected)} slide is numbered ${first.number.value}; expected ${first.expected} ` +
        `(slides are numbered 1 to ${slides.length} without gaps or repeats; found ${written})${more}`,
      span: first.number.span,
      ...(slides.every((s) => s.wellFormed) ? { fix: { title: `Renumber the slide markers 1 to ${slides.length}`, edits } } : {}),
    });
  },
});
