import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import {
  catalogSources,
  editionsOf,
  formatTag,
  frameworks,
  getEntry,
  isOwaspLlmEdition,
  listEntries,
  lookupTag,
  mapOwaspLlmId,
  MAX_TAG_LENGTH,
  parseTag,
  type CatalogEntry,
  type FrameworkTag,
  type LookupResult,
  type TagParse,
} from '../../server/src/engine/catalog/index.ts';
import { ATLAS_DELTA, EDITION_FILES, OWASP_LLM_MAPPINGS } from '../../server/src/engine/catalog/data.ts';
import { TAG_PATTERNS } from '../../server/src/engine/catalog/tags.ts';

const catalogDir = path.join(import.meta.dirname, '../../server/src/engine/catalog');

/** Parses a tag that must be recognized and returns it. */
function tagOf(raw: string): FrameworkTag {
  const p = parseTag(raw);
  assert.notEqual(p.kind, 'unrecognized', `${raw}: ${JSON.stringify(p)}`);
  return (p as Exclude<TagParse, { kind: 'unrecognized' }>).tag;
}

function lookup(raw: string, owaspLlmEdition: '2023' | '2025' | '2026' = '2025'): LookupResult {
  return lookupTag(tagOf(raw), { owaspLlmEdition });
}

function entryOf(r: LookupResult): CatalogEntry {
  assert.ok(r.status === 'found' || r.status === 'deprecated', JSON.stringify(r));
  return r.entry;
}

describe('parseTag: canonical tags', () => {
  for (const raw of [
    'OWASP LLM01',
    'OWASP LLM10',
    'OWASP LLM04:2025',
    'OWASP LLM03:2023',
    'OWASP LLM05:2026',
    'OWASP ML02',
    'OWASP ML06:2023',
    'OWASP ASI01',
    'OWASP ASI10:2026',
    'MITRE ATLAS AML.TA0004',
    'MITRE ATLAS AML.T0049',
    'MITRE ATLAS AML.T0018.000',
    'MITRE ATLAS AML.M0008',
    'MITRE ATLAS AML.CS0000',
  ]) {
    it(raw, () => {
      const p = parseTag(raw);
      assert.equal(p.kind, 'ok', JSON.stringify(p));
      assert.equal(tagOf(raw).canonical, raw);
    });
  }

  it('keeps the edition only when written', () => {
    assert.deepEqual(tagOf('OWASP LLM04:2025'), {
      framework: 'owasp-llm',
      id: 'LLM04',
      edition: '2025',
      canonical: 'OWASP LLM04:2025',
    });
    assert.deepEqual(tagOf('OWASP LLM03'), { framework: 'owasp-llm', id: 'LLM03', canonical: 'OWASP LLM03' });
    assert.equal('edition' in tagOf('MITRE ATLAS AML.T0049'), false);
  });

  it('ignores surrounding whitespace', () => {
    assert.equal(parseTag('  OWASP LLM03 ').kind, 'ok');
  });

  it('tells the frameworks apart', () => {
    assert.equal(tagOf('OWASP ML02').framework, 'owasp-ml');
    assert.equal(tagOf('OWASP ASI02').framework, 'owasp-agentic');
    assert.equal(tagOf('OWASP LLM02').framework, 'owasp-llm');
    assert.equal(tagOf('MITRE ATLAS AML.M0002').framework, 'mitre-atlas');
  });
});

describe('parseTag: misspellings are fixable to the canonical tag', () => {
  const cases: Array<[string, string]> = [
    // from the lesson format, section 3
    ['LLM3', 'OWASP LLM03'],
    ['OWASP-LLM03', 'OWASP LLM03'],
    ['owasp llm03', 'OWASP LLM03'],
    ['ATLAS AML.T49', 'MITRE ATLAS AML.T0049'],
    ['AML.T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS aml.t0049', 'MITRE ATLAS AML.T0049'],
    // more of the same kind
    ['LLM03', 'OWASP LLM03'],
    ['OWASP LLM3', 'OWASP LLM03'],
    ['OWASP LLM 03', 'OWASP LLM03'],
    ['OWASP LLM-03', 'OWASP LLM03'],
    ['OWASP LLM003', 'OWASP LLM03'],
    ['OWASPLLM03', 'OWASP LLM03'],
    ['OWASP_LLM03', 'OWASP LLM03'],
    ['OWASP: LLM03', 'OWASP LLM03'],
    ['OWASP — LLM03', 'OWASP LLM03'],
    ['OWASP\u00A0LLM03', 'OWASP LLM03'],
    ['OWASP  LLM03', 'OWASP LLM03'],
    ['OWASP LLM03.', 'OWASP LLM03'],
    ['Owasp Llm04:2025', 'OWASP LLM04:2025'],
    ['LLM04:2025', 'OWASP LLM04:2025'],
    ['OWASP LLM04 (2025)', 'OWASP LLM04:2025'],
    ['OWASP LLM04-2025', 'OWASP LLM04:2025'],
    ['OWASP LLM04 2025', 'OWASP LLM04:2025'],
    ['OWASP LLM04:25', 'OWASP LLM04:2025'],
    ['ML2', 'OWASP ML02'],
    ['owasp ml06', 'OWASP ML06'],
    ['ASI1', 'OWASP ASI01'],
    ['OWASP ASI01:26', 'OWASP ASI01:2026'],
    ['MITRE ATLAS AML.T49', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS T0049', 'MITRE ATLAS AML.T0049'],
    ['ATLAS T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE AML.T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE-ATLAS AML.T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS: AML.T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS AML T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS AML-T0049', 'MITRE ATLAS AML.T0049'],
    ['MITRE ATLAS AMLT0049', 'MITRE ATLAS AML.T0049'],
    ['mitre atlas aml.t0049', 'MITRE ATLAS AML.T0049'],
    ['AML.T0018.0', 'MITRE ATLAS AML.T0018.000'],
    ['MITRE ATLAS AML.T0018-000', 'MITRE ATLAS AML.T0018.000'],
    ['AML.TA4', 'MITRE ATLAS AML.TA0004'],
    ['ATLAS AML.M8', 'MITRE ATLAS AML.M0008'],
    ['aml.cs0000', 'MITRE ATLAS AML.CS0000'],
  ];
  for (const [raw, canonical] of cases) {
    it(`${JSON.stringify(raw)} -> ${canonical}`, () => {
      const p = parseTag(raw);
      assert.equal(p.kind, 'fixable', JSON.stringify(p));
      if (p.kind !== 'fixable') return;
      assert.equal(p.tag.canonical, canonical);
      assert.ok(p.reason.length > 0);
      // The fix is itself canonical and means the same.
      const again = parseTag(p.tag.canonical);
      assert.equal(again.kind, 'ok');
      assert.deepEqual((again as { tag: FrameworkTag }).tag, p.tag);
    });
  }

  it('explains what is wrong', () => {
    const p = parseTag('LLM3');
    assert.equal(p.kind, 'fixable');
    assert.match((p as { reason: string }).reason, /OWASP/);
    assert.match((p as { reason: string }).reason, /two digits/);
  });
});

describe('parseTag: unrecognized', () => {
  for (const raw of [
    '',
    '   ',
    'hello',
    'Supply Chain',
    'OWASP',
    'MITRE ATLAS',
    'OWASP LLM',
    'OWASP LLM123', // not two digits
    'OWASP LM03',
    'T1190', // could be MITRE ATT&CK
    'MITRE T0049',
    'MITRE ATT&CK T1190',
    'OWASP AML.T0049', // mixes frameworks: no guess
    'MITRE ATLAS LLM03',
    'AML.TA0001.000', // tactics have no sub-techniques
    'AML.T0018.00001',
    'AML.T123456',
    'NIST AML.018',
    'OWASP LLM03 · MITRE ATLAS AML.T0049', // not split
    'OWASP LLM03, OWASP LLM04',
    'OWASP LLM03 (Supply Chain)',
    'ОWASP LLM03', // Cyrillic O
    'owaſp llm03', // long s upper-cases to S: must not be accepted
  ]) {
    it(JSON.stringify(raw), () => {
      const p = parseTag(raw);
      assert.equal(p.kind, 'unrecognized', JSON.stringify(p));
      assert.ok((p as { reason: string }).reason.length > 0);
    });
  }

  it('rejects input longer than MAX_TAG_LENGTH without parsing it', () => {
    const p = parseTag('OWASP LLM03' + ' '.repeat(MAX_TAG_LENGTH));
    assert.equal(p.kind, 'unrecognized');
  });
});

describe('parseTag: hostile input', () => {
  const hostile: unknown[] = [
    '\uD800',
    '\uDFFF',
    'OWASP LLM0\uD8003',
    '\u0000',
    'OWASP\u0000LLM03',
    'AML.T0049\u0000',
    '\u202EOWASP LLM03',
    '\uFEFFOWASP LLM03',
    'x'.repeat(1_000_000),
    'AML.'.repeat(50),
    'OWASP '.repeat(33),
    'AML.T' + '0'.repeat(195),
    ' '.repeat(199) + 'A',
    '.'.repeat(199) + 'x',
    'OWASP LLM03' + '.'.repeat(150),
    'MITRE ATLAS AML.T0049' + '-'.repeat(170),
    undefined,
    null,
    42,
    {},
  ];
  hostile.forEach((input, i) => {
    it(`case ${i} does not throw`, () => {
      const p = parseTag(input as string);
      assert.ok(['ok', 'fixable', 'unrecognized'].includes(p.kind));
    });
  });

  // Speed is the benchmarks' business; here: worst-case inputs are answered, not thrown on.
  it('answers worst-case input', () => {
    for (let i = 0; i < 2000; i++) {
      parseTag('MITRE ATLAS AML' + '.'.repeat(150) + 'T0049!');
      parseTag('OWASP' + '-'.repeat(190) + 'LLM03');
      assert.equal(parseTag(' '.repeat(100) + '0'.repeat(99)).kind, 'unrecognized');
    }
  });

  it('never throws on arbitrary strings, and fixes are canonical', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 40 })), (s) => {
        const p = parseTag(s);
        if (p.kind === 'fixable') assert.equal(parseTag(p.tag.canonical).kind, 'ok');
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips tag-like strings built from the usual pieces', () => {
    const piece = fc.constantFrom(
      'OWASP', 'owasp', 'MITRE', 'ATLAS', 'AML', 'LLM', 'ML', 'ASI', 'T', 'TA', 'CS', 'M',
      ' ', '  ', '-', '.', ':', '_', '(', ')', '0', '3', '04', '2025', '25', '000', '\u00A0', '\u2014',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const p = parseTag(parts.join(''));
        if (p.kind === 'unrecognized') return;
        const again = parseTag(p.tag.canonical);
        assert.equal(again.kind, 'ok', `${parts.join('')} -> ${p.tag.canonical}`);
        assert.deepEqual((again as { tag: FrameworkTag }).tag, p.tag);
      }),
      { numRuns: 5000 },
    );
  });

  it('uses only ReDoS-safe regexes', () => {
    for (const re of TAG_PATTERNS) {
      const diagnostics = checkSync(re.source, re.flags);
      assert.equal(diagnostics.status, 'safe', `${re}: ${JSON.stringify(diagnostics)}`);
    }
  });
});

describe('lookupTag: OWASP', () => {
  it('LLM03 means a different risk in each edition', () => {
    assert.equal(entryOf(lookup('OWASP LLM03:2023')).name, 'Training Data Poisoning');
    assert.equal(entryOf(lookup('OWASP LLM03:2025')).name, 'Supply Chain');
    assert.equal(entryOf(lookup('OWASP LLM03:2026')).name, 'Excessive Agency');
  });

  it('an unqualified tag uses the course edition', () => {
    assert.equal(entryOf(lookup('OWASP LLM03', '2023')).name, 'Training Data Poisoning');
    assert.equal(entryOf(lookup('OWASP LLM03', '2025')).name, 'Supply Chain');
    assert.equal(entryOf(lookup('OWASP LLM03', '2026')).name, 'Excessive Agency');
    // default options: the 2025 edition
    assert.equal(entryOf(lookupTag(tagOf('OWASP LLM03'))).edition, '2025');
    // a written edition wins over the course's
    assert.equal(entryOf(lookup('OWASP LLM04:2025', '2026')).name, 'Data and Model Poisoning');
  });

  it('returns the facts of the entry', () => {
    const e = entryOf(lookup('OWASP LLM04:2025'));
    assert.equal(e.framework, 'owasp-llm');
    assert.equal(e.frameworkName, 'OWASP Top 10 for Large Language Model Applications');
    assert.equal(e.edition, '2025');
    assert.equal(e.id, 'LLM04');
    assert.equal(e.qualifiedId, 'LLM04:2025');
    assert.equal(e.type, 'risk');
    assert.equal(e.url, 'https://genai.owasp.org/llmrisk/llm042025-data-and-model-poisoning/');
  });

  it('ML and Agentic lists', () => {
    assert.equal(entryOf(lookup('OWASP ML02')).name, 'Data Poisoning Attack');
    assert.deepEqual(entryOf(lookup('OWASP ML06')).aliases, ['ML Supply Chain Attacks', 'Corrupted Packages']);
    assert.equal(entryOf(lookup('OWASP ASI01')).name, 'Agent Goal Hijack');
    assert.equal(entryOf(lookup('OWASP ASI01:2026')).name, 'Agent Goal Hijack');
  });

  it('an edition the catalog does not hold', () => {
    assert.deepEqual(lookup('OWASP LLM04:2019'), { status: 'unknown-edition', edition: '2019' });
    assert.deepEqual(lookup('OWASP ML01:2025'), { status: 'unknown-edition', edition: '2025' });
    assert.deepEqual(lookup('OWASP ASI01:2025'), { status: 'unknown-edition', edition: '2025' });
    // a bad configured edition is reported the same way
    assert.deepEqual(lookupTag(tagOf('OWASP LLM01'), { owaspLlmEdition: '2024' as '2025' }), {
      status: 'unknown-edition',
      edition: '2024',
    });
  });

  it('an ID the list does not have', () => {
    assert.deepEqual(lookup('OWASP LLM11'), { status: 'unknown' });
    assert.deepEqual(lookup('OWASP LLM00'), { status: 'unknown' });
    assert.deepEqual(lookup('OWASP ML11'), { status: 'unknown' });
    assert.deepEqual(lookup('OWASP ASI99:2026'), { status: 'unknown' });
  });
});

describe('lookupTag: MITRE ATLAS', () => {
  it('AML.T0049 is Exploit Public-Facing Application, Initial Access', () => {
    const e = entryOf(lookup('MITRE ATLAS AML.T0049'));
    assert.equal(e.name, 'Exploit Public-Facing Application');
    assert.equal(e.type, 'technique');
    assert.equal(e.edition, '5.6.0');
    assert.equal(e.url, 'https://atlas.mitre.org/techniques/AML.T0049');
    assert.deepEqual(e.tactics, ['AML.TA0004']);
    assert.equal(getEntry('mitre-atlas', 'AML.TA0004')?.name, 'Initial Access');
    assert.equal(e.deprecated, undefined);
  });

  it('AML.T0018.000 is a sub-technique of AML.T0018', () => {
    const sub = entryOf(lookup('MITRE ATLAS AML.T0018.000'));
    assert.equal(sub.type, 'sub-technique');
    assert.equal(sub.name, 'Poison AI Model');
    assert.equal(sub.displayName, 'Manipulate AI Model: Poison AI Model');
    assert.equal(sub.parent, 'AML.T0018');
    assert.deepEqual(sub.previousNames, ['Poison ML Model']);
    const parent = entryOf(lookup('MITRE ATLAS AML.T0018'));
    assert.equal(parent.name, 'Manipulate AI Model');
    assert.ok(parent.subtechniques?.includes('AML.T0018.000'));
    assert.deepEqual(parent.previousNames, ['Backdoor ML Model']);
  });

  it('other entry types', () => {
    const tactic = entryOf(lookup('MITRE ATLAS AML.TA0001'));
    assert.equal(tactic.type, 'tactic');
    assert.equal(tactic.name, 'AI Attack Staging');
    assert.equal(tactic.upstreamName, 'AI Attack Adaptation'); // renamed upstream in 2026.08
    assert.equal(entryOf(lookup('MITRE ATLAS AML.M0008')).name, 'Validate AI Model');
    assert.equal(entryOf(lookup('MITRE ATLAS AML.M0008')).type, 'mitigation');
    assert.equal(entryOf(lookup('MITRE ATLAS AML.CS0000')).type, 'case-study');
  });

  it('AML.T0045 is deprecated, replaced by AML.T0048.004', () => {
    const r = lookup('MITRE ATLAS AML.T0045');
    assert.equal(r.status, 'deprecated');
    const e = entryOf(r);
    assert.equal(e.replacedBy, 'AML.T0048.004');
    assert.equal(e.deprecationSource, 'catalog');
    assert.equal(e.deprecatedSince, '4.5.0');
    assert.equal(entryOf(lookup('MITRE ATLAS AML.T0048.004')).name, 'AI Intellectual Property Theft');
  });

  it('IDs retired upstream after 5.6.0 are deprecated too', () => {
    const r = lookup('MITRE ATLAS AML.T0058');
    assert.equal(r.status, 'deprecated');
    const e = entryOf(r);
    assert.equal(e.name, 'Publish Poisoned Models');
    assert.equal(e.replacedBy, 'AML.T0115.001');
    assert.equal(e.deprecationSource, 'upstream-delta');
    assert.equal(lookup('MITRE ATLAS AML.T0019').status, 'deprecated');
    assert.equal(lookup('MITRE ATLAS AML.T0104').status, 'deprecated');
  });

  it('an ID only in the upstream delta is not-in-pinned-catalog', () => {
    assert.deepEqual(lookup('MITRE ATLAS AML.T0115.001'), {
      status: 'not-in-pinned-catalog',
      upstreamName: 'Publish Poisoned AI Artifacts: Models',
      upstreamRelease: '2026.07',
    });
    const t0113 = lookup('MITRE ATLAS AML.T0113');
    assert.equal(t0113.status, 'not-in-pinned-catalog');
    assert.equal((t0113 as { upstreamName?: string }).upstreamName, 'Steal Web Session Cookie');
    assert.equal(lookup('MITRE ATLAS AML.M0039').status, 'not-in-pinned-catalog');
    // case studies known upstream only by count (CS0057..CS0072): no name
    const cs = lookup('MITRE ATLAS AML.CS0058');
    assert.equal(cs.status, 'not-in-pinned-catalog');
    assert.equal((cs as { upstreamName?: string }).upstreamName, undefined);
    assert.equal(lookup('MITRE ATLAS AML.CS0072').status, 'not-in-pinned-catalog');
  });

  it('an ID the catalog does not have is unknown', () => {
    assert.deepEqual(lookup('MITRE ATLAS AML.T9999'), { status: 'unknown' });
    assert.deepEqual(lookup('MITRE ATLAS AML.T0009'), { status: 'unknown' }); // a gap in the numbering
    assert.deepEqual(lookup('MITRE ATLAS AML.T0018.009'), { status: 'unknown' });
    assert.deepEqual(lookup('MITRE ATLAS AML.TA0016'), { status: 'unknown' });
    assert.deepEqual(lookup('MITRE ATLAS AML.CS0073'), { status: 'unknown' });
    assert.deepEqual(lookup('MITRE ATLAS AML.M0040'), { status: 'unknown' });
  });

  it('renamed upstream: found, with the newer name', () => {
    const e = entryOf(lookup('MITRE ATLAS AML.T0020'));
    assert.equal(e.name, 'Poison Training Data');
    assert.equal(e.upstreamName, 'Training Data Poisoning');
  });
});

describe('catalog contents', () => {
  it('frameworks and editions', () => {
    assert.deepEqual(
      frameworks().map((f) => [f.key, f.editions, f.defaultEdition, f.tagPrefix, f.idPrefix]),
      [
        ['owasp-llm', ['2023', '2025', '2026'], '2025', 'OWASP', 'LLM'],
        ['owasp-ml', ['2023'], '2023', 'OWASP', 'ML'],
        ['owasp-agentic', ['2026'], '2026', 'OWASP', 'ASI'],
        ['mitre-atlas', ['5.6.0'], '5.6.0', 'MITRE ATLAS', 'AML.'],
      ],
    );
    assert.deepEqual(editionsOf('owasp-llm'), ['2023', '2025', '2026']);
    assert.equal(isOwaspLlmEdition('2026'), true);
    assert.equal(isOwaspLlmEdition('2024'), false);
    assert.equal(formatTag('owasp-llm', 'LLM04', '2025'), 'OWASP LLM04:2025');
    assert.equal(formatTag('mitre-atlas', 'AML.T0049'), 'MITRE ATLAS AML.T0049');
  });

  it('entry counts match the catalogs README', () => {
    for (const e of ['2023', '2025', '2026']) assert.equal(listEntries({ framework: 'owasp-llm', edition: e }).length, 10);
    assert.equal(listEntries({ framework: 'owasp-llm' }).length, 30);
    assert.equal(listEntries({ framework: 'owasp-ml' }).length, 10);
    assert.equal(listEntries({ framework: 'owasp-agentic' }).length, 10);
    const atlas = listEntries({ framework: 'mitre-atlas' });
    const count = (type: string, deprecated = false) =>
      atlas.filter((e) => e.type === type && (e.deprecationSource === 'catalog') === deprecated).length;
    assert.equal(count('tactic'), 16);
    assert.equal(count('technique'), 101);
    assert.equal(count('technique', true), 1);
    assert.equal(count('sub-technique'), 69);
    assert.equal(count('mitigation'), 35);
    assert.equal(count('case-study'), 57);
    assert.equal(listEntries().length, 30 + 10 + 10 + 279);
  });

  it('every ID in the data is canonical and parses back to itself', () => {
    for (const e of listEntries()) {
      const raw = formatTag(e.framework, e.id);
      const p = parseTag(raw);
      assert.equal(p.kind, 'ok', raw);
      const r = lookupTag((p as { tag: FrameworkTag }).tag, { owaspLlmEdition: e.edition as '2025' });
      if (e.framework === 'owasp-llm') assert.equal(entryOf(r), e);
    }
  });

  it('ATLAS hierarchy references resolve', () => {
    for (const e of listEntries({ framework: 'mitre-atlas' })) {
      for (const t of e.tactics ?? []) assert.equal(getEntry('mitre-atlas', t)?.type, 'tactic', `${e.id} -> ${t}`);
      if (e.parent) assert.ok(getEntry('mitre-atlas', e.parent)?.subtechniques?.includes(e.id), e.id);
      for (const s of e.subtechniques ?? []) assert.equal(getEntry('mitre-atlas', s)?.parent, e.id);
      if (e.replacedBy) {
        const r = lookupTag(tagOf(formatTag('mitre-atlas', e.replacedBy)));
        assert.notEqual(r.status, 'unknown', `${e.id} replaced by unknown ${e.replacedBy}`);
      }
    }
  });

  it('entries are frozen', () => {
    const e = entryOf(lookup('MITRE ATLAS AML.T0049'));
    assert.ok(Object.isFrozen(e));
    assert.ok(Object.isFrozen(e.tactics));
  });

  it('OWASP LLM edition mappings', () => {
    assert.deepEqual(mapOwaspLlmId('LLM03', '2023', '2025')?.to, ['LLM04:2025']);
    assert.deepEqual(mapOwaspLlmId('LLM04', '2025', '2026')?.to, ['LLM05:2026']);
    assert.equal(mapOwaspLlmId('LLM04', '2025', '2026')?.official, true);
    assert.deepEqual(mapOwaspLlmId('LLM03', '2023', '2026')?.to, ['LLM05:2026']);
    assert.equal(mapOwaspLlmId('LLM03', '2023', '2026')?.official, false);
    assert.deepEqual(mapOwaspLlmId('LLM03', '2026', '2025')?.to, ['LLM06:2025']);
    assert.deepEqual(mapOwaspLlmId('LLM02', '2025', '2023')?.to, ['LLM06:2023', 'LLM10:2023']);
    assert.deepEqual(mapOwaspLlmId('LLM07', '2025', '2023')?.to, []); // new in 2025
    assert.deepEqual(mapOwaspLlmId('LLM05', '2025', '2025')?.to, ['LLM05:2025']);
    assert.equal(mapOwaspLlmId('LLM11', '2025', '2026'), undefined);
    assert.equal(mapOwaspLlmId('LLM01', '2019', '2025'), undefined);
  });
});

describe('generated data files', () => {
  const allowedEntryKeys = new Set([
    'id', 'qualifiedId', 'name', 'type', 'displayName', 'url', 'parent', 'subtechniques', 'tactics',
    'matrixOrder', 'maturity', 'deprecated', 'replacedBy', 'deprecatedSince', 'previousNames', 'aliases',
  ]);

  it('carry the generator marker, provenance and licence', () => {
    const files = [...EDITION_FILES, ATLAS_DELTA, ...OWASP_LLM_MAPPINGS];
    assert.equal(files.length, 9);
    for (const f of files) {
      assert.equal(f.generatedBy, 'scripts/build-catalogs.mjs');
      assert.ok(['CC-BY-SA-4.0', 'Apache-2.0'].includes(f.license.spdx), f.sourceFile);
      assert.ok(f.attribution.length > 0);
      assert.ok(f.sources.length > 0 && f.sources.every((s) => s.repository.startsWith('https://github.com/')));
    }
    const onDisk = readdirSync(path.join(catalogDir, 'data')).filter((n) => n.endsWith('.json')).sort();
    assert.deepEqual(onDisk, files.map((f) => f.sourceFile).sort());
    assert.deepEqual(
      catalogSources().map((s) => [s.file, s.license.spdx]),
      files.map((f) => [f.sourceFile, f.license.spdx]),
    );
  });

  it('hold facts only (allow-listed fields, no descriptions)', () => {
    for (const f of EDITION_FILES) {
      for (const e of f.entries) {
        for (const k of Object.keys(e)) assert.ok(allowedEntryKeys.has(k), `${f.sourceFile} ${e.id}: ${k}`);
        assert.ok(e.name.length < 120, `${e.id}: name too long to be a name`);
      }
      const ids = f.entries.map((e) => e.id);
      assert.deepEqual(ids, [...ids].sort(), `${f.sourceFile}: entries sorted by id`);
      assert.equal(new Set(ids).size, ids.length, `${f.sourceFile}: duplicate id`);
    }
  });

  it('the catalog module is pure (relative imports only)', () => {
    const files = readdirSync(catalogDir).filter((n) => n.endsWith('.ts'));
    assert.ok(files.includes('index.ts'));
    for (const name of files) {
      const text = readFileSync(path.join(catalogDir, name), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        assert.ok(m[1]!.startsWith('./'), `${name} imports ${m[1]}`);
      }
      assert.doesNotMatch(text, /\bprocess\.|\brequire\(/, name);
    }
  });
});
