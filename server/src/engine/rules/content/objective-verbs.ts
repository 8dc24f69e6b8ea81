/** Matching the first words of a learning objective against the template's verb lists. */
import type { Template } from '../../config/template';
import type { Objective } from '../../model/types';
import type { Span } from '../../types';

/** A measurable verb to use instead of each default vague verb. */
const BETTER_VERB: Record<string, string> = {
  understand: 'Explain',
  know: 'Identify',
  learn: 'Describe',
  appreciate: 'Explain',
  'be aware of': 'Recognize',
  grasp: 'Explain',
  'become familiar with': 'Describe',
};

export function betterVerb(vague: string): string {
  return BETTER_VERB[vague.toLowerCase()] ?? 'Explain';
}

function isLetter(char: string | undefined): boolean {
  return !!char && /\p{L}/u.test(char);
}

/** The vague verb (possibly several words: "Be aware of") the objective starts with, with its span. */
export function vagueVerbAt(objective: Objective, source: string, template: Template): { verb: string; span: Span } | undefined {
  if (!objective.verb) return undefined;
  const start = objective.verb.span.start;
  for (const verb of template.objectives.vagueVerbs) {
    const end = start + verb.length;
    if (source.slice(start, end).toLowerCase() === verb.toLowerCase() && !isLetter(source[end])) return { verb, span: { start, end } };
  }
  return undefined;
}

export function isActionVerb(word: string, template: Template): boolean {
  const lower = word.toLowerCase();
  return template.objectives.actionVerbs.some((verb) => verb.toLowerCase() === lower);
}
