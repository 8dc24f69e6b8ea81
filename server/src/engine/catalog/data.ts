/**
 * The generated catalog data (see `data/README.md`), typed. Importing JSON
 * keeps the module free of file-system access; esbuild inlines it into the
 * bundle. Nothing is indexed here: `lookup.ts` builds its maps on first use.
 */
import atlas560 from './data/atlas-5.6.0.json';
import atlasUpstream from './data/atlas-upstream-2026.json';
import owaspAgentic2026 from './data/owasp-agentic-2026.json';
import owaspLlm2023 from './data/owasp-llm-2023.json';
import owaspLlm2023to2025 from './data/owasp-llm-2023-to-2025.json';
import owaspLlm2025 from './data/owasp-llm-2025.json';
import owaspLlm2025to2026 from './data/owasp-llm-2025-to-2026.json';
import owaspLlm2026 from './data/owasp-llm-2026.json';
import owaspMl2023 from './data/owasp-ml-2023.json';
import type { EntryType, FrameworkKey } from './types';

/** Fields every generated file carries. */
interface GeneratedFile {
  generatedBy: string;
  schema: number;
  /** Name of the source catalog file; the generated file has the same name. */
  sourceFile: string;
  retrieved?: string;
  license: { spdx: string; url?: string };
  attribution: string;
  sources: Array<{ repository: string; commit?: string; path?: string }>;
}

/** An entry as stored: CatalogEntry minus the per-file fields. */
export interface DataEntry {
  id: string;
  qualifiedId?: string;
  name: string;
  type: EntryType;
  displayName?: string;
  url?: string;
  parent?: string;
  subtechniques?: string[];
  tactics?: string[];
  matrixOrder?: number;
  maturity?: string;
  deprecated?: boolean;
  replacedBy?: string;
  deprecatedSince?: string;
  previousNames?: string[];
  aliases?: string[];
}

/** One framework edition. */
export interface EditionFile extends GeneratedFile {
  framework: FrameworkKey;
  frameworkName: string;
  edition: string;
  editionLabel?: string;
  status?: string;
  listUrl?: string;
  entries: DataEntry[];
}

/** One change record of the unverified ATLAS upstream delta. */
export interface DeltaRecord {
  id: string;
  type: EntryType;
  change: 'added' | 'renamed' | 'removed' | 'tactics-changed';
  release?: string;
  name?: string;
  displayName?: string;
  parent?: string;
  previousName?: string;
  replacedBy?: string;
  tactics?: string[];
  tacticsIncomplete?: boolean;
}

export interface DeltaFile extends GeneratedFile {
  framework: 'mitre-atlas';
  baseEdition: string;
  targetRelease: string;
  verified: boolean;
  /** Inclusive ID ranges known to exist upstream although no record names them. */
  knownIdRanges: Array<{ type: EntryType; first: string; last: string; release?: string }>;
  entries: DeltaRecord[];
}

export interface MappingFile extends GeneratedFile {
  framework: 'owasp-llm';
  fromEdition: string;
  toEdition: string;
  official: boolean;
  newIds: string[];
  mappings: Array<{ from: string; to: string[]; relation?: string; confidence?: string }>;
}

/*
 * The JSON types TypeScript infers are structurally wider (plain `string`
 * where the data holds a union member); the generator validates the values,
 * and test/unit/catalog.test.ts checks the shape, so the casts are safe.
 */

/** Edition files in framework order, each framework's editions oldest first. */
export const EDITION_FILES: readonly EditionFile[] = [
  owaspLlm2023 as unknown as EditionFile,
  owaspLlm2025 as unknown as EditionFile,
  owaspLlm2026 as unknown as EditionFile,
  owaspMl2023 as unknown as EditionFile,
  owaspAgentic2026 as unknown as EditionFile,
  atlas560 as unknown as EditionFile,
];

export const ATLAS_DELTA: DeltaFile = atlasUpstream as unknown as DeltaFile;

export const OWASP_LLM_MAPPINGS: readonly MappingFile[] = [
  owaspLlm2023to2025 as unknown as MappingFile,
  owaspLlm2025to2026 as unknown as MappingFile,
];
