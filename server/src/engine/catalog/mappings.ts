/**
 * Where an OWASP LLM entry went between editions (the IDs were reused with
 * different meanings: LLM03 is Training Data Poisoning in 2023, Supply Chain
 * in 2025, Excessive Agency in 2026). Used to propose the ID of the course's
 * edition for a tag written with another one. 2025 -> 2026 is OWASP's own
 * table; 2023 -> 2025 is partly editorial (see `confidence`).
 */
import { OWASP_LLM_MAPPINGS } from './data';
import { editionsOf } from './frameworks';
import type { EditionMapping } from './types';

interface Step {
  targets: string[]; // qualified IDs
  relation?: string;
  confidence?: string;
  official: boolean;
}

/** `${from}>${to}` -> qualified source ID -> step, for adjacent editions, both directions. */
let steps: Map<string, Map<string, Step>> | undefined;

function getSteps(): Map<string, Map<string, Step>> {
  if (steps !== undefined) return steps;
  const built = new Map<string, Map<string, Step>>();
  for (const file of OWASP_LLM_MAPPINGS) {
    const forward = new Map<string, Step>();
    const backward = new Map<string, Step>();
    for (const m of file.mappings) {
      forward.set(m.from, { targets: [...m.to], relation: m.relation, confidence: m.confidence, official: file.official });
      for (const t of m.to) {
        const back = backward.get(t) ?? { targets: [], relation: m.relation, confidence: m.confidence, official: file.official };
        back.targets.push(m.from);
        if (back.targets.length > 1) {
          back.relation = 'merged';
          back.confidence = back.confidence ?? m.confidence;
        }
        backward.set(t, back);
      }
    }
    for (const id of file.newIds) {
      if (!backward.has(id)) backward.set(id, { targets: [], relation: `new in ${file.toEdition}`, official: file.official });
    }
    for (const b of backward.values()) b.targets.sort();
    built.set(`${file.fromEdition}>${file.toEdition}`, forward);
    built.set(`${file.toEdition}>${file.fromEdition}`, backward);
  }
  steps = built;
  return built;
}

/**
 * The IDs in edition `to` that continue bare ID `id` of edition `from`
 * (`mapOwaspLlmId('LLM03', '2023', '2025')` -> to ["LLM04:2025"]). Editions
 * that are not adjacent are composed (2023 -> 2026 goes through 2025).
 * Undefined when either edition is not held or the table has no row for `id`.
 */
export function mapOwaspLlmId(id: string, from: string, to: string): EditionMapping | undefined {
  const editions = editionsOf('owasp-llm');
  const i = editions.indexOf(from);
  const j = editions.indexOf(to);
  if (i < 0 || j < 0) return undefined;
  const start = `${id}:${from}`;
  if (i === j) return { from: start, to: [start], relation: 'same', official: true };

  const table = getSteps();
  const dir = j > i ? 1 : -1;
  let current = [start];
  const relations: string[] = []; // one label per step
  let official = true;
  let confidence: string | undefined;
  for (let k = i; k !== j; k += dir) {
    const step = table.get(`${editions[k]}>${editions[k + dir]}`);
    if (step === undefined) return undefined;
    const next: string[] = [];
    const stepRelations = new Set<string>();
    for (const c of current) {
      const s = step.get(c);
      if (s === undefined) {
        if (k === i) return undefined; // unknown starting ID
        continue;
      }
      for (const t of s.targets) if (!next.includes(t)) next.push(t);
      if (s.relation !== undefined) stepRelations.add(s.relation);
      official &&= s.official;
      confidence ??= s.confidence;
    }
    if (stepRelations.size > 0) relations.push([...stepRelations].join(' / '));
    current = next;
  }
  const result: EditionMapping = { from: start, to: current, official };
  if (relations.length > 0) result.relation = relations.join(', then ');
  if (confidence !== undefined) result.confidence = confidence;
  return result;
}
