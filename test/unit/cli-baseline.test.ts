/**
 * `--write-baseline` / `--baseline`: today's findings recorded so that only
 * new ones are reported and fail the run; matched by the flagged text, not
 * the line, so findings survive lines moving.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli, NEXT_LESSON, NEXT_NAME, parseJsonReport, replaceOnce, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse } from '../helpers/cli';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const ANSWER_2 = /\n {3}A: Any two of:[^\n]*/;
const ANSWER_3 = /\n {3}A: Provenance controls upstream[^\n]*/;
/**
 * The next lesson without its second quiz answer: a quiz-answer-missing
 * error; and, being last, an up-next-order info on its "Up next".
 */
const NEXT_WITHOUT_ANSWER = NEXT_LESSON.replace(ANSWER_2, '');
const BASELINE = '.lessonlint-baseline.json';

function adoptedCourse(): string {
  return tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN, [NEXT_NAME]: NEXT_WITHOUT_ANSWER });
}

describe('--write-baseline', () => {
  test('records every finding, sorted, then reports against it: nothing reported, exit 0', () => {
    const cwd = adoptedCourse();
    assert.equal(runCli(cli, [], { cwd }).status, 1, 'without a baseline the error fails the run');
    const result = runCli(cli, ['--write-baseline', BASELINE, '--format', 'json'], { cwd });
    assert.equal(result.status, 0);
    assert.equal(result.stderr, `lessonlint: wrote 3 findings to the baseline ${BASELINE}\n`);
    assert.deepEqual(
      parseJsonReport(result).map((f) => [f.filePath, f.messages.length]),
      [[SAMPLE_NAME, 0], [NEXT_NAME, 0]],
    );
    const baseline = JSON.parse(readFileSync(join(cwd, BASELINE), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.deepEqual(
      baseline.findings.map((f: Record<string, unknown>) => [f.filePath, f.ruleId, f.line]),
      [
        [SAMPLE_NAME, 'title-separator', 1],
        [NEXT_NAME, 'quiz-answer-missing', 73],
        [NEXT_NAME, 'up-next-order', 119],
      ],
    );
    for (const finding of baseline.findings) {
      assert.deepEqual(Object.keys(finding), ['filePath', 'ruleId', 'fingerprint', 'line', 'message']);
      assert.match(finding.fingerprint, /^[0-9a-f]{32}$/);
    }
  });
});

describe('--baseline', () => {
  test('only a new finding is reported and fails, though the baselined ones moved down', () => {
    const cwd = adoptedCourse();
    runCli(cli, ['--write-baseline', BASELINE], { cwd });
    assert.deepEqual([runCli(cli, ['--baseline', BASELINE], { cwd }).status, runCli(cli, ['--baseline', BASELINE], { cwd }).stdout], [0, '']);

    // Four lines inserted above the baselined findings, and one new defect: the third quiz answer removed.
    const moved = replaceOnce(NEXT_WITHOUT_ANSWER, '## Core content', 'An added paragraph.\n\nAnother one.\n\n## Core content');
    writeFileSync(join(cwd, NEXT_NAME), moved.replace(ANSWER_3, ''));
    const result = runCli(cli, ['--baseline', BASELINE, '--format', 'json'], { cwd });
    assert.equal(result.status, 1);
    const report = parseJsonReport(result);
    assert.deepEqual(report[0]!.messages, [], 'the title-separator warning stays baselined');
    assert.deepEqual(
      report[1]!.messages.map((m) => [m.ruleId, m.line, m.message]),
      [['quiz-answer-missing', 78, "Quiz item 3 has no answer (expected a line starting with 'A:')"]],
      'quiz item 2 (now at line 77) and the Up next info stay baselined; quiz item 3 is new',
    );
    assert.equal(report[1]!.errorCount, 1);
  });

  test('applies before --max-warnings and --quiet', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    runCli(cli, ['--write-baseline', BASELINE], { cwd });
    assert.equal(runCli(cli, ['--max-warnings', '0'], { cwd }).status, 1);
    assert.equal(runCli(cli, ['--max-warnings', '0', '--baseline', BASELINE], { cwd }).status, 0);
    assert.equal(runCli(cli, ['--quiet', '--max-warnings', '0', '--baseline', BASELINE], { cwd }).status, 0);
  });

  test('findings are matched by file: a copy of a baselined lesson reports them all as new', () => {
    // The copy also gives both lessons a course-duplicate-id error, new in each.
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    runCli(cli, ['--write-baseline', BASELINE], { cwd });
    writeFileSync(join(cwd, 'L4.2.2-copy.md'), SAMPLE_HYPHEN);
    const report = parseJsonReport(runCli(cli, ['--baseline', BASELINE, '--format', 'json'], { cwd }));
    assert.deepEqual(
      report.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)]),
      [
        ['L4.2.2-copy.md', ['course-duplicate-id', 'title-separator', 'up-next-target']],
        [SAMPLE_NAME, ['course-duplicate-id']],
      ],
    );
  });

  test('a missing or malformed baseline file is exit 2 with the reason, before anything is linted', () => {
    const cwd = adoptedCourse();
    const missing = runCli(cli, ['--baseline', 'none.json'], { cwd });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^lessonlint: cannot read the baseline file .*none\.json \(ENOENT\)\n$/);
    writeFileSync(join(cwd, 'old.json'), '{ "version": 0, "findings": [] }');
    const old = runCli(cli, ['--baseline', 'old.json', '--fix'], { cwd });
    assert.equal(old.status, 2);
    assert.equal(old.stderr, `lessonlint: ${join(cwd, 'old.json')}: unsupported baseline version 0 (expected 1); write a new one with --write-baseline\n`);
    assert.equal(readFileSync(join(cwd, SAMPLE_NAME), 'utf8'), SAMPLE_HYPHEN, '--fix wrote nothing');
  });

  test('cannot be combined with --write-baseline', () => {
    const result = runCli(cli, ['--baseline', 'a.json', '--write-baseline', 'b.json'], { cwd: adoptedCourse() });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--baseline and --write-baseline cannot be combined/);
  });
});
