// Preloaded (`node --require`) into the language server by scripts/bench/lsp.mjs
// when LESSONLINT_BENCH_TIMES names a file: the server time of each edit, from
// the moment the server's stdin delivers a didChange to the moment it writes
// the publishDiagnostics of that version, measured inside the server process so
// the client's encoding, the pipes and the client's wake-up are left out. At
// exit the times (ms) go to the file as a JSON array. Only the main thread.
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const out = process.env.LESSONLINT_BENCH_TIMES;
if (out && isMainThread) {
  const DID_CHANGE = /"method":"textDocument\/didChange","params":\{"textDocument":\{"uri":"[^"]*","version":(\d+)/g;
  const receivedAt = new Map();
  const times = [];
  process.stdin.prependListener('data', (chunk) => {
    const now = performance.now();
    for (const match of chunk.toString('latin1').matchAll(DID_CHANGE)) receivedAt.set(Number(match[1]), now);
  });
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (data, ...rest) => {
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
    if (text.includes('"textDocument/publishDiagnostics"')) {
      const version = /"version":(\d+)/.exec(text.slice(text.lastIndexOf('"version"')));
      const started = version && receivedAt.get(Number(version[1]));
      if (started !== undefined && started !== null) {
        times.push(performance.now() - started);
        receivedAt.delete(Number(version[1]));
      }
    }
    return write(data, ...rest);
  };
  process.on('exit', () => writeFileSync(out, JSON.stringify(times)));
}
