/**
 * Provenance and licence of each generated data file, for notices, reports
 * and hover footers ("MITRE ATLAS 5.6.0, Apache-2.0").
 */
import { ATLAS_DELTA, EDITION_FILES, OWASP_LLM_MAPPINGS } from './data';
import type { CatalogSource } from './types';

function copySources(list: CatalogSource['sources']): CatalogSource['sources'] {
  return list.map((s) => ({ ...s }));
}

/** One item per generated file: edition catalogs, then the ATLAS delta, then the OWASP LLM mappings. */
export function catalogSources(): CatalogSource[] {
  const out: CatalogSource[] = [];
  for (const f of EDITION_FILES) {
    out.push({
      file: f.sourceFile,
      framework: f.framework,
      edition: f.edition,
      kind: 'catalog',
      status: f.status,
      license: { ...f.license },
      attribution: f.attribution,
      sources: copySources(f.sources),
      retrieved: f.retrieved,
    });
  }
  out.push({
    file: ATLAS_DELTA.sourceFile,
    framework: ATLAS_DELTA.framework,
    edition: ATLAS_DELTA.targetRelease,
    kind: 'upstream-delta',
    status: ATLAS_DELTA.verified ? 'verified' : 'unverified',
    license: { ...ATLAS_DELTA.license },
    attribution: ATLAS_DELTA.attribution,
    sources: copySources(ATLAS_DELTA.sources),
    retrieved: ATLAS_DELTA.retrieved,
  });
  for (const m of OWASP_LLM_MAPPINGS) {
    out.push({
      file: m.sourceFile,
      framework: m.framework,
      edition: `${m.fromEdition}->${m.toEdition}`,
      kind: 'edition-mapping',
      status: m.official ? 'official' : 'not official',
      license: { ...m.license },
      attribution: m.attribution,
      sources: copySources(m.sources),
      retrieved: m.retrieved,
    });
  }
  return out;
}
