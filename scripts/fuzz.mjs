// The long-run mode of the engine's property tests (test/unit/property-engine.test.ts):
// 100,000 generated lessons by default, spread over worker threads, each
// checked with checkEngineProperties (test/helpers/generate.ts).
//
//   node scripts/fuzz.mjs [--cases N] [--seed N] [--workers N] [--chunk N]
//                         [--waive-known] [--out DIR]
//   node scripts/fuzz.mjs --replay SEED[:PATH]
//
// Cases run in chunks of --chunk cases; chunk k uses fast-check seed SEED+k,
// so any chunk can be replayed alone. A failing case is shrunk, printed with
// its seed and path, and written to DIR (default fuzz-failures/) as
// seed-<seed>-failure-<n>.md (the lesson text) and .json (error, stack,
// mutations, replay command); the cases its chunk did not run are queued
// again under a new seed, and the run exits with 1 at the end. Known engine
// bugs (KNOWN_ISSUES in generate.ts) fail like any other unless
// --waive-known is given. A chunk silent for 10 minutes counts as a hang.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** A case that takes longer than this is reported (the guard should keep every case well under it). */
const SLOW_CASE_MS = 5_000;
/** A chunk that reports nothing for this long is taken for a hang: its worker is stopped and replaced. */
const HANG_MS = 10 * 60_000;

/** The generators through tsx's CommonJS loader (plain file paths in stacks), and the fast-check copy they use. */
async function loadEngine() {
  const { require: tsxRequire } = await import('tsx/cjs/api');
  const generate = tsxRequire('../test/helpers/generate.ts', import.meta.url);
  const fc = createRequire(import.meta.url)('fast-check');
  return { fc, generate };
}

/** The property of one case; counts waived known issues and slow cases into `stats`. */
function lessonProperty(fc, generate, seeds, { waiveKnown }, stats) {
  return fc.property(generate.generatedLesson(seeds), (lesson) => {
    const start = performance.now();
    try {
      const report = generate.checkEngineProperties(lesson.text, lesson.filePath);
      if (!stats.shrinking) {
        stats.findings += report.findings;
        stats.fixes += report.fixes;
        if (report.refused) stats.refused++;
      }
    } catch (error) {
      const known = waiveKnown ? generate.knownIssueOf(lesson.text, error) : undefined;
      if (known) {
        if (!stats.shrinking) stats.waived[known.id] = (stats.waived[known.id] ?? 0) + 1;
        return;
      }
      // fast-check shrinks after the first failure: the stats must not count the shrinking runs.
      stats.shrinking = true;
      throw error;
    } finally {
      const ms = performance.now() - start;
      if (!stats.shrinking && ms > stats.slowestMs) stats.slowestMs = ms;
      if (!stats.shrinking && ms > SLOW_CASE_MS) stats.slow.push({ ms: Math.round(ms), origin: lesson.origin, mutations: lesson.mutations, length: lesson.text.length });
    }
  });
}

function newStats() {
  return { findings: 0, fixes: 0, refused: 0, waived: {}, slow: [], slowestMs: 0, shrinking: false };
}

/** Runs one chunk; the failure, if any, with everything needed to replay and read it. */
function runChunk(fc, generate, seeds, options, seed, numRuns) {
  const stats = newStats();
  const details = fc.check(lessonProperty(fc, generate, seeds, options, stats), { seed, numRuns });
  const result = { seed, runs: details.numRuns, stats };
  if (details.failed) {
    const [lesson] = details.counterexample ?? [];
    const error = details.errorInstance;
    result.failure = {
      seed,
      path: details.counterexamplePath,
      shrinks: details.numShrinks,
      origin: lesson?.origin,
      mutations: lesson?.mutations,
      filePath: lesson?.filePath,
      text: lesson?.text,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
  return result;
}

if (!isMainThread) {
  const { fc, generate } = await loadEngine();
  const seeds = generate.loadSeeds();
  parentPort.on('message', ({ seed, numRuns }) => {
    parentPort.postMessage(runChunk(fc, generate, seeds, workerData, seed, numRuns));
  });
  parentPort.postMessage({ ready: true });
} else {
  await main();
}

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      workers: { type: 'string', default: String(availableParallelism()) },
      chunk: { type: 'string', default: '200' },
      'waive-known': { type: 'boolean', default: false },
      out: { type: 'string', default: 'fuzz-failures' },
      replay: { type: 'string' },
    },
  });
  if (values.replay) return replay(values.replay, values['waive-known']);

  const cases = positive(values.cases, '--cases');
  const chunk = positive(values.chunk, '--chunk');
  const workers = Math.min(positive(values.workers, '--workers'), Math.ceil(cases / chunk));
  const baseSeed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(baseSeed)) {
    console.error(`--seed needs a whole number, not '${values.seed}'`);
    process.exit(2);
  }
  const outDir = resolve(values.out);
  const options = { waiveKnown: values['waive-known'] };
  console.log(`fuzz: ${cases.toLocaleString('en-US')} cases, seed ${baseSeed}, ${workers} workers, chunks of ${chunk}${options.waiveKnown ? ', known issues waived' : ''}`);

  const chunks = [];
  for (let k = 0, left = cases; left > 0; k++, left -= chunk) chunks.push({ seed: baseSeed + k, numRuns: Math.min(chunk, left) });
  const totals = { runs: 0, ...newStats() };
  const failures = [];
  const started = performance.now();
  let lastReport = 0;

  const report = () => {
    const now = performance.now();
    if (now - lastReport < 5_000) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    const rate = totals.runs / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (cases - totals.runs) / rate : Infinity;
    const waived = Object.values(totals.waived).reduce((a, b) => a + b, 0);
    console.log(
      `  ${totals.runs.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')} cases (${((100 * totals.runs) / cases).toFixed(1)}%), ` +
        `${rate.toFixed(0)} cases/s, ${formatDuration(seconds)} elapsed, ETA ${formatDuration(eta)}, ` +
        `${failures.length} failures${waived ? `, ${waived} waived` : ''}`,
    );
  };

  let nextSeed = baseSeed + chunks.length;
  const record = (result, requested) => {
    totals.runs += result.runs;
    // A failure ends its chunk early: the cases it did not run go back in the queue, under a new seed
    // (not those of a chunk lost to a hang or a crash, which would only hang again).
    if (requested !== undefined && result.runs < requested && !result.lost) chunks.push({ seed: nextSeed++, numRuns: requested - result.runs });
    const s = result.stats;
    totals.findings += s.findings;
    totals.fixes += s.fixes;
    totals.refused += s.refused;
    totals.slowestMs = Math.max(totals.slowestMs, s.slowestMs);
    totals.slow.push(...s.slow);
    for (const [id, n] of Object.entries(s.waived)) totals.waived[id] = (totals.waived[id] ?? 0) + n;
    if (result.failure) {
      failures.push(result.failure);
      printFailure(result.failure, writeFailure(outDir, result.failure, failures.length));
    }
    report();
  };

  await new Promise((done) => {
    let running = 0;
    const start = () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: options });
      let current;
      let watchdog;
      running++;
      const next = () => {
        clearTimeout(watchdog);
        current = chunks.shift();
        if (!current) {
          worker.terminate();
          return;
        }
        watchdog = setTimeout(() => {
          // A hang: the case cannot be known from outside, the chunk can be replayed.
          record({ seed: current.seed, runs: 0, lost: true, stats: newStats(), failure: { seed: current.seed, error: `no answer from the chunk for ${HANG_MS / 60_000} min (a hang?)` } });
          current = undefined;
          worker.terminate();
          start();
        }, HANG_MS);
        worker.postMessage(current);
      };
      worker.on('message', (message) => {
        if (!message.ready) record(message, current.numRuns);
        next();
      });
      worker.on('error', (error) => {
        clearTimeout(watchdog);
        if (current) record({ seed: current.seed, runs: 0, lost: true, stats: newStats(), failure: { seed: current.seed, error: `worker crashed: ${error?.stack ?? error}` } });
        current = undefined;
        if (chunks.length > 0) start();
      });
      worker.on('exit', () => {
        clearTimeout(watchdog);
        if (--running === 0) done();
      });
    };
    for (let i = 0; i < workers; i++) start();
  });

  const seconds = (performance.now() - started) / 1000;
  console.log(`\nfuzz: ${totals.runs.toLocaleString('en-US')} cases in ${formatDuration(seconds)} (${(totals.runs / seconds).toFixed(0)} cases/s), seed ${baseSeed}`);
  console.log(`  ${totals.findings.toLocaleString('en-US')} findings, ${totals.fixes.toLocaleString('en-US')} fixes applied, ${totals.refused} lessons refused by the complexity guard`);
  console.log(`  slowest case: ${Math.round(totals.slowestMs)} ms${totals.slow.length ? `; ${totals.slow.length} over ${SLOW_CASE_MS} ms` : ''}`);
  for (const slow of totals.slow.slice(0, 10)) console.log(`    ${slow.ms} ms: ${slow.origin} + ${JSON.stringify(slow.mutations)}`);
  for (const [id, n] of Object.entries(totals.waived)) console.log(`  waived: ${n} cases of known issue ${id}`);
  if (failures.length > 0) {
    console.log(`  ${failures.length} FAILURES (written to ${outDir})`);
    process.exitCode = 1;
  } else console.log('  no failure');
}

function positive(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} needs a positive whole number, not '${value}'`);
    process.exit(2);
  }
  return n;
}

function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return '?';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

function writeFailure(outDir, failure, number) {
  mkdirSync(outDir, { recursive: true });
  // The path can be hundreds of steps long: it goes in the report, not in the file name.
  const base = join(outDir, `seed-${failure.seed}-failure-${number}`);
  if (failure.text !== undefined) writeFileSync(`${base}.md`, failure.text);
  const { text: _text, ...report } = failure;
  writeFileSync(`${base}.json`, JSON.stringify({ ...report, replay: `node scripts/fuzz.mjs --replay ${failure.seed}${failure.path ? `:${failure.path}` : ''}` }, null, 2) + '\n');
  return base;
}

function printFailure(failure, base) {
  console.log(`\nFAILURE (seed ${failure.seed}${failure.path ? `, path ${failure.path}` : ''}${failure.shrinks !== undefined ? `, shrunk ${failure.shrinks} times` : ''})`);
  console.log(`  ${failure.error}`);
  if (failure.origin) console.log(`  lesson: ${failure.origin} + ${JSON.stringify(failure.mutations)} (file path ${failure.filePath ?? 'none'})`);
  if (failure.text !== undefined) console.log(`  text (${failure.text.length} chars): ${JSON.stringify(failure.text.length > 400 ? failure.text.slice(0, 400) + '…' : failure.text)}`);
  if (failure.stack) console.log(failure.stack.split('\n').slice(0, 10).map((l) => `  ${l.length > 300 ? l.slice(0, 300) + '…' : l}`).join('\n'));
  console.log(`  written to ${base}.md / .json\n`);
}

/** Re-runs one chunk (SEED) or one failing case (SEED:PATH) in this thread and prints its failure. */
async function replay(spec, waiveKnown) {
  const [seedText, ...pathParts] = spec.split(':');
  const seed = Number(seedText);
  const path = pathParts.join(':');
  const { fc, generate } = await loadEngine();
  const seeds = generate.loadSeeds();
  const stats = newStats();
  const details = fc.check(lessonProperty(fc, generate, seeds, { waiveKnown }, stats), { seed, numRuns: 200, ...(path ? { path, endOnFailure: true } : {}) });
  if (!details.failed) {
    console.log(`replay ${spec}: no failure`);
    return;
  }
  const [lesson] = details.counterexample;
  console.log(`replay ${spec}: ${details.errorInstance?.stack ?? details.errorInstance}`);
  console.log(`lesson: ${lesson.origin} + ${JSON.stringify(lesson.mutations)} (file path ${lesson.filePath ?? 'none'})`);
  console.log(JSON.stringify(lesson.text));
  process.exitCode = 1;
}
