/**
 * Memory stays flat as a course grows: checkFiles reads a file only when a
 * lint slot is free, so no more than a few texts exist at once, in this
 * thread and with worker threads. Counted through the reader checkFiles
 * takes: a text is held from the moment its file is read until its lint has
 * been recorded (the --debug line naming the file). Fingerprints read the
 * files again after the course rules, and a file edited in between stops the
 * run instead of giving fingerprints of text that was not linted.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { checkFiles, type CheckIO } from '../../server/src/cli/check';
import { parseOptions } from '../../server/src/cli/options';
import { buildCli, generatedCourse, tempCourse } from '../helpers/cli';

let workerScript: string;
before(async () => {
  workerScript = join(dirname(await buildCli()), 'cli-worker.js');
});

const LESSONS = 120;

/** checkFiles over `cwd` with a reader that counts the texts held at once. */
async function countHeldTexts(cwd: string, argv: string[], withWorkers: boolean) {
  const held = new Set<string>();
  let most = 0;
  let reads = 0;
  const io: CheckIO = {
    cwd,
    readStdin: async () => new Uint8Array(),
    ...(withWorkers ? { workerScript } : {}),
    // "<path>: config …" is written once the lesson's lint is recorded.
    debug: (line) => held.delete(line.slice(0, line.indexOf(': '))),
    readFile: async (path) => {
      reads++;
      held.add(path.slice(cwd.length + 1));
      most = Math.max(most, held.size);
      return readFile(path);
    },
  };
  const { results, stats } = await checkFiles(parseOptions(argv), io, { fingerprints: false, records: false });
  return { most, reads, results, stats };
}

describe('texts held at once', () => {
  test(`in this thread: at most 2 of ${LESSONS} lessons, each read once`, async () => {
    const cwd = tempCourse(generatedCourse(LESSONS));
    const run = await countHeldTexts(cwd, ['--jobs', '1'], false);
    assert.equal(run.stats.workers, 0);
    assert.equal(run.reads, LESSONS);
    assert.equal(run.results.length, LESSONS);
    assert.ok(run.most <= 2, `${run.most} texts held at once`);
  });

  test(`with two worker threads: at most 5 of ${LESSONS} lessons (one linted and one waiting per worker, one being read)`, async () => {
    const cwd = tempCourse(generatedCourse(LESSONS));
    const run = await countHeldTexts(cwd, ['--jobs', '2'], true);
    assert.equal(run.stats.workers, 2);
    assert.equal(run.reads, LESSONS);
    assert.ok(run.most <= 5, `${run.most} texts held at once`);
    const inThread = await countHeldTexts(cwd, ['--jobs', '1'], false);
    assert.deepEqual(run.results, inThread.results, 'the same results from the workers as from this thread');
  });
});

describe('fingerprints', () => {
  test('are computed from the files read again, and only for files with findings', async () => {
    const cwd = tempCourse(generatedCourse(30));
    const reads: string[] = [];
    const io: CheckIO = { cwd, readStdin: async () => new Uint8Array(), debug: () => {}, readFile: (path) => (reads.push(path), readFile(path)) };
    const { results, fingerprints } = await checkFiles(parseOptions(['--format', 'sarif']), io, { fingerprints: true, records: false });
    const withFindings = results.filter((r) => r.messages.length > 0);
    assert.ok(withFindings.length > 0 && withFindings.length < results.length, 'the generated course has lessons with and without findings');
    assert.equal(reads.length, results.length + withFindings.length);
    for (const r of results) for (const m of r.messages) assert.match(fingerprints!.get(m) ?? '', /^[0-9a-f]{32}$/);
  });

  test('a file whose content changed after its lint stops the run', async () => {
    const cwd = tempCourse(generatedCourse(30));
    const { results } = await checkFiles(parseOptions([]), { cwd, readStdin: async () => new Uint8Array(), debug: () => {} }, { fingerprints: false, records: false });
    const edited = results.find((r) => r.messages.length > 0)!.filePath;
    const readCounts = new Map<string, number>();
    const io: CheckIO = {
      cwd,
      readStdin: async () => new Uint8Array(),
      debug: () => {},
      readFile: async (path) => {
        const count = (readCounts.get(path) ?? 0) + 1;
        readCounts.set(path, count);
        const bytes = await readFile(path);
        // The second read, for fingerprints, sees an edit made during the run.
        return count === 2 && path === join(cwd, edited) ? Buffer.concat([bytes, Buffer.from('\nEdited.\n')]) : bytes;
      },
    };
    await assert.rejects(checkFiles(parseOptions(['--format', 'sarif']), io, { fingerprints: true, records: false }), {
      message: `${edited} changed while lessonlint was checking it; run lessonlint again`,
    });
  });
});
