// Language server latency: from `textDocument/didChange` to the diagnostics of
// that version, for the sample lesson, over N edits (each edit waits for the
// previous one's diagnostics, as a typist waiting for the squiggles would).
// Starts the real bundle (dist/server/node.js --stdio; run `npm run build`
// first) in a temporary course folder holding the sample lesson. The
// measurement itself lives in scripts/bench/lsp.mjs, which `npm run bench`
// runs too.
//
//   node scripts/bench-lsp.mjs [--edits N] [--pull] [--debounce MS] [--json]
//
// Reports the median and p99 twice: with the debounce the server uses by
// default (what an author sees) and with the debounce set to 0 (the server's
// own work: config lookup, lint, course rules, publishing).
import { didChangeLatency } from './bench/lsp.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const edits = option('--edits', 200);
const pull = args.includes('--pull');
const json = args.includes('--json');
const debounces = args.includes('--debounce') ? [option('--debounce', 150)] : [150, 0];

const results = [];
for (const debounceMs of debounces) results.push(await didChangeLatency({ edits, debounceMs, pull }));
if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(
      `lsp didChange → diagnostics (${r.mode}, debounce ${r.debounceMs} ms, ${r.edits} edits of the sample lesson): ` +
        `client round trip median ${r.medianMs.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms` +
        (r.serverMedianMs === undefined ? '' : `; server time median ${r.serverMedianMs.toFixed(1)} ms, p99 ${r.serverP99Ms.toFixed(1)} ms`),
    );
  }
}
