#!/usr/bin/env node
/**
 * Builds the framework catalogs that Lessonlint ships with.
 *
 *   node scripts/build-catalogs.mjs [SOURCE_DIR] [--check]
 *
 * Reads the hand-curated catalog files (SOURCE_DIR, default `../shared/catalogs`
 * relative to the repository root) and writes compact, generated JSON to
 * `server/src/engine/catalog/data/`, one file per source file. Only facts the
 * linter needs are kept (IDs, official names, entry types, URLs, hierarchy,
 * tactics, deprecation, earlier names, aliases, maturity) plus provenance and
 * licence per file. No description text of any framework is copied: every
 * output field is picked from an explicit allow-list below.
 *
 * Output is deterministic (fixed key order, entries sorted by ID), so running
 * the script twice gives byte-identical files. With `--check` nothing is
 * written; the exit code is 1 when regenerating would change, add or remove a
 * data file (use it after editing the sources or this script).
 *
 * The generated files are committed; builds and tests never need SOURCE_DIR.
 * Plain Node ESM, no dependencies.
 */
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATED_BY = 'scripts/build-catalogs.mjs';
const DATA_SCHEMA = 1;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'server', 'src', 'engine', 'catalog', 'data');

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */
/* ------------------------------------------------------------------------ */

class SourceError extends Error {}

function fail(file, message) {
  throw new SourceError(`${file}: ${message}`);
}

function expect(cond, file, message) {
  if (!cond) fail(file, message);
}

/** Code-unit comparison: independent of locale and ICU version. */
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Copies `obj` keeping the given keys in the given order, dropping undefined / null / empty arrays / false. */
function compact(obj) {
  const out = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

function optString(value, file, what) {
  if (value === undefined || value === null) return undefined;
  expect(typeof value === 'string', file, `${what} must be a string`);
  return value;
}

function stringArray(value, file, what) {
  if (value === undefined || value === null) return undefined;
  expect(Array.isArray(value) && value.every((v) => typeof v === 'string'), file, `${what} must be an array of strings`);
  return [...value];
}

/**
 * Serialises a generated file: top-level fields one per line (nested values on
 * one line), `entries` / `mappings` arrays one item per line. Compact, yet each
 * changed ID shows up as a one-line diff.
 */
function serialize(doc) {
  const lines = ['{'];
  const keys = Object.keys(doc);
  keys.forEach((key, i) => {
    const value = doc[key];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object')) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Normalises the various `source` shapes of the catalogs to [{repository, commit, path?}]. */
function sourcesOf(src, file) {
  const list = [];
  const add = (s) => {
    if (!s || typeof s !== 'object') return;
    if (typeof s.repository === 'string') {
      list.push(compact({ repository: s.repository, commit: optString(s.commit, file, 'source.commit'), path: optString(s.path, file, 'source.path') }));
    }
  };
  if (src && typeof src === 'object') {
    add(src);
    add(src.also);
    if (Array.isArray(src.sources)) src.sources.forEach(add);
  }
  expect(list.length > 0, file, 'no source repository recorded');
  return list;
}

/** Header fields shared by every generated file. */
function header(src, file, extra) {
  expect(src.schema_version === 1, file, `unsupported schema_version ${src.schema_version}`);
  expect(src.license && typeof src.license.spdx === 'string', file, 'license.spdx missing');
  return {
    generatedBy: GENERATED_BY,
    schema: DATA_SCHEMA,
    sourceFile: file,
    retrieved: optString(src.retrieved, file, 'retrieved'),
    ...extra,
  };
}

function licenseOf(src, file, fallbackUrl) {
  return compact({ spdx: src.license.spdx, url: optString(src.license.url, file, 'license.url') ?? fallbackUrl });
}

const OWASP_LICENSE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';
const APACHE_LICENSE_URL = 'https://www.apache.org/licenses/LICENSE-2.0';
const IDENTIFIERS_ONLY = 'IDs and names are reproduced as identifiers; no description text is copied.';

/* ------------------------------------------------------------------------ */
/* OWASP lists (LLM, ML, Agentic)                                            */
/* ------------------------------------------------------------------------ */

/** The ID letters of each OWASP list; every ID is letters + two digits. */
const OWASP_ID_LETTERS = { 'owasp-llm': 'LLM', 'owasp-ml': 'ML', 'owasp-agentic': 'ASI' };

/** Attribution lines for the lists whose catalog gives none. */
const OWASP_ATTRIBUTION_FALLBACK = {
  'owasp-ml': `OWASP Machine Learning Security Top Ten, OWASP Foundation. ${IDENTIFIERS_ONLY}`,
  'owasp-agentic': `OWASP Top 10 for Agentic Applications for 2026, OWASP GenAI Security Project (Agentic Security Initiative). ${IDENTIFIERS_ONLY}`,
};

function buildOwaspList(src, file) {
  const key = src.framework_key;
  const letters = OWASP_ID_LETTERS[key];
  expect(letters !== undefined, file, `unexpected framework_key ${key}`);
  const edition = src.version;
  expect(typeof edition === 'string' && /^\d{4}$/.test(edition), file, `edition must be a year, got ${edition}`);
  expect(Array.isArray(src.entries) && src.entries.length > 0, file, 'no entries');

  const idPattern = new RegExp(`^${letters}\\d{2}$`);
  const seen = new Set();
  const entries = src.entries.map((e) => {
    expect(typeof e.id === 'string' && idPattern.test(e.id), file, `bad id ${e.id}`);
    expect(!seen.has(e.id), file, `duplicate id ${e.id}`);
    seen.add(e.id);
    expect(typeof e.name === 'string' && e.name.length > 0, file, `${e.id}: name missing`);
    const qualifiedId = optString(e.qualified_id, file, `${e.id}.qualified_id`) ?? `${e.id}:${edition}`;
    expect(qualifiedId === `${e.id}:${edition}`, file, `${e.id}: qualified_id ${qualifiedId} does not match the edition`);
    return compact({
      id: e.id,
      qualifiedId,
      name: e.name,
      type: 'risk',
      url: optString(e.url, file, `${e.id}.url`),
      aliases: stringArray(e.aliases, file, `${e.id}.aliases`),
    });
  });
  entries.sort((a, b) => compareStrings(a.id, b.id));

  return {
    ...header(src, file, {}),
    framework: key,
    frameworkName: src.framework,
    edition,
    editionLabel: optString(src.edition_label, file, 'edition_label'),
    status: optString(src.status, file, 'status'),
    listUrl: optString(src.list_url, file, 'list_url'),
    license: licenseOf(src, file, OWASP_LICENSE_URL),
    attribution: optString(src.license.attribution, file, 'license.attribution') ?? OWASP_ATTRIBUTION_FALLBACK[key],
    sources: sourcesOf(src.source, file),
    entries,
  };
}

/* ------------------------------------------------------------------------ */
/* OWASP LLM edition mappings                                                */
/* ------------------------------------------------------------------------ */

function buildOwaspMapping(src, file) {
  expect(src.kind === 'mapping' && src.framework_key === 'owasp-llm', file, 'not an owasp-llm mapping file');
  const from = src.from_version;
  const to = src.to_version;
  const qualified = /^LLM\d{2}:\d{4}$/;
  const mappings = src.mappings.map((m) => {
    expect(qualified.test(m.from) && m.from.endsWith(`:${from}`), file, `bad from ${m.from}`);
    const targets = stringArray(m.to, file, `${m.from}.to`) ?? [];
    for (const t of targets) expect(qualified.test(t) && t.endsWith(`:${to}`), file, `bad to ${t}`);
    return compact({
      from: m.from,
      to: targets,
      relation: optString(m.relation, file, `${m.from}.relation`),
      confidence: optString(m.confidence, file, `${m.from}.confidence`),
    });
  });
  mappings.sort((a, b) => compareStrings(a.from, b.from));
  const newKey = `new_in_${to}`;
  const newIds = (src[newKey] ?? []).map((n) => (typeof n === 'string' ? n : n.id));
  for (const n of newIds) expect(typeof n === 'string' && qualified.test(n), file, `bad ${newKey} id ${n}`);

  // The 2023 -> 2025 table records its sources as URLs only.
  let sources;
  if (src.source) {
    sources = sourcesOf(src.source, file);
  } else {
    sources = (src.sources ?? []).map((u) => {
      const m = /^(https:\/\/github\.com\/[^/]+\/[^/]+)\/(?:blob|tree)\/([0-9a-f]{40})\//.exec(u);
      expect(m !== null, file, `cannot read source URL ${u}`);
      return { repository: m[1], commit: m[2] };
    });
    expect(sources.length > 0, file, 'no sources');
  }

  return {
    ...header(src, file, {}),
    framework: 'owasp-llm',
    fromEdition: from,
    toEdition: to,
    official: src.official === true,
    license: licenseOf(src, file, OWASP_LICENSE_URL),
    attribution: optString(src.license.attribution, file, 'license.attribution') ?? `OWASP Top 10 for Large Language Model Applications, OWASP GenAI Security Project. ${IDENTIFIERS_ONLY}`,
    sources,
    newIds: [...newIds].sort(compareStrings),
    mappings,
  };
}

/* ------------------------------------------------------------------------ */
/* MITRE ATLAS                                                               */
/* ------------------------------------------------------------------------ */

const ATLAS_TYPES = new Set(['tactic', 'technique', 'sub-technique', 'mitigation', 'case-study']);
const ATLAS_ID_PATTERN = {
  tactic: /^AML\.TA\d{4}$/,
  technique: /^AML\.T\d{4}$/,
  'sub-technique': /^AML\.T\d{4}\.\d{3}$/,
  mitigation: /^AML\.M\d{4}$/,
  'case-study': /^AML\.CS\d{4}$/,
};
const ATLAS_MATURITY = new Set(['feasible', 'demonstrated', 'realized']);

/** ATLAS attribution; the copyright line is read from the catalog's licence text. */
function atlasAttribution(licenseText, file) {
  const m = /Copyright [0-9-]+ MITRE/.exec(licenseText ?? '');
  expect(m !== null, file, 'no copyright line in license.text');
  return `MITRE ATLAS(TM), The MITRE Corporation. ${m[0]}, licensed under the Apache License, Version 2.0. IDs, names and structure are reproduced; no description text is copied.`;
}

function onlyOne(list, file, what) {
  if (list === undefined) return undefined;
  // The API models a single successor; fail loudly if upstream ever splits one.
  expect(list.length <= 1, file, `${what}: more than one replacement (${list.join(', ')}); extend CatalogEntry.replacedBy`);
  return list[0];
}

function buildAtlas(src, file) {
  expect(src.framework_key === 'mitre-atlas', file, 'not an ATLAS catalog');
  expect(Array.isArray(src.entries), file, 'no entries');
  const byId = new Map();
  for (const e of src.entries) {
    expect(ATLAS_TYPES.has(e.type), file, `${e.id}: unknown type ${e.type}`);
    expect(typeof e.id === 'string' && ATLAS_ID_PATTERN[e.type].test(e.id), file, `bad ${e.type} id ${e.id}`);
    expect(!byId.has(e.id), file, `duplicate id ${e.id}`);
    expect(typeof e.name === 'string' && e.name.length > 0, file, `${e.id}: name missing`);
    byId.set(e.id, e);
  }

  const entries = src.entries.map((e) => {
    const deprecated = e.deprecated === true;
    const maturity = optString(e.maturity, file, `${e.id}.maturity`);
    if (maturity !== undefined) expect(ATLAS_MATURITY.has(maturity), file, `${e.id}: unknown maturity ${maturity}`);
    const previousNames = e.previous_names?.map((p) => {
      expect(typeof p?.name === 'string', file, `${e.id}: bad previous_names`);
      return p.name;
    });
    return compact({
      id: e.id,
      name: e.name,
      type: e.type,
      displayName: e.type === 'sub-technique' ? optString(e.display_name, file, `${e.id}.display_name`) : undefined,
      url: optString(e.url, file, `${e.id}.url`),
      parent: optString(e.parent, file, `${e.id}.parent`),
      subtechniques: stringArray(e.subtechniques, file, `${e.id}.subtechniques`),
      // Matrix order, as in the source; sub-techniques carry their parent's.
      tactics: stringArray(e.tactics, file, `${e.id}.tactics`),
      matrixOrder: typeof e.matrix_order === 'number' ? e.matrix_order : undefined,
      maturity,
      deprecated,
      replacedBy: deprecated ? onlyOne(stringArray(e.replaced_by, file, `${e.id}.replaced_by`), file, e.id) : undefined,
      deprecatedSince: deprecated ? optString(e.removed_in_data_version, file, `${e.id}.removed_in_data_version`) : undefined,
      previousNames,
    });
  });

  // Referential integrity: every ID the hierarchy points at exists.
  for (const e of entries) {
    const refs = [e.parent, e.replacedBy, ...(e.subtechniques ?? []), ...(e.tactics ?? [])].filter(Boolean);
    for (const r of refs) expect(byId.has(r), file, `${e.id} refers to unknown ${r}`);
    if (e.type === 'sub-technique') {
      expect(e.parent !== undefined && e.id.startsWith(`${e.parent}.`), file, `${e.id}: bad parent ${e.parent}`);
      expect(byId.get(e.parent).subtechniques?.includes(e.id), file, `${e.parent} does not list ${e.id}`);
    }
    for (const t of e.tactics ?? []) expect(byId.get(t).type === 'tactic', file, `${e.id}: ${t} is not a tactic`);
  }
  entries.sort((a, b) => compareStrings(a.id, b.id));

  const spdx = src.license.spdx;
  expect(spdx === 'Apache-2.0', file, `unexpected ATLAS licence ${spdx}`);
  return {
    ...header(src, file, {}),
    framework: 'mitre-atlas',
    frameworkName: src.framework,
    edition: src.version,
    status: optString(src.status, file, 'status'),
    listUrl: 'https://atlas.mitre.org/matrices/ATLAS',
    license: licenseOf(src, file, APACHE_LICENSE_URL),
    attribution: atlasAttribution(src.license.text, file),
    sources: sourcesOf(src.source, file),
    entries,
  };
}

/**
 * The unverified upstream delta (changes after the pinned ATLAS release). One
 * record per change. Also derives `knownIdRanges`: IDs that must exist
 * upstream although the delta does not name them (case studies are numbered
 * consecutively, so an upstream count of N case studies means
 * AML.CS0000..AML.CS{N-1}).
 */
function buildAtlasDelta(src, file, pinned) {
  expect(src.framework_key === 'mitre-atlas', file, 'not an ATLAS delta');
  const pinnedIds = new Set(pinned.entries.map((e) => e.id));
  const CHANGES = new Set(['added', 'renamed', 'removed', 'tactics-changed']);
  const records = src.entries.map((e) => {
    expect(CHANGES.has(e.change), file, `${e.id}: unknown change ${e.change}`);
    expect(ATLAS_TYPES.has(e.type) && ATLAS_ID_PATTERN[e.type].test(e.id), file, `bad ${e.type} id ${e.id}`);
    if (e.change === 'added') expect(!pinnedIds.has(e.id), file, `${e.id} is "added" but already pinned`);
    else expect(pinnedIds.has(e.id), file, `${e.id} is "${e.change}" but not pinned`);
    return compact({
      id: e.id,
      type: e.type,
      change: e.change,
      release: optString(e.in_release, file, `${e.id}.in_release`),
      name: optString(e.name, file, `${e.id}.name`),
      displayName: optString(e.display_name, file, `${e.id}.display_name`),
      parent: optString(e.parent, file, `${e.id}.parent`),
      previousName: optString(e.previous_name, file, `${e.id}.previous_name`),
      replacedBy: onlyOne(stringArray(e.replaced_by, file, `${e.id}.replaced_by`), file, e.id),
      tactics: stringArray(e.tactics, file, `${e.id}.tactics`),
      tacticsIncomplete: e.tactics_complete === false,
    });
  });
  records.sort((a, b) => compareStrings(a.id, b.id) || compareStrings(a.change, b.change));

  const target = src.upstream?.releases?.find((r) => r.content_version === src.target_version);
  const upstreamCaseStudies = target?.counts_per_changelog?.['case-study'];
  const knownIdRanges = [];
  if (typeof upstreamCaseStudies === 'number') {
    const pinnedCs = pinned.entries.filter((e) => e.type === 'case-study').map((e) => Number(e.id.slice(6)));
    const contiguous = pinnedCs.every((n, i) => n === i); // entries are sorted by ID
    expect(contiguous, file, 'pinned case studies are not numbered 0..N-1; cannot derive the upstream range');
    if (upstreamCaseStudies > pinnedCs.length) {
      const id = (n) => `AML.CS${String(n).padStart(4, '0')}`;
      knownIdRanges.push({ type: 'case-study', first: id(pinnedCs.length), last: id(upstreamCaseStudies - 1), release: src.target_version });
    }
  }

  return {
    ...header(src, file, {}),
    framework: 'mitre-atlas',
    baseEdition: pinned.edition,
    targetRelease: src.target_version,
    verified: false,
    license: { spdx: src.license.spdx, url: APACHE_LICENSE_URL },
    attribution: 'MITRE ATLAS(TM), The MITRE Corporation. Facts on upstream ATLAS releases after the pinned data, as transcribed by third parties (unverified); Apache License, Version 2.0. No description text is copied.',
    sources: [{ repository: src.upstream?.repository ?? 'https://github.com/mitre-atlas/atlas-data', commit: target?.commit }].map(compact),
    knownIdRanges,
    entries: records,
  };
}

/* ------------------------------------------------------------------------ */
/* Driver                                                                    */
/* ------------------------------------------------------------------------ */

const OUTPUTS = [
  { file: 'owasp-llm-2023.json', build: buildOwaspList },
  { file: 'owasp-llm-2025.json', build: buildOwaspList },
  { file: 'owasp-llm-2026.json', build: buildOwaspList },
  { file: 'owasp-ml-2023.json', build: buildOwaspList },
  { file: 'owasp-agentic-2026.json', build: buildOwaspList },
  { file: 'owasp-llm-2023-to-2025.json', build: buildOwaspMapping },
  { file: 'owasp-llm-2025-to-2026.json', build: buildOwaspMapping },
  { file: 'atlas-5.6.0.json', build: buildAtlas },
  { file: 'atlas-upstream-2026.json', build: (src, file, built) => buildAtlasDelta(src, file, built.get('atlas-5.6.0.json')) },
];

async function readSource(dir, file) {
  let text;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (err) {
    fail(file, `cannot read from ${dir} (${err.code ?? err.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(file, `invalid JSON: ${err.message}`);
  }
}

async function readExisting(file) {
  try {
    return await readFile(path.join(outDir, file), 'utf8');
  } catch {
    return undefined;
  }
}

async function main(argv) {
  const check = argv.includes('--check');
  const positional = argv.filter((a) => !a.startsWith('--'));
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--check');
  if (unknownFlags.length > 0 || positional.length > 1) {
    console.error('usage: node scripts/build-catalogs.mjs [SOURCE_DIR] [--check]');
    return 2;
  }
  const srcDir = path.resolve(positional[0] ?? path.join(repoRoot, '..', 'shared', 'catalogs'));

  const built = new Map();
  for (const { file, build } of OUTPUTS) {
    built.set(file, build(await readSource(srcDir, file), file, built));
  }

  const changed = [];
  for (const [file, doc] of built) {
    const text = serialize(doc);
    if ((await readExisting(file)) === text) continue;
    changed.push(file);
    if (!check) {
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, file), text, 'utf8');
    }
  }
  // Generated files that no source produces any more (only reported: a file
  // without the generatedBy marker is not ours to touch).
  const stale = [];
  for (const name of await readdir(outDir).catch(() => [])) {
    if (!name.endsWith('.json') || built.has(name)) continue;
    if ((await readExisting(name))?.includes(`"generatedBy": "${GENERATED_BY}"`)) stale.push(name);
  }

  const rel = path.relative(repoRoot, outDir);
  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      console.log(`catalog data in ${rel} is up to date (${built.size} files)`);
      return 0;
    }
    for (const f of changed) console.error(`out of date: ${rel}/${f}`);
    for (const f of stale) console.error(`stale (no longer generated): ${rel}/${f}`);
    console.error('run: node scripts/build-catalogs.mjs [SOURCE_DIR]');
    return 1;
  }
  console.log(`wrote ${changed.length} of ${built.size} files to ${rel}${changed.length ? ': ' + changed.join(', ') : ''}`);
  for (const f of stale) console.warn(`warning: ${rel}/${f} is no longer generated; delete it`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof SourceError ? `build-catalogs: ${err.message}` : err);
    process.exitCode = 1;
  },
);
