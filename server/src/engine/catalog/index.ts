/**
 * Framework catalogs: parse a framework tag, resolve it against the pinned
 * OWASP / MITRE ATLAS data, list entries for completion and reports.
 * Pure (no Node APIs, no vscode).
 */
export type {
  CatalogEntry,
  CatalogSource,
  EditionMapping,
  EntryType,
  FrameworkInfo,
  FrameworkKey,
  FrameworkTag,
  LookupOptions,
  LookupResult,
  OwaspLlmEdition,
  TagParse,
} from './types';
export {
  DEFAULT_LOOKUP_OPTIONS,
  DEFAULT_OWASP_LLM_EDITION,
  defaultEditionOf,
  editionsOf,
  formatTag,
  frameworks,
  isOwaspLlmEdition,
} from './frameworks';
export { MAX_TAG_LENGTH, parseTag } from './tags';
export { getEntry, listEntries, lookupTag } from './lookup';
export { mapOwaspLlmId } from './mappings';
export { catalogSources } from './sources';
