// The parse floor: `unified().use(remarkParse).parse()` alone (CommonMark, no
// GFM, no model, no rules) over files, one at a time, the way a linter would
// meet them. Counts only the CPU time spent in parse() (reading the files is
// not counted), so that the ratio CLI CPU / floor CPU charges the CLI for
// everything it does beyond parsing: start-up, finding and reading files,
// GFM, the model, the rules, the course rules and the output.
//
//   node scripts/bench/floor.mjs LIST_FILE [--every K] [--repeat R] [--engine BUNDLE --call parseLesson|lintLesson]
//
// LIST_FILE holds one path per line; with --every K only every K-th file is
// parsed and the totals are scaled up by the share of bytes parsed (the
// benchmarks use it to keep a 10,000-lesson floor short). --repeat R goes
// over the files R times and keeps the fastest pass (the one least disturbed
// by other load on the machine). With --engine, the same files go through the
// engine bundle's parseLesson or lintLesson instead, in a process of their
// own, so that the engine and the floor never share a heap. Prints JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const every = Number(option('--every', 1));
const repeat = Number(option('--repeat', 1));
const bundle = option('--engine', undefined);
const call = option('--call', 'lintLesson');
const paths = readFileSync(args[0], 'utf8').split('\n').filter(Boolean);

let work;
if (bundle) {
  const engine = createRequire(import.meta.url)(bundle);
  const config = engine.DEFAULT_CONFIG;
  work = call === 'parseLesson' ? (text, filePath) => engine.parseLesson(text, filePath) : (text, filePath) => engine.lintLesson(text, { filePath, config });
} else {
  const processor = unified().use(remarkParse);
  work = (text) => processor.parse(text);
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

let totalBytes = 0;
const lessons = [];
for (let i = 0; i < paths.length; i++) {
  const bytes = readFileSync(paths[i]);
  totalBytes += bytes.length;
  if (i % every === 0) lessons.push({ path: paths[i], text: bytes.toString('utf8'), bytes: bytes.length });
}
const parsedBytes = lessons.reduce((n, l) => n + l.bytes, 0);

// Warm up on the first file (about 200 KB of parsing) so that the count is of parsing, not of compiling the parser.
const warmups = Math.max(1, Math.min(20, Math.floor(200_000 / lessons[0].bytes)));
for (let i = 0; i < warmups; i++) work(lessons[0].text, lessons[0].path);

let best = Infinity;
for (let pass = 0; pass < repeat; pass++) {
  let used = 0;
  for (const lesson of lessons) {
    const before = cpuMs();
    work(lesson.text, lesson.path);
    used += cpuMs() - before;
  }
  best = Math.min(best, used);
}
const estimatedCpuMs = (best * totalBytes) / parsedBytes;
console.log(JSON.stringify({ files: paths.length, parsed: lessons.length, totalBytes, parsedBytes, cpuMs: best, estimatedCpuMs, perLessonMs: estimatedCpuMs / paths.length }));
