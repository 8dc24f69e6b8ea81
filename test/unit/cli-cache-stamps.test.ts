/**
 * `--cache` by file stamp (size and modification time): an unchanged file is
 * taken from the cache without being read; a touched but unchanged one is
 * read and hashed, and stays a hit; an edited one is linted again — also an
 * edit of the same size that keeps the modification time, when that time is
 * too close to the run that cached the file to tell two writes apart.
 * Whether a file was read is counted through the reader checkFiles takes;
 * whether it was parsed, from the --debug statistics.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { checkFiles, type CheckIO } from '../../server/src/cli/check';
import { parseOptions } from '../../server/src/cli/options';
import { buildCli, debugStats, NEXT_LESSON, NEXT_NAME, parseJsonReport, README, replaceOnce, runCli, SAMPLE_NAME, tempCourse } from '../helpers/cli';
import { SAMPLE } from '../helpers/lint';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** The sample, its "Up next" lesson and a README, all last modified an hour ago. */
function oldCourse(): string {
  const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE, [NEXT_NAME]: NEXT_LESSON, 'README.md': README });
  for (const name of [SAMPLE_NAME, NEXT_NAME, 'README.md']) utimesSync(join(cwd, name), HOUR_AGO, HOUR_AGO);
  return cwd;
}

/** Runs checkFiles with --cache in this process; resolves to the paths it read, in order. */
async function readsOfCachedRun(cwd: string): Promise<string[]> {
  const reads: string[] = [];
  const io: CheckIO = {
    cwd,
    readStdin: async () => new Uint8Array(),
    debug: () => {},
    readFile: (path) => {
      reads.push(path.slice(cwd.length + 1));
      return readFile(path);
    },
  };
  await checkFiles(parseOptions(['--cache']), io, { fingerprints: false, records: false });
  return reads;
}

function cached(cwd: string) {
  return runCli(cli, ['--cache', '--debug', '--format', 'json'], { cwd });
}

/** The same number of UTF-8 bytes, another finding: the quiz's second answer becomes a question without an answer line. */
function sameSizeEdit(text: string): string {
  const edited = replaceOnce(text, '\n   A: Any two of:', '\n   Q: Any two of:');
  assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
  return edited;
}

describe('--cache by file stamp', () => {
  test('files unchanged since a run are not read again; a touched file is read, hashed and stays a hit', async () => {
    const cwd = oldCourse();
    assert.deepEqual((await readsOfCachedRun(cwd)).sort(), [NEXT_NAME, SAMPLE_NAME, 'README.md'].sort(), 'the first run reads every file');
    assert.deepEqual(await readsOfCachedRun(cwd), [], 'same size, same time: nothing is read');

    const touched = new Date(Date.now() - 60_000);
    utimesSync(join(cwd, SAMPLE_NAME), touched, touched);
    const run = cached(cwd);
    assert.deepEqual([debugStats(run).parses, debugStats(run).fromCache], [0, 3], 'the touched file is a hit by its content');
    assert.deepEqual(await readsOfCachedRun(cwd), [], 'its new time was remembered');
  });

  test('an edit of the same size with a new modification time is linted again', () => {
    const cwd = oldCourse();
    const first = cached(cwd);
    assert.deepEqual(parseJsonReport(first).find((f) => f.filePath === SAMPLE_NAME)!.messages, []);
    const path = join(cwd, SAMPLE_NAME);
    writeFileSync(path, sameSizeEdit(readFileSync(path, 'utf8')));
    const edited = cached(cwd);
    assert.deepEqual([debugStats(edited).parses, debugStats(edited).fromCache], [1, 2]);
    assert.ok(
      parseJsonReport(edited)
        .find((f) => f.filePath === SAMPLE_NAME)!
        .messages.some((m) => m.ruleId === 'quiz-answer-missing'),
      'the edit is reported',
    );
    assert.equal(edited.stdout, runCli(cli, ['--format', 'json'], { cwd }).stdout, 'the same output as a run without the cache');
  });

  test('an edit of the same size that keeps a modification time as recent as the cached run is linted again', () => {
    const cwd = oldCourse();
    const path = join(cwd, SAMPLE_NAME);
    // Modified as the run begins: a second write in the same clock tick would keep this time.
    const recent = new Date(Date.now() + 30_000);
    utimesSync(path, recent, recent);
    cached(cwd);
    const stamp = statSync(path);
    writeFileSync(path, sameSizeEdit(readFileSync(path, 'utf8')));
    utimesSync(path, stamp.atime, stamp.mtime);
    assert.deepEqual([statSync(path).size, statSync(path).mtimeMs], [stamp.size, stamp.mtimeMs], 'size and time are those the cache saw');

    const edited = cached(cwd);
    assert.equal(debugStats(edited).parses, 1, 'the edited lesson is linted, not taken from the cache');
    assert.ok(parseJsonReport(edited).find((f) => f.filePath === SAMPLE_NAME)!.messages.some((m) => m.ruleId === 'quiz-answer-missing'));
    assert.equal(edited.stdout, runCli(cli, ['--format', 'json'], { cwd }).stdout);
  });
});
