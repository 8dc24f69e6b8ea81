/**
 * Catalog look-ups. The indexes are built once, on first use, so importing
 * the module costs only the (bundled) JSON; every look-up is then a Map hit.
 */
import { ATLAS_DELTA, EDITION_FILES, type DataEntry, type DeltaRecord, type EditionFile } from './data';
import { DEFAULT_LOOKUP_OPTIONS, defaultEditionOf, editionsOf } from './frameworks';
import type { CatalogEntry, FrameworkKey, FrameworkTag, LookupOptions, LookupResult } from './types';

interface UpstreamOnly {
  name?: string;
  release?: string;
}

/** Consecutive IDs known upstream: `${prefix}${n}` for first <= n <= last, n zero-padded to `width`. */
interface IdRange {
  prefix: string;
  width: number;
  first: number;
  last: number;
  release?: string;
}

interface Index {
  /** key(framework, edition, id) -> entry */
  byKey: Map<string, CatalogEntry>;
  /** All entries, frameworks and editions in catalog order, IDs sorted. */
  all: readonly CatalogEntry[];
  /** ATLAS IDs added upstream after the pinned release (unverified delta). */
  upstreamOnly: Map<string, UpstreamOnly>;
  upstreamRanges: readonly IdRange[];
}

let index: Index | undefined;

function key(framework: FrameworkKey, edition: string, id: string): string {
  return `${framework}\u0000${edition}\u0000${id}`;
}

/** Splits "AML.CS0057" into "AML.CS" and its trailing digits (no regex). */
function splitNumber(id: string): { prefix: string; digits: string } {
  let i = id.length;
  while (i > 0) {
    const c = id.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return { prefix: id.slice(0, i), digits: id.slice(i) };
}

function freezeEntry(entry: CatalogEntry): CatalogEntry {
  for (const value of Object.values(entry)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(entry);
}

function toEntry(file: EditionFile, e: DataEntry, changes: readonly DeltaRecord[]): CatalogEntry {
  const entry: CatalogEntry = {
    framework: file.framework,
    frameworkName: file.frameworkName,
    edition: file.edition,
    ...e,
  };
  if (entry.deprecated) entry.deprecationSource = 'catalog';
  for (const c of changes) {
    if (c.change === 'renamed' && c.name !== undefined) {
      entry.upstreamName = c.name;
    } else if (c.change === 'removed' && !entry.deprecated) {
      // Retired after the pinned release (unverified delta): still a warning.
      entry.deprecated = true;
      entry.deprecationSource = 'upstream-delta';
      if (c.replacedBy !== undefined) entry.replacedBy = c.replacedBy;
      if (c.release !== undefined) entry.deprecatedSince = c.release;
    }
  }
  return freezeEntry(entry);
}

function buildIndex(): Index {
  // Group the delta's change records by ID (an ID may have several).
  const deltaById = new Map<string, DeltaRecord[]>();
  for (const r of ATLAS_DELTA.entries) {
    const list = deltaById.get(r.id);
    if (list) list.push(r);
    else deltaById.set(r.id, [r]);
  }

  const byKey = new Map<string, CatalogEntry>();
  const all: CatalogEntry[] = [];
  for (const file of EDITION_FILES) {
    const appliesDelta = file.framework === ATLAS_DELTA.framework && file.edition === ATLAS_DELTA.baseEdition;
    for (const e of file.entries) {
      const entry = toEntry(file, e, appliesDelta ? (deltaById.get(e.id) ?? []) : []);
      byKey.set(key(file.framework, file.edition, e.id), entry);
      all.push(entry);
    }
  }

  const upstreamOnly = new Map<string, UpstreamOnly>();
  for (const r of ATLAS_DELTA.entries) {
    if (r.change !== 'added') continue;
    upstreamOnly.set(r.id, { name: r.displayName ?? r.name, release: r.release });
  }

  const upstreamRanges: IdRange[] = [];
  for (const r of ATLAS_DELTA.knownIdRanges) {
    const first = splitNumber(r.first);
    const last = splitNumber(r.last);
    if (first.prefix !== last.prefix || first.digits.length !== last.digits.length) continue;
    upstreamRanges.push({
      prefix: first.prefix,
      width: first.digits.length,
      first: Number(first.digits),
      last: Number(last.digits),
      release: r.release,
    });
  }

  return { byKey, all: Object.freeze(all), upstreamOnly, upstreamRanges };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** ATLAS IDs newer than the pinned data: named in the delta or inside a known range. */
function lookupUpstream(id: string, idx: Index): LookupResult | undefined {
  const named = idx.upstreamOnly.get(id);
  if (named !== undefined) {
    const result: LookupResult = { status: 'not-in-pinned-catalog' };
    if (named.name !== undefined) result.upstreamName = named.name;
    if (named.release !== undefined) result.upstreamRelease = named.release;
    return result;
  }
  const { prefix, digits } = splitNumber(id);
  const n = Number(digits);
  for (const r of idx.upstreamRanges) {
    if (r.prefix === prefix && digits.length === r.width && n >= r.first && n <= r.last) {
      const result: LookupResult = { status: 'not-in-pinned-catalog' };
      if (r.release !== undefined) result.upstreamRelease = `${r.release} or earlier`;
      return result;
    }
  }
  return undefined;
}

/**
 * Resolves a parsed tag against the catalog. The edition is the one written
 * in the tag, else the course's (`opts.owaspLlmEdition`) for OWASP LLM, else
 * the framework's only edition. `tag.id` must be canonical (as parseTag
 * returns it).
 */
export function lookupTag(tag: FrameworkTag, opts: LookupOptions = DEFAULT_LOOKUP_OPTIONS): LookupResult {
  const edition = tag.edition ?? defaultEditionOf(tag.framework, opts);
  if (!editionsOf(tag.framework).includes(edition)) return { status: 'unknown-edition', edition };
  const idx = getIndex();
  const entry = idx.byKey.get(key(tag.framework, edition, tag.id));
  if (entry !== undefined) return entry.deprecated ? { status: 'deprecated', entry } : { status: 'found', entry };
  if (tag.framework === 'mitre-atlas') return lookupUpstream(tag.id, idx) ?? { status: 'unknown' };
  return { status: 'unknown' };
}

/**
 * One entry by ID, e.g. a tactic named in `entry.tactics` or the entry a
 * deprecated one was replaced by. `edition` defaults as in lookupTag with the
 * default options (OWASP LLM 2025).
 */
export function getEntry(framework: FrameworkKey, id: string, edition?: string): CatalogEntry | undefined {
  return getIndex().byKey.get(key(framework, edition ?? defaultEditionOf(framework), id));
}

/**
 * Entries of the pinned catalogs (deprecated ones included, flagged), in
 * framework order, editions oldest first, IDs sorted. Without `edition`, all
 * editions of the framework. IDs known only upstream are not listed.
 */
export function listEntries(filter: { framework?: FrameworkKey; edition?: string } = {}): CatalogEntry[] {
  const { framework, edition } = filter;
  return getIndex().all.filter(
    (e) => (framework === undefined || e.framework === framework) && (edition === undefined || e.edition === edition),
  );
}
