// Language server benchmarks through a real stdio client: the bundle
// dist/server/node.js (run `npm run build` first) started as an editor starts
// it, driven with vscode-languageserver-protocol over its stdin/stdout.
//
// - didChangeLatency: `textDocument/didChange` → the diagnostics of that
//   version, over N edits of the sample lesson, each edit waiting for the
//   previous one's diagnostics (a typist waiting for the squiggles);
// - openToDiagnostics: from spawning the server to the first diagnostics of
//   the sample lesson, process start, initialize and the first lint included;
// - indexWorkspace: from spawning the server on a course folder to the answer
//   of `workspace/symbol` (which waits until every lesson is indexed), and the
//   server's resident memory then (VmRSS/VmHWM from /proc).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';
import { SAMPLE, SAMPLE_NAME } from './course.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER = join(root, 'dist', 'server', 'node.js');
const SERVER_TIMING = join(root, 'scripts', 'bench', 'server-timing.cjs');

/** The line and character of `offset` in `text`. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Resident memory of a live process, from the OS. */
function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

/**
 * Starts the server on `folder` and initializes it. Resolves to the client
 * side: the connection, the child process, `published(uri, version)` (a
 * promise of that version's diagnostics) and `stop()`.
 */
async function startServer(folder, { debounceMs = 150, pull = false, nodeArgs = [], timesFile } = {}) {
  // With timesFile, server-timing.cjs records each edit's server time (see there).
  const timing = timesFile ? ['--require', SERVER_TIMING] : [];
  const env = timesFile ? { ...process.env, LESSONLINT_BENCH_TIMES: timesFile } : process.env;
  const child = spawn(process.execPath, [...nodeArgs, ...timing, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}#${params.version}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(params.diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.listen();

  const folderUri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, symbol: {} },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: {} } : {}) },
    },
    initializationOptions: { debounceMs },
  });
  await connection.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  let stopping;
  const stop = () => (stopping ??= shutdown());
  const shutdown = async () => {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    connection.dispose();
    if (child.exitCode === null) child.kill();
  };
  return { connection, child, published, stop };
}

/** A temporary course folder holding the sample lesson. */
function sampleFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'lessonlint-bench-lsp-'));
  writeFileSync(join(folder, SAMPLE_NAME), SAMPLE);
  return folder;
}

/** Typing in the narration of slide 2 of the sample: insert a word, then take it out again, `edits` times. */
export async function didChangeLatency({ edits = 200, debounceMs = 0, pull = false } = {}) {
  const folder = sampleFolder();
  const timesFile = join(folder, 'server-times.json');
  const server = await startServer(folder, { debounceMs, pull, timesFile });
  const { connection } = server;
  try {
    const uri = pathToFileURL(join(folder, SAMPLE_NAME)).href;
    let text = SAMPLE;
    let version = 1;
    const opened = server.published(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    if (pull) await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    else await opened;

    const anchor = text.indexOf('Anthropic. January 2024.') + 'Anthropic.'.length;
    const times = [];
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const start = positionAt(text, anchor);
      const change = insert
        ? { range: { start, end: start }, text: ' Indeed.' }
        : { range: { start, end: positionAt(text, anchor + ' Indeed.'.length) }, text: '' };
      text = insert ? text.slice(0, anchor) + ' Indeed.' + text.slice(anchor) : text.slice(0, anchor) + text.slice(anchor + ' Indeed.'.length);
      version++;
      const done = pull ? undefined : server.published(uri, version);
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (pull) await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      else await done;
      times.push(performance.now() - started);
    }
    await server.stop();
    // Server time (didChange read → publishDiagnostics written, in the server); pull mode publishes nothing.
    const serverTimes = pull ? [] : JSON.parse(readFileSync(timesFile, 'utf8'));
    const serverSide = serverTimes.length > 0 ? { serverMedianMs: percentile(serverTimes, 50), serverP99Ms: percentile(serverTimes, 99), serverMaxMs: Math.max(...serverTimes) } : {};
    return { debounceMs, mode: pull ? 'pull' : 'push', edits, medianMs: percentile(times, 50), p99Ms: percentile(times, 99), maxMs: Math.max(...times), ...serverSide };
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Spawn → first diagnostics of the sample, `runs` times (a fresh server each time). */
export async function openToDiagnostics({ runs = 7 } = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const folder = sampleFolder();
    const started = performance.now();
    const server = await startServer(folder);
    try {
      const uri = pathToFileURL(join(folder, SAMPLE_NAME)).href;
      const first = server.published(uri, 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAMPLE } });
      await first;
      times.push(performance.now() - started);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return { runs, medianMs: percentile(times, 50), maxMs: Math.max(...times), times };
}

/** Spawn on `folder` → `workspace/symbol` answered (every lesson indexed); memory of the server then. */
export async function indexWorkspace(folder, { nodeArgs = [], timeoutMs = 90_000 } = {}) {
  const started = performance.now();
  const server = await startServer(folder, { nodeArgs });
  try {
    // Past the timeout the index is reported as not done (the benchmark must end in time).
    const symbols = await Promise.race([
      server.connection.sendRequest('workspace/symbol', { query: '' }),
      new Promise((resolve) => setTimeout(() => resolve('timed-out'), timeoutMs)),
    ]);
    const ms = performance.now() - started;
    const memory = processMemory(server.child.pid);
    return { ms, timedOut: symbols === 'timed-out', symbols: Array.isArray(symbols) ? symbols.length : 0, ...memory };
  } finally {
    await server.stop();
  }
}
