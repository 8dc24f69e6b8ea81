/** Entry point of dist/cli.js (bin/lessonlint.js requires it). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Built beside this file by scripts/build.mjs; absent only when the sources run unbundled (then lessons are linted in this thread).
const workerScript = join(__dirname, 'cli-worker.js');

// A reader that stops early (`lessonlint … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  ...(existsSync(workerScript) ? { workerScript } : {}),
}).then((code) => {
  // exitCode rather than exit(): lets a large report finish writing to a pipe.
  process.exitCode = code;
});
