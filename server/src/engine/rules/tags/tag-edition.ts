import { getEntry, mapOwaspLlmId } from '../../catalog';
import { lessonRule } from '../../rule';
import { recognizedTags } from './analyze';

/** "LLM04 Data and Model Poisoning" for a qualified ID of the course's edition. */
function labelOf(qualifiedId: string, edition: string): string {
  const id = qualifiedId.split(':')[0]!;
  const entry = getEntry('owasp-llm', id, edition);
  return entry ? `${id} ${entry.name}` : id;
}

/** ", where it is LLM04 Data and Model Poisoning": the entry's counterpart in the course's edition. */
function counterpart(id: string, from: string, to: string): string {
  const mapping = mapOwaspLlmId(id, from, to);
  if (!mapping) return '';
  if (mapping.to.length === 0) return `, which has no counterpart to it`;
  const labels = mapping.to.map((q) => labelOf(q, to));
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  // OWASP published no 2023 -> 2025 table; some rows are a judgement call.
  if (mapping.confidence === 'editorial') return `, where it roughly corresponds to ${list}`;
  return labels.length === 1 ? `, where it is ${list}` : `, where it is split between ${list}`;
}

/** §3: an OWASP LLM tag that names an edition other than the course's (the IDs changed meaning between editions). */
export default lessonRule({
  meta: {
    id: 'tag-edition',
    description: "An OWASP LLM tag written with an edition (`OWASP LLM03:2023`) uses the course's edition (template.owaspLlmEdition).",
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    const course = template.owaspLlmEdition;
    for (const tag of recognizedTags(lesson, template)) {
      const { framework, id, edition } = tag.parse.tag;
      if (framework !== 'owasp-llm' || edition === undefined || edition === course) continue;
      // An ID or edition that does not exist is tag-unknown-id's finding.
      if (tag.lookup.status !== 'found') continue;
      report({
        message:
          `OWASP ${id}:${edition} (${tag.lookup.entry.name}) is from the ${edition} edition; ` +
          `this course uses ${course}${counterpart(id, edition, course)}`,
        span: tag.ref.span,
      });
    }
  },
});
