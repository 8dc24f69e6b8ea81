/**
 * Public types of the framework catalogs (OWASP LLM / ML / Agentic Top 10,
 * MITRE ATLAS). The catalog module is pure: no Node APIs, no vscode; its data
 * is the generated JSON in `./data/` (see `data/README.md`).
 */

export type FrameworkKey = 'owasp-llm' | 'owasp-ml' | 'owasp-agentic' | 'mitre-atlas';

export type EntryType = 'risk' | 'tactic' | 'technique' | 'sub-technique' | 'mitigation' | 'case-study';

/** Editions of the OWASP Top 10 for LLM Applications that the catalog holds. */
export type OwaspLlmEdition = '2023' | '2025' | '2026';

/** One entry of one framework edition: facts only, no description text. */
export interface CatalogEntry {
  framework: FrameworkKey;
  /** Human name of the framework, e.g. "MITRE ATLAS". */
  frameworkName: string;
  /** Edition ("2025") or data version ("5.6.0") the entry belongs to. */
  edition: string;
  /** Bare ID: "LLM03", "ML06", "ASI01", "AML.T0018.000". */
  id: string;
  /** OWASP only: ID with the edition year, "LLM03:2025". */
  qualifiedId?: string;
  /** Official short name ("Supply Chain", "Poison AI Model"). */
  name: string;
  /** ATLAS sub-techniques: "Parent: Sub", the form atlas.mitre.org shows. */
  displayName?: string;
  type: EntryType;
  /** Official page; absent for retired IDs. */
  url?: string;
  /** ATLAS sub-techniques: the technique ID. */
  parent?: string;
  /** ATLAS techniques: sub-technique IDs. */
  subtechniques?: string[];
  /** ATLAS techniques and sub-techniques: tactic IDs in matrix order. */
  tactics?: string[];
  /** ATLAS tactics: 1-based column in the ATLAS matrix. */
  matrixOrder?: number;
  /** ATLAS techniques: "feasible" | "demonstrated" | "realized". */
  maturity?: string;
  /** The ID is retired (a warning, not an error). */
  deprecated?: boolean;
  /** The ID that took over a retired one, when known. */
  replacedBy?: string;
  /** Data version / upstream release from which the ID is retired ("4.5.0", "2026.07"). */
  deprecatedSince?: string;
  /**
   * Where the retirement is recorded: in the pinned catalog itself, or only in
   * the unverified upstream delta (ATLAS releases after the pinned one).
   */
  deprecationSource?: 'catalog' | 'upstream-delta';
  /** Earlier names of the same ID (ATLAS "ML …" names before 4.9.0, ...). */
  previousNames?: string[];
  /** Other accepted spellings or draft names (OWASP). */
  aliases?: string[];
  /** Newer name upstream (unverified delta), when it was renamed after the pinned release. */
  upstreamName?: string;
}

export interface FrameworkTag {
  framework: FrameworkKey;
  /** Canonical bare ID: "LLM04", "AML.T0049". */
  id: string;
  /** Only when the tag is written with one, e.g. `OWASP LLM04:2025` (four digits). */
  edition?: string;
  /** Canonical spelling of the whole tag: "OWASP LLM04:2025", "MITRE ATLAS AML.T0049". */
  canonical: string;
}

export type TagParse =
  /** Already canonical. */
  | { kind: 'ok'; tag: FrameworkTag }
  /** Clearly one of ours but misspelled (`LLM3`, `ATLAS AML.T49`, ...); `tag.canonical` is the fix. */
  | { kind: 'fixable'; tag: FrameworkTag; reason: string }
  /** Not a framework tag we know. */
  | { kind: 'unrecognized'; reason: string };

export interface LookupOptions {
  /** Edition that an OWASP LLM tag without `:YYYY` refers to (the course's edition). */
  owaspLlmEdition: OwaspLlmEdition;
}

export type LookupResult =
  | { status: 'found'; entry: CatalogEntry }
  /** Retired ID (AML.T0045; upstream-retired AML.T0019/T0058/T0104); `entry.replacedBy` when known. */
  | { status: 'deprecated'; entry: CatalogEntry }
  /** The tag names an edition the catalog does not hold (`OWASP LLM04:2019`, `OWASP ML01:2025`). */
  | { status: 'unknown-edition'; edition: string }
  /**
   * Not in the pinned ATLAS data but known from the (unverified) upstream delta:
   * report "not in pinned catalog, known upstream", not "does not exist".
   * `upstreamName` is the name atlas.mitre.org shows (for sub-techniques
   * "Parent: Sub"), when the delta records it; `upstreamRelease` the release
   * that added the ID.
   */
  | { status: 'not-in-pinned-catalog'; upstreamName?: string; upstreamRelease?: string }
  /** An ID the catalog does not have. */
  | { status: 'unknown' };

export interface FrameworkInfo {
  key: FrameworkKey;
  /** Human name from the catalog data. */
  name: string;
  /** Editions held, oldest first. */
  editions: string[];
  /** Edition an unqualified tag refers to by default. */
  defaultEdition: string;
  /** Words before the ID in a tag: "OWASP", "MITRE ATLAS"; tag = `${tagPrefix} ${id}`. */
  tagPrefix: string;
  /** Start of every ID: "LLM", "ML", "ASI", "AML.". */
  idPrefix: string;
}

/** Provenance and licence of one generated data file, for notices and hovers. */
export interface CatalogSource {
  /** Generated file name under `server/src/engine/catalog/data/`. */
  file: string;
  framework: FrameworkKey;
  /** Edition / data version; for the ATLAS delta the upstream release it reaches. */
  edition: string;
  kind: 'catalog' | 'upstream-delta' | 'edition-mapping';
  status?: string;
  license: { spdx: string; url?: string };
  attribution: string;
  sources: Array<{ repository: string; commit?: string; path?: string }>;
  retrieved?: string;
}

/** Where an OWASP LLM entry of one edition went in another edition. */
export interface EditionMapping {
  from: string; // qualified: "LLM03:2023"
  /** Qualified IDs in the target edition; empty when the entry has no successor. */
  to: string[];
  /** Label from the mapping table ("moved", "renamed+moved", "dropped; scope split", ...). */
  relation?: string;
  /** True only when every step of the mapping is an official OWASP table. */
  official: boolean;
  /** "editorial" when a step is a judgement rather than a published mapping. */
  confidence?: string;
}
