/**
 * Entry point of dist/cli-command.js: the thread that runs the `lessonlint`
 * command (run.ts) for the launcher in the main thread (main.ts). Its young
 * generation can be sized, which the main thread's cannot once Node has
 * started: see COMMAND_YOUNG_GENERATION_MB in main.ts. Everything the command
 * writes, and its exit code, goes to the launcher as messages, in order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { run } from './run';

/** What the launcher tells the command thread as it starts it. */
export interface CommandThreadData {
  argv: string[];
  /** Whether the process's stdout is a terminal (colours by default). */
  stdoutIsTTY: boolean;
}

/** Command thread → launcher. */
export type FromCommand =
  | { kind: 'stdout'; text: string }
  | { kind: 'stderr'; text: string }
  | { kind: 'read-stdin' }
  | { kind: 'exit'; code: number };

/** Launcher → command thread: all of stdin, once asked for, or why it could not be read. */
export type ToCommand = { kind: 'stdin'; bytes: Uint8Array } | { kind: 'stdin-failed'; message: string };

const port = parentPort;
if (!port) throw new Error('cli-command.js runs in a thread that dist/cli.js starts');
const data = workerData as CommandThreadData;

function send(message: FromCommand): void {
  port!.postMessage(message);
}

let stdinArrived: ((message: ToCommand) => void) | undefined;
port.on('message', (message: ToCommand) => stdinArrived?.(message));

function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    stdinArrived = (message) => (message.kind === 'stdin' ? resolve(message.bytes) : reject(new Error(message.message)));
    send({ kind: 'read-stdin' });
  });
}

// Built beside this file by scripts/build.mjs; absent only when the sources run unbundled (then lessons are linted in this thread).
const workerScript = join(__dirname, 'cli-worker.js');

void run(data.argv, {
  cwd: process.cwd(),
  env: process.env,
  stdout: { write: (text: string) => send({ kind: 'stdout', text }), isTTY: data.stdoutIsTTY },
  stderr: { write: (text: string) => send({ kind: 'stderr', text }) },
  readStdin,
  ...(existsSync(workerScript) ? { workerScript } : {}),
}).then((code) => {
  send({ kind: 'exit', code });
  // With the port closed nothing keeps the thread alive: it ends once the lint workers are gone.
  port.close();
});
