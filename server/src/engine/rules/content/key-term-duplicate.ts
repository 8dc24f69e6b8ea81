import { lessonRule } from '../../rule';

/** §6: a term is defined once (compared without regard to case or emphasis). */
export default lessonRule({
  meta: {
    id: 'key-term-duplicate',
    description: 'Each key term is given once (compared without regard to case).',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '6',
  },
  check({ lesson, lines, report }) {
    const seen = new Map<string, number>();
    for (const { term } of lesson.keyTerms ?? []) {
      if (!term?.value) continue;
      const key = term.value.toLowerCase().replace(/\s+/g, ' ');
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, term.span.start);
        continue;
      }
      report({
        message: `Key term '${term.value}' is given again (first on line ${lines.position(first).line}); expected each term once`,
        span: term.span,
      });
    }
  },
});
