/** Entry point of dist/cli.js (bin/lessonlint.js requires it). */
import { run } from './run';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
}).then((code) => {
  // exitCode rather than exit(): lets a large report finish writing to a pipe.
  process.exitCode = code;
});
