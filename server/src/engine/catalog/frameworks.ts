/**
 * The four frameworks a lesson can cite: how their tags are spelled and which
 * editions the catalog holds.
 */
import { EDITION_FILES } from './data';
import type { FrameworkInfo, FrameworkKey, LookupOptions, OwaspLlmEdition } from './types';

/**
 * Edition an unqualified `OWASP LLMnn` tag refers to unless the course
 * configures another one (lesson format, section 3). Upstream the 2026
 * edition is current, but lessons default to the most cited one.
 */
export const DEFAULT_OWASP_LLM_EDITION: OwaspLlmEdition = '2025';

export const DEFAULT_LOOKUP_OPTIONS: Readonly<LookupOptions> = Object.freeze({
  owaspLlmEdition: DEFAULT_OWASP_LLM_EDITION,
});

interface Spelling {
  key: FrameworkKey;
  tagPrefix: string;
  idPrefix: string;
}

/** In display order; must list every FrameworkKey. */
const SPELLINGS: readonly Spelling[] = [
  { key: 'owasp-llm', tagPrefix: 'OWASP', idPrefix: 'LLM' },
  { key: 'owasp-ml', tagPrefix: 'OWASP', idPrefix: 'ML' },
  { key: 'owasp-agentic', tagPrefix: 'OWASP', idPrefix: 'ASI' },
  { key: 'mitre-atlas', tagPrefix: 'MITRE ATLAS', idPrefix: 'AML.' },
];

function editionFilesOf(key: FrameworkKey) {
  return EDITION_FILES.filter((f) => f.framework === key);
}

/** Editions held for `framework`, oldest first (ATLAS: its data version, "5.6.0"). */
export function editionsOf(framework: FrameworkKey): string[] {
  return editionFilesOf(framework).map((f) => f.edition);
}

/**
 * The edition an unqualified tag of `framework` refers to: the course's
 * edition for OWASP LLM, otherwise the only (newest) edition held.
 */
export function defaultEditionOf(framework: FrameworkKey, opts: LookupOptions = DEFAULT_LOOKUP_OPTIONS): string {
  if (framework === 'owasp-llm') return opts.owaspLlmEdition;
  const editions = editionsOf(framework);
  return editions[editions.length - 1] ?? '';
}

export function frameworks(): FrameworkInfo[] {
  return SPELLINGS.map((s) => {
    const files = editionFilesOf(s.key);
    return {
      key: s.key,
      name: files[0]?.frameworkName ?? s.key,
      editions: files.map((f) => f.edition),
      defaultEdition: defaultEditionOf(s.key),
      tagPrefix: s.tagPrefix,
      idPrefix: s.idPrefix,
    };
  });
}

/** True for the OWASP LLM editions the catalog holds (for validating configuration). */
export function isOwaspLlmEdition(value: unknown): value is OwaspLlmEdition {
  return typeof value === 'string' && editionsOf('owasp-llm').includes(value);
}

/**
 * The canonical tag for an ID: `formatTag('owasp-llm', 'LLM04', '2025')` is
 * "OWASP LLM04:2025", `formatTag('mitre-atlas', 'AML.T0049')` is
 * "MITRE ATLAS AML.T0049". ATLAS tags carry no edition, so it is ignored there.
 */
export function formatTag(framework: FrameworkKey, id: string, edition?: string): string {
  const prefix = SPELLINGS.find((s) => s.key === framework)?.tagPrefix ?? '';
  const suffix = edition !== undefined && framework !== 'mitre-atlas' ? `:${edition}` : '';
  return `${prefix} ${id}${suffix}`;
}
