/**
 * The `lessonlint` command: check the files (check.ts), apply or write the
 * baseline, print the findings in the chosen format and choose the exit
 * code; `lessonlint report` (report.ts) and `--print-config` branch off here.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import { BaselineFormatError, createBaseline, filterBaselined, parseBaseline, serializeBaseline, type Baseline } from '../baseline/index';
import { cachingFileHost, ConfigError, loadConfigFor } from '../config/index';
import { allRules } from '../engine/rules';
import type { LintMessage } from '../engine/types';
import { fileResult, type FileResult, type FingerprintsByFile } from '../formats/types';
import { checkFiles, debugSummary, type CheckIO } from './check';
import { nodeFileHost, toPosixPath } from './host';
import { CliError, HELP, parseOptions, REPORT_HELP, UsageError, type CliOptions } from './options';
import { formatOutput, readTextFile, writeGithubStepSummary, writeOutput } from './output';
import { report } from './report';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<Uint8Array>;
  /** dist/cli-worker.js, for linting in worker threads; without it every lesson is linted in this thread. */
  workerScript?: string;
}

/** Runs the command; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug');
  const help = argv[0] === 'report' ? 'lessonlint report --help' : 'lessonlint --help';
  try {
    const options = parseOptions(argv, availableParallelism());
    debug = options.debug;
    if (options.help) {
      io.stdout.write(options.command === 'report' ? REPORT_HELP : HELP);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (options.printConfig !== undefined) return await printConfig(options, io);
    if (options.command === 'report') return await report(options, io, checkIO(options, io));
    return await lint(options, io);
  } catch (error) {
    io.stderr.write(`lessonlint: ${failureLine(error, debug, help)}\n`);
    return 2;
  }
}

function failureLine(error: unknown, debug: boolean, help: string): string {
  if (error instanceof UsageError) return `${error.message} (see ${help})`;
  if (error instanceof ConfigError || error instanceof CliError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error) {
    const origin = error.cause instanceof Error ? error.cause : error;
    return `internal error: ${message}\n${origin.stack ?? ''}`;
  }
  return `internal error: ${message.split('\n', 1)[0]} (run with --debug for details)`;
}

export function checkIO(options: CliOptions, io: CliIO): CheckIO {
  return {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    ...(io.workerScript !== undefined ? { workerScript: io.workerScript } : {}),
    debug: (line) => {
      if (options.debug) io.stderr.write(`lessonlint: debug: ${line}\n`);
    },
  };
}

async function printConfig(options: CliOptions, io: CliIO): Promise<number> {
  const lessonPath = toPosixPath(resolve(io.cwd, options.printConfig!));
  const explicitConfigPath = options.config === undefined ? undefined : toPosixPath(resolve(io.cwd, options.config));
  const { config, files } = await loadConfigFor(lessonPath, cachingFileHost(nodeFileHost), explicitConfigPath ? { explicitConfigPath } : {});
  if (options.debug) io.stderr.write(`lessonlint: debug: config files: ${files.join(' → ') || 'none (built-in defaults)'}\n`);
  const rules: Record<string, unknown> = {};
  for (const id of allRules.map((r) => r.meta.id).sort()) {
    const setting = config.rules.get(id);
    rules[id] = !setting ? 'off' : Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity;
  }
  io.stdout.write(`${JSON.stringify({ rules, template: config.template, ignores: config.ignores, limits: config.limits }, null, 2)}\n`);
  return 0;
}

async function readBaseline(path: string): Promise<Baseline> {
  const text = await readTextFile(path, 'the baseline file');
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineFormatError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Fingerprints of any selection of a run's messages (the same message objects, filtered). */
function fingerprinter(byMessage: ReadonlyMap<LintMessage, string>): (selection: readonly FileResult[]) => FingerprintsByFile {
  return (selection) => new Map(selection.map((r) => [r.filePath, r.messages.map((m) => byMessage.get(m)!)]));
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  const cio = checkIO(options, io);
  const needFingerprints = options.format === 'sarif' || options.baseline !== undefined || options.writeBaseline !== undefined;
  // Read before linting: a bad baseline file fails the run before --fix writes anything.
  const baselinePath = options.baseline === undefined ? undefined : resolve(io.cwd, options.baseline);
  let baseline = baselinePath === undefined ? undefined : await readBaseline(baselinePath);

  const checkResult = await checkFiles(options, cio, { fingerprints: needFingerprints, records: false });
  const { results, stats } = checkResult;
  const fingerprints = checkResult.fingerprints ? fingerprinter(checkResult.fingerprints) : undefined;

  if (options.writeBaseline !== undefined) {
    baseline = createBaseline(results, fingerprints!(results));
    const path = resolve(io.cwd, options.writeBaseline);
    await writeOutput(path, serializeBaseline(baseline), 'the baseline file');
    io.stderr.write(`lessonlint: wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} to the baseline ${options.writeBaseline}\n`);
  }
  let reports = results;
  if (baseline) {
    const filtered = filterBaselined(results, fingerprints!(results), baseline);
    reports = filtered.results;
    cio.debug(`baseline: ${filtered.baselinedCount} findings hidden, ${filtered.staleCount} baseline entries match nothing any more`);
  }

  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  const shown: FileResult[] = options.quiet ? reports.map((r) => fileResult(r.filePath, r.messages.filter((m) => m.severity === 'error'))) : reports;

  const colour = options.color ?? (options.outputFile === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR);
  const output = formatOutput(options.format, shown, {
    colour,
    cwd: io.cwd,
    ...(fingerprints ? { fingerprints: fingerprints(shown) } : {}),
  });
  if (options.outputFile !== undefined) await writeOutput(resolve(io.cwd, options.outputFile), output, 'the output file');
  else io.stdout.write(output);
  if (options.format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    const problem = await writeGithubStepSummary(io.env.GITHUB_STEP_SUMMARY, shown, io.env, io.cwd);
    if (problem) io.stderr.write(`lessonlint: ${problem}\n`);
  }

  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`lessonlint: too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
  for (const line of debugSummary(stats, started)) cio.debug(line);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
