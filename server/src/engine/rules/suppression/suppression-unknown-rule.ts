import { lessonRule } from '../../rule';

/** Edit distance, for "did you mean" (rule IDs are short, so the quadratic table is small). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Names farther than this from every rule ID get no suggestion. */
const MAX_SUGGESTION_DISTANCE = 3;

function closestRule(name: string, known: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const id of [...known].sort()) {
    if (Math.abs(id.length - lower.length) > MAX_SUGGESTION_DISTANCE) continue;
    const d = distance(lower, id);
    if (d <= MAX_SUGGESTION_DISTANCE && (!best || d < best.distance)) best = { id, distance: d };
  }
  return best?.id;
}

/** §13: a suppression comment that names a rule the engine does not know suppresses nothing, silently; say so. */
export default lessonRule({
  meta: {
    id: 'suppression-unknown-rule',
    description: 'Suppression comments (`lessonlint-disable`, `-enable`, `-disable-next-line`) name only rules that exist.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '13',
  },
  check({ lesson, knownRuleIds, report }) {
    for (const suppression of lesson.suppressions) {
      for (const name of suppression.rules) {
        if (knownRuleIds.has(name.value)) continue;
        const suggestion = closestRule(name.value, knownRuleIds);
        report({
          message:
            `'lessonlint-${suppression.kind}' names '${name.value}', which is not a lessonlint rule, so it suppresses nothing; ` +
            (suggestion ? `did you mean '${suggestion}'?` : 'expected the ID of a lessonlint rule (each has a page in docs/rules/)'),
          span: name.span,
        });
      }
    }
  },
});
