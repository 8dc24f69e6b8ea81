// `npm run bench`: every measure of issue 6's table, each against its target,
// on a generated course (scripts/bench/course.mjs). Needs the bundles
// (`npm run build`) and, for the markdownlint-cli2 comparison, markdownlint-cli2
// (a devDependency, or $MARKDOWNLINT_CLI2: its folder or its bin script).
//
//   node scripts/bench/index.mjs [--lessons N] [--json FILE] [--floor-every K] [--mdl-every K] [--skip engine,big,cli,mdl,lsp]
//
// Takes about 4 minutes on an idle 2-core machine here for 10,000 lessons (more
// when other processes load the machine: the load average is printed).
//
// Every time is compared with a baseline measured in the same run, next to
// it: the parse floor (`unified().use(remarkParse).parse()` alone, CPU time
// of the parse calls only; scripts/bench/floor.mjs) runs before and after each
// CLI run, and the CLI's ratio is to the mean of the two, so that load from
// other processes on the machine weighs on both sides. CPU time and peak
// memory come from the OS (getrusage of the whole process, worker threads
// included, and /proc VmHWM; scripts/bench/rusage.cjs); wall time is measured
// here, from spawn to exit.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bigLesson, SAMPLE_PATH, writeCourse } from './course.mjs';
import { didChangeLatency, indexWorkspace, openToDiagnostics } from './lsp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const LESSONS = Number(option('--lessons', 10_000));
const MDL_EVERY = Number(option('--mdl-every', 10));
const FLOOR_EVERY = Number(option('--floor-every', 10));
const SKIP = new Set(option('--skip', '').split(',').filter(Boolean));
const JSON_OUT = option('--json', undefined);
const WORK = join(tmpdir(), 'lessonlint-bench');
const CLI = join(root, 'dist', 'cli.js');
const RUSAGE = join(root, 'scripts', 'bench', 'rusage.cjs');
const FLOOR = join(root, 'scripts', 'bench', 'floor.mjs');

const started = performance.now();
const log = (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const results = { machine: machine(), rows: [], details: {} };

function machine() {
  const version = (name) => {
    try {
      return require(`${name}/package.json`).version;
    } catch {
      return undefined;
    }
  };
  return {
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    lessonlint: require(join(root, 'package.json')).version,
    remarkParse: version('remark-parse'),
    remarkGfm: version('remark-gfm'),
    micromark: version('micromark'),
    loadAverageAtStart: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/**
 * One row of the table. `measured` is the number compared with `target`
 * (`<=` or `>=`); `text` is how it is shown.
 */
function row(measure, target, { value, limit, better = 'lower', text, note }) {
  const met = value === undefined || Number.isNaN(value) ? undefined : better === 'lower' ? value <= limit : value >= limit;
  results.rows.push({ measure, target, measured: text, value, limit, met, ...(note ? { note } : {}) });
  log(`${met === undefined ? '  ?' : met ? ' ok' : 'NOT'}  ${measure}: ${text} (target ${target})`);
}

/** Runs `node [nodeArgs] script args` in `cwd` with the rusage preload; resolves to wall time and the OS's counts. */
function runNode(script, scriptArgs, { cwd = root, nodeArgs = [], stdoutFile } = {}) {
  const usageFile = join(WORK, `rusage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    const child = spawn(process.execPath, ['--require', RUSAGE, ...nodeArgs, script, ...scriptArgs], {
      cwd,
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, BENCH_RUSAGE_FILE: usageFile, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - begin;
      if (typeof out === 'number') closeSync(out);
      let usage;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
        rmSync(usageFile);
      } catch {
        return reject(new Error(`${script} exited with ${code} and wrote no usage: ${stderr.slice(0, 500)}`));
      }
      resolve({ code, wallMs, cpuMs: usage.userMs + usage.systemMs, peakMb: (usage.vmHwmKb || usage.maxRssKb) / 1024, stderr });
    });
  });
}

/**
 * floor.mjs over the files of `listFile` in a process of its own: the parse
 * floor, or with `engine` the engine bundle's `call` (parseLesson or
 * lintLesson). Resolves to its JSON (estimatedCpuMs: CPU of the calls, scaled
 * to every file when only every `every`-th was run).
 */
async function measureFiles(listFile, { every = 1, repeat = 1, engine, call } = {}) {
  const extra = engine ? ['--engine', engine, '--call', call] : [];
  const out = `${listFile}.${call ?? 'floor'}.json`;
  const run = await runNode(FLOOR, [listFile, '--every', String(every), '--repeat', String(repeat), ...extra], { stdoutFile: out });
  if (run.code !== 0) throw new Error(`floor.mjs ${extra.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** The parse floor over the course: single-thread CPU ms (every FLOOR_EVERY-th lesson parsed, scaled to all). */
async function floor(listFile) {
  return (await measureFiles(listFile, { every: FLOOR_EVERY })).estimatedCpuMs;
}

async function cli(courseDir, extra, paths = ['.']) {
  const run = await runNode(CLI, ['--format', 'json', ...extra, ...paths], { cwd: courseDir });
  // 1: the generated course has lessons with errors on purpose.
  if (run.code !== 0 && run.code !== 1) throw new Error(`lessonlint ${extra.join(' ')} exited with ${run.code}: ${run.stderr}`);
  return run;
}

const ms = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 100 ? 1 : 0)} ms`);
const x = (value) => `${value.toFixed(2)}×`;
const mb = (value) => `${value.toFixed(0)} MB`;

// ───────────────────────────────────────────────────────── engine, in process

/** The engine bundled as the CLI bundles it (esbuild, CommonJS). */
async function engineBundle() {
  const outfile = join(WORK, 'engine.cjs');
  await build({ absWorkingDir: root, entryPoints: ['server/src/engine/index.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return outfile;
}

/**
 * The engine against the floor on the same files, each in a process of its
 * own (so that neither pays for the other's garbage), in turn, `rounds`
 * times; the fastest run of each is compared (CPU time on a shared machine
 * only ever goes up with other load).
 */
async function engineAgainstFloor(listFile, bundle, { repeat, rounds = 3, calls = ['floor', 'parseLesson', 'lintLesson'] }) {
  const best = {};
  for (let round = 0; round < rounds; round++) {
    for (const call of calls) {
      const run = await measureFiles(listFile, { repeat, ...(call === 'floor' ? {} : { engine: bundle, call }) });
      best[call] = Math.min(best[call] ?? Infinity, run.cpuMs / run.parsed);
    }
  }
  return best;
}

async function engineRows(bundle, { files }) {
  const sampleList = join(WORK, 'sample.list');
  writeFileSync(sampleList, Array.from({ length: 20 }, () => SAMPLE_PATH).join('\n'));
  const sample = await engineAgainstFloor(sampleList, bundle, { repeat: 15 });
  results.details.engineSample = sample;
  row('Engine, sample lesson: lintLesson CPU (not a row of the issue)', '≤ 1.3× floor', {
    value: sample.lintLesson / sample.floor,
    limit: 1.3,
    text: `${x(sample.lintLesson / sample.floor)} (${ms(sample.lintLesson)}; parseLesson ${x(sample.parseLesson / sample.floor)}, floor ${ms(sample.floor)})`,
  });

  const courseList = join(WORK, 'course-sample.list');
  const subset = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / 100)) === 0);
  writeFileSync(courseList, subset.join('\n'));
  const course = await engineAgainstFloor(courseList, bundle, { repeat: 4, rounds: 2, calls: ['floor', 'lintLesson'] });
  results.details.engineCourse = course;
  row(`Engine, ${subset.length} lessons of the course: lintLesson CPU (not a row of the issue)`, '≤ 1.3× floor', {
    value: course.lintLesson / course.floor,
    limit: 1.3,
    text: `${x(course.lintLesson / course.floor)} (${ms(course.lintLesson)} a lesson; floor ${ms(course.floor)})`,
  });
}

async function bigLessonRows(bundle) {
  const engine = require(bundle);
  const config = engine.DEFAULT_CONFIG;
  const text = bigLesson(1_000_000);
  const filePath = join(WORK, 'L4.2.2-big.md');
  writeFileSync(filePath, text);
  const list = join(WORK, 'big.list');
  writeFileSync(list, filePath);
  const big = {};
  for (let round = 0; round < 2; round++) {
    for (const call of ['floor', 'lintLesson']) {
      const run = await measureFiles(list, { repeat: 2, ...(call === 'floor' ? {} : { engine: bundle, call }) });
      big[call] = Math.min(big[call] ?? Infinity, run.cpuMs);
    }
  }
  const findings = engine.lintLesson(text, { filePath, config }).findings;
  results.details.bigLesson = { bytes: Buffer.byteLength(text), ...big, findings: findings.map((f) => f.ruleId) };

  // Growth of each lesson rule with the lesson's size: 1 MB against 1/8 of it.
  const rules = engine.allRules.filter((r) => r.kind === 'lesson');
  const ruleTimes = (t) => {
    const lines = new engine.LineIndex(t);
    const times = new Map();
    for (let pass = 0; pass < 3; pass++) {
      // A fresh model each pass: what rules share through per-lesson caches is paid once, as in lintLesson.
      const lesson = engine.parseLesson(t, filePath);
      for (const rule of rules) {
        const setting = config.rules.get(rule.meta.id);
        if (!setting) continue;
        const context = { lesson, filePath, template: config.template, options: setting.options, lines, knownRuleIds: engine.knownRuleIds, report() {} };
        const before = process.cpuUsage();
        rule.check(context);
        const used = process.cpuUsage(before);
        times.set(rule.meta.id, Math.min(times.get(rule.meta.id) ?? Infinity, (used.user + used.system) / 1000));
      }
    }
    return times;
  };
  const small = ruleTimes(bigLesson(125_000));
  const large = ruleTimes(text);
  const growth = [...large].map(([id, t]) => ({ id, smallMs: small.get(id), largeMs: t, growth: t / Math.max(small.get(id), 0.05) }));
  growth.sort((a, b) => b.largeMs - a.largeMs);
  results.details.ruleGrowth = growth.slice(0, 10);
  const worst = growth.filter((g) => g.largeMs >= 1).sort((a, b) => b.growth - a.growth)[0];
  const rulesMs = growth.reduce((n, g) => n + g.largeMs, 0);

  row('1 MB lesson, lint', '≤ 1.5× its parse time', {
    value: big.lintLesson / big.floor,
    limit: 1.5,
    text: `${x(big.lintLesson / big.floor)} (lint ${ms(big.lintLesson)}, remark-parse ${ms(big.floor)})`,
  });
  row('1 MB lesson: no rule super-linear (time of the slowest rules, 1 MB vs 125 KB, ×8 the size)', '≤ 16× (2× linear)', {
    value: worst ? worst.growth : 1,
    limit: 16,
    text: worst ? `worst ${worst.id} ${x(worst.growth)} (${ms(worst.smallMs)} → ${ms(worst.largeMs)}); all rules ${ms(rulesMs)} at 1 MB` : `every rule under 1 ms at 1 MB (all rules ${ms(rulesMs)})`,
  });
}

// ───────────────────────────────────────────────────────────────────── CLI

function markdownlintBin() {
  const given = process.env.MARKDOWNLINT_CLI2;
  const candidates = given ? [given, join(given, 'markdownlint-cli2-bin.mjs'), join(given, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')] : [];
  // The devDependency (its package.json is not in its exports, so no require.resolve).
  candidates.push(join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'));
  const bin = candidates.find((c) => c.endsWith('.mjs') && existsSync(c));
  if (!bin) return undefined;
  return { bin, version: JSON.parse(readFileSync(join(dirname(bin), 'package.json'), 'utf8')).version };
}

/** The generated course of LESSONS lessons (reused when already written): its folder, files and size. */
function course() {
  const courseDir = join(WORK, `course-${LESSONS}`);
  log(`generating ${LESSONS} lessons in ${courseDir}`);
  const files = writeCourse(courseDir, LESSONS, { seed: 1 });
  const manifest = JSON.parse(readFileSync(join(courseDir, 'course.json'), 'utf8'));
  results.details.course = { lessons: files.length, megabytes: +(manifest.bytes / 1e6).toFixed(1), meanKb: +(manifest.bytes / files.length / 1e3).toFixed(1) };
  return { courseDir, files, bytes: manifest.bytes };
}

async function cliRows({ courseDir, files, bytes }) {
  const listFile = join(WORK, `course-${LESSONS}.list`);
  writeFileSync(listFile, files.join('\n'));

  const floors = [];
  const nextFloor = async () => {
    const value = await floor(listFile);
    floors.push(value);
    log(`parse floor: ${ms(value)} CPU for ${files.length} lessons (${(value / files.length).toFixed(2)} ms a lesson)`);
    return value;
  };

  // --jobs 1: CPU time against the floor measured right before and after.
  const floorBefore = await nextFloor();
  const single = await cli(courseDir, ['--jobs', '1']);
  log(`--jobs 1: ${ms(single.cpuMs)} CPU, ${ms(single.wallMs)} wall, peak ${mb(single.peakMb)}`);
  const floorAfter = await nextFloor();
  const floorSingle = (floorBefore + floorAfter) / 2;
  row(`CLI, ${files.length} lessons, --jobs 1, CPU time`, '≤ 1.3× the parse floor', {
    value: single.cpuMs / floorSingle,
    limit: 1.3,
    text: `${x(single.cpuMs / floorSingle)} (${ms(single.cpuMs)} vs floor ${ms(floorSingle)})`,
  });

  // Default jobs, as markdownlint-cli2 runs: no cache. The memory series below compares runs made the same way.
  const parallel = await cli(courseDir, []);
  log(`default jobs (${availableParallelism()}): ${ms(parallel.wallMs)} wall, ${ms(parallel.cpuMs)} CPU, peak ${mb(parallel.peakMb)}`);
  const floorParallel = (floorAfter + (await nextFloor())) / 2;

  // A cold cache, written by one run and read by the next.
  const cacheDir = join(WORK, `cache-${LESSONS}`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const cacheArgs = ['--cache', '--cache-location', join(cacheDir, 'lessonlint.cache')];
  const cold = await cli(courseDir, cacheArgs);
  log(`default jobs, writing a cold cache: ${ms(cold.wallMs)} wall, ${ms(cold.cpuMs)} CPU, peak ${mb(cold.peakMb)}`);
  results.details.coldCache = { wallMs: cold.wallMs, cpuMs: cold.cpuMs, peakMb: cold.peakMb };
  const warm = await cli(courseDir, cacheArgs);
  log(`second run with --cache: ${ms(warm.wallMs)} wall, ${ms(warm.cpuMs)} CPU`);

  let mdlNote = 'markdownlint-cli2 not found: add it as a devDependency or set MARKDOWNLINT_CLI2';
  let mdlSpeedup;
  const mdl = markdownlintBin();
  if (mdl && !SKIP.has('mdl')) {
    // Every MDL_EVERY-th lesson, scaled up by bytes: markdownlint-cli2 lints file by file in one thread.
    const subset = files.filter((_, i) => i % MDL_EVERY === 0);
    const subsetBytes = subset.reduce((n, f) => n + Buffer.byteLength(readFileSync(f)), 0);
    const run = await runNode(mdl.bin, subset.map((f) => f.slice(courseDir.length + 1)), { cwd: courseDir });
    if (run.code !== 0 && run.code !== 1) throw new Error(`markdownlint-cli2 exited with ${run.code}: ${run.stderr}`);
    const mdlWall = (run.wallMs * bytes) / subsetBytes;
    mdlSpeedup = mdlWall / parallel.wallMs;
    mdlNote = `markdownlint-cli2 ${mdl.version}: ${ms(run.wallMs)} for ${subset.length} lessons, ${ms(mdlWall)} scaled to all`;
    results.details.markdownlint = { version: mdl.version, lessons: subset.length, wallMs: run.wallMs, cpuMs: run.cpuMs, peakMb: run.peakMb, scaledWallMs: mdlWall };
    log(mdlNote);
  }
  row(`CLI, ${files.length} lessons, default jobs (${availableParallelism()}), wall time`, '≤ 0.75× the single-thread parse floor', {
    value: parallel.wallMs / floorParallel,
    limit: 0.75,
    text: `${x(parallel.wallMs / floorParallel)} (${ms(parallel.wallMs)} vs floor ${ms(floorParallel)})`,
  });
  row(`CLI, ${files.length} lessons, default jobs: speed against markdownlint-cli2`, '≥ 3× faster', {
    value: mdlSpeedup,
    limit: 3,
    better: 'higher',
    text: mdlSpeedup === undefined ? 'not measured' : `${x(mdlSpeedup)} faster (${mdlNote})`,
  });

  // Peak memory as the course grows: the same command on the first modules, then on all.
  const modules = [...new Set(files.map((f) => f.slice(courseDir.length + 1).split('/')[0]))].sort();
  const series = [];
  for (const share of [0.1, 0.3]) {
    const count = Math.max(1, Math.round(modules.length * share));
    const paths = modules.slice(0, count);
    const lessons = files.filter((f) => paths.includes(f.slice(courseDir.length + 1).split('/')[0])).length;
    const run = await cli(courseDir, [], paths);
    series.push({ lessons, peakMb: run.peakMb });
    log(`default jobs, ${lessons} lessons: peak ${mb(run.peakMb)}`);
  }
  series.push({ lessons: files.length, peakMb: parallel.peakMb });
  results.details.memory = { series, jobs1PeakMb: single.peakMb };
  const peak = Math.max(...series.map((s) => s.peakMb), single.peakMb, cold.peakMb);
  const growth = series[series.length - 1].peakMb / series[0].peakMb;
  row(`CLI peak memory at ${files.length} lessons`, '≤ 300 MB', {
    value: peak,
    limit: 300,
    text: `${mb(peak)} (default jobs ${mb(parallel.peakMb)}, writing a cold cache ${mb(cold.peakMb)}, --jobs 1 ${mb(single.peakMb)})`,
  });
  row('CLI peak memory, flat as N grows', `≤ 1.25× from ${series[0].lessons} to ${files.length} lessons`, {
    value: growth,
    limit: 1.25,
    text: `${x(growth)} (${series.map((s) => `${s.lessons}: ${mb(s.peakMb)}`).join(', ')})`,
  });
  row(`CLI, second run with --cache, unchanged ${files.length}-lesson course`, '≤ 3 s', {
    value: warm.wallMs / 1000,
    limit: 3,
    text: `${ms(warm.wallMs)} wall (${ms(warm.cpuMs)} CPU)`,
  });
}

// ───────────────────────────────────────────────────────────────────── LSP

async function lspRows() {
  const change = await didChangeLatency({ edits: 200, debounceMs: 0 });
  results.details.didChange = change;
  // Server time: didChange read → publishDiagnostics written, inside the server (server-timing.cjs); the client's round trip beside it.
  row('Server: didChange → diagnostics, sample lesson, server time (debounce 0), median', '≤ 12 ms', {
    value: change.serverMedianMs,
    limit: 12,
    text: `${ms(change.serverMedianMs)} (client round trip ${ms(change.medianMs)})`,
  });
  row('Server: didChange → diagnostics, p99', '≤ 30 ms', {
    value: change.serverP99Ms,
    limit: 30,
    text: `${ms(change.serverP99Ms)} (max ${ms(change.serverMaxMs)}, ${change.edits} edits; client round trip ${ms(change.p99Ms)})`,
  });

  const open = await openToDiagnostics({ runs: 7 });
  results.details.open = open;
  row('Server: open → first diagnostics for the sample, process start included (median of 7)', '≤ 400 ms', { value: open.medianMs, limit: 400, text: `${ms(open.medianMs)} (max ${ms(open.maxMs)})` });

  const workspace = join(WORK, 'workspace-2000');
  writeCourse(workspace, 2000, { seed: 2 });
  const index = await indexWorkspace(workspace);
  results.details.index = index;
  row('Server: index a 2,000-lesson workspace', '≤ 4 s', {
    value: index.ms / 1000,
    limit: 4,
    text: index.timedOut ? `not done after ${ms(index.ms)}` : `${ms(index.ms)} (workspace/symbol answered with ${index.symbols} symbols)`,
  });
  row('Server: resident memory after indexing 2,000 lessons', '≤ 200 MB', { value: index.rssMb, limit: 200, text: `${mb(index.rssMb)} resident (peak ${mb(index.hwmMb)})` });
}

// ───────────────────────────────────────────────────────────────────── main

function printTable() {
  const lines = ['| measure | target | measured | met |', '| --- | --- | --- | --- |'];
  for (const r of results.rows) lines.push(`| ${r.measure} | ${r.target} | ${r.measured} | ${r.met === undefined ? '?' : r.met ? 'yes' : '**no**'} |`);
  console.log(lines.join('\n'));
}

mkdirSync(WORK, { recursive: true });
for (const bundle of ['cli.js', 'cli-command.js', 'cli-worker.js', join('server', 'node.js')]) {
  if (!existsSync(join(root, 'dist', bundle))) {
    console.error(`dist/${bundle} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}
log(`machine: ${JSON.stringify(results.machine)}`);
try {
  const generated = SKIP.has('engine') && SKIP.has('cli') ? undefined : course();
  if (!SKIP.has('engine') || !SKIP.has('big')) {
    const bundle = await engineBundle();
    if (!SKIP.has('engine')) await engineRows(bundle, generated);
    if (!SKIP.has('big')) await bigLessonRows(bundle);
  }
  if (!SKIP.has('cli')) await cliRows(generated);
  if (!SKIP.has('lsp')) await lspRows();
} finally {
  results.machine.loadAverageAtEnd = loadavg().map((l) => l.toFixed(2)).join(' ');
  results.machine.benchSeconds = Math.round((performance.now() - started) / 1000);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${results.machine.benchSeconds} s; load average at start ${results.machine.loadAverageAtStart}, at end ${results.machine.loadAverageAtEnd}`);
  printTable();
}
