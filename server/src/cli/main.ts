/**
 * Entry point of dist/cli.js (bin/lessonlint.js requires it): the launcher.
 * It runs the command in a thread of its own (command-thread.ts, built as
 * dist/cli-command.js) and only relays: the thread's output to stdout and
 * stderr, stdin to the thread when the command asks for it, and its exit
 * code. It loads none of the CLI itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CommandThreadData, FromCommand, ToCommand } from './command-thread';

/**
 * The command thread's young generation, in MB: V8 makes that 4 MB
 * semi-spaces. The main thread's young generation cannot be sized at run
 * time, and the results a long run keeps made V8 grow it to its default
 * largest, 16 MB semi-spaces: 10,000 lessons peaked about 15 MB higher than
 * in this thread, 1.22-1.31× the peak of 1,000 lessons instead of
 * 1.11-1.21× (docs/performance.md, change 16).
 */
const COMMAND_YOUNG_GENERATION_MB = 8;

const commandScript = join(__dirname, 'cli-command.js');

// A reader that stops early (`lessonlint … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function fail(message: string): void {
  process.stderr.write(`lessonlint: internal error: ${message}\n`);
  process.exitCode = 2;
}

if (!existsSync(commandScript)) {
  fail(`${commandScript} is missing (run \`npm run build\`)`);
} else {
  const data: CommandThreadData = { argv: process.argv.slice(2), stdoutIsTTY: process.stdout.isTTY === true };
  const command = new Worker(commandScript, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: COMMAND_YOUNG_GENERATION_MB } });
  let exitCode: number | undefined;
  const reply = (message: ToCommand) => command.postMessage(message);
  command.on('message', (message: FromCommand) => {
    if (message.kind === 'stdout') process.stdout.write(message.text);
    else if (message.kind === 'stderr') process.stderr.write(message.text);
    else if (message.kind === 'exit') exitCode = message.code;
    else if (message.kind === 'read-stdin') {
      // A failed read is the command's to report, as any other input it cannot read.
      void readStdin().then(
        (bytes) => reply({ kind: 'stdin', bytes }),
        (error: unknown) => reply({ kind: 'stdin-failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
  command.on('error', (error) => fail(`the command stopped: ${error.stack ?? error.message}`));
  command.on('exit', (code) => {
    // exitCode rather than exit(): lets a large report finish writing to a pipe.
    if (exitCode !== undefined) process.exitCode = exitCode;
    else if (process.exitCode === undefined) fail(`the command stopped before it finished (thread exit code ${code})`);
  });
}
