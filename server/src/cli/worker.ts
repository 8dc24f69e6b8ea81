/**
 * Entry point of dist/cli-worker.js: a worker thread of the CLI's lint pool
 * (pool.ts). It lints the lessons the command thread sends, one at a time, and
 * answers each with its result. It never touches the file system.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config/types';
import { lintFile } from './lint-file';
import type { FromWorker, ToWorker } from './pool';

const port = parentPort;
if (!port) throw new Error('cli-worker.js runs as a worker thread of the lessonlint CLI');

// Each lesson's syntax tree lives through its whole lint, so its nodes survive the scavenges that happen meanwhile,
// and V8's allocation-site pretenuring then allocates those nodes in the old generation for every later lesson:
// each tree became garbage that only a full collection frees. Without it, a 10,000-lesson run takes a fifth less
// CPU and no more memory (docs/performance.md, change 13). V8 flags are per process; this one is read as objects
// are allocated and collected, so setting it here, before the first lesson, is safe.
setFlagsFromString('--no-allocation-site-pretenuring');

/** Configurations by the ID the pool gave them; each is sent once per worker. */
const configs = new Map<number, ResolvedConfig>();

function send(message: FromWorker): void {
  port!.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  if (message.config) configs.set(message.configId, message.config);
  const config = configs.get(message.configId);
  try {
    if (!config) throw new Error(`configuration ${message.configId} was never sent to this worker`);
    send({ type: 'done', id: message.id, result: lintFile(message.job, config) });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    send({ type: 'failed', id: message.id, message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) });
  }
});

send({ type: 'ready' });
