/** Command-line options of `lessonlint`. */
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, type ReportFormat } from '../report/index';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A run that cannot go on (nothing to check, a file that cannot be read or written): one line on stderr, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

export interface CliOptions {
  /** `lessonlint report …` describes the course instead of listing findings. */
  command: 'lint' | 'report';
  patterns: string[];
  format: OutputFormat;
  /** `lessonlint report --format`. */
  reportFormat: ReportFormat;
  outputFile?: string;
  config?: string;
  printConfig?: string;
  fix: boolean;
  quiet: boolean;
  /** -1: no limit. */
  maxWarnings: number;
  stdin: boolean;
  stdinFilename?: string;
  ignorePatterns: string[];
  maxFileSize: number;
  baseline?: string;
  writeBaseline?: string;
  cache: boolean;
  /** Where the cache lives: a file, or a folder to put `.lessonlintcache` in. */
  cacheLocation: string;
  /** Lessons linted at once (worker threads); 1 lints in this thread. */
  jobs: number;
  /** The time budget of one lesson's lint, in milliseconds. */
  maxLessonTime: number;
  /** --max-lesson-time was given: every lint then runs in a worker, so that the budget is enforced. */
  maxLessonTimeGiven: boolean;
  /** undefined: decide from the terminal and NO_COLOR. */
  color?: boolean;
  debug: boolean;
  version: boolean;
  help: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_MAX_LESSON_TIME = 10_000;
export const DEFAULT_CACHE_FILE = '.lessonlintcache';

/** With more lessons than this to lint, they are linted in worker threads (--jobs of them). */
export const WORKER_THRESHOLD = 50;
/** A lesson larger than this is linted in a worker even in a small run, so that --max-lesson-time holds. */
export const LARGE_LESSON_BYTES = 128 * 1024;

export const HELP = `Usage: lessonlint [options] [paths or globs...]
       lessonlint report [options] [paths or globs...]

Checks markdown lessons against the course template. With no path, checks the
current folder. Folders are searched for *.md files (node_modules and folders
whose name starts with '.' are skipped); markdown files that are not lessons
(a course README, notes) are skipped without findings. 'lessonlint report'
describes the course instead (see lessonlint report --help).

Options:
  -f, --format <name>          output format: stylish (default), json, sarif,
                               github (workflow commands; also appends a
                               summary to $GITHUB_STEP_SUMMARY when set) or
                               junit
  -o, --output-file <file>     write the output to <file> instead of stdout
  -c, --config <file>          use this config file for every lesson instead of
                               the nearest .lessonlint.* file
      --print-config <file>    print the configuration that applies to <file>
                               as JSON, then exit
      --fix                    apply the safe fixes to the files, then report
                               what remains
  -q, --quiet                  report errors only (hidden warnings still count
                               for --max-warnings)
      --max-warnings <n>       exit with 1 when there are more than <n> warnings
                               (default: -1, no limit)
      --baseline <file>        report only the findings that this baseline
                               file does not hold
      --write-baseline <file>  record every current finding in <file>, then
                               report against it (so nothing is reported)
      --cache                  skip lessons unchanged since the last run
      --cache-location <path>  the cache file, or a folder to keep it in
                               (default: .lessonlintcache in the current folder)
  -j, --jobs <n>               lessons linted at once in worker threads, used
                               from ${WORKER_THRESHOLD} lessons up (default: the number of
                               cores)
      --max-lesson-time <time> give up on a lesson whose lint takes longer,
                               with a lessonlint/too-complex finding (default:
                               10s; e.g. 500ms, 30s); when given, every lesson
                               is linted in a worker
      --stdin                  check the text on standard input
      --stdin-filename <name>  file name of the text on standard input (used to
                               find the config and the lesson ID)
      --ignore-pattern <glob>  skip files matching <glob>, relative to the
                               current folder (repeatable); .lessonlintignore
                               files (gitignore syntax) in the current folder
                               and in the folders given are read too
      --max-file-size <size>   report larger files as too large instead of
                               checking them (default: 2MB; e.g. 500KB, 8MB)
      --color, --no-color      force colour on or off (default: on in a
                               terminal, off when NO_COLOR is set)
      --debug                  print config files, skipped files, statistics
                               and timing to stderr, and stack traces of
                               internal errors
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or more
warnings than --max-warnings; 2 usage, configuration or internal error, or
nothing to check.
Documentation: docs/cli.md, docs/ci.md and docs/configuration.md.
`;

export const REPORT_HELP = `Usage: lessonlint report [options] [paths or globs...]

Describes the course for reviewers: per module the lessons with declared and
estimated minutes and status counts, course totals, the framework coverage
matrix (OWASP LLM / ML / Agentic entries, ATLAS tactics and techniques, and
the entries no lesson covers), the suppressions in force and the findings per
rule. Lessons are found and linted as 'lessonlint' does; findings do not
change the exit code.

Options:
  -f, --format <name>          markdown (default), html (one self-contained
                               file) or json
  -o, --output-file <file>     write the report to <file> instead of stdout
  -c, --config <file>          use this config file for every lesson
      --ignore-pattern <glob>  skip files matching <glob> (repeatable)
      --max-file-size <size>   report larger files as too large (default: 2MB)
  -j, --jobs <n>               lessons linted at once (default: the number of
                               cores; 1: in this thread)
      --max-lesson-time <time> give up on a lesson whose lint takes longer
                               (default: 10s)
      --debug                  print statistics and timing to stderr
  -h, --help                   print this help

Exit codes: 0 the report was written; 2 usage, configuration or internal
error, or nothing to report.
Documentation: docs/ci.md.
`;

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?|gb?)?$/i;
const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "2MB", "500 KB", "1048576" → bytes (KB = 1024 bytes). */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
  return bytes > 0 ? bytes : undefined;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** "10s", "500ms", "1.5m", "30" (seconds) → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const ms = Math.round(Number(match[1]) * DURATION_UNITS[(match[2] ?? 's').toLowerCase()]!);
  return ms > 0 ? ms : undefined;
}

/** "10 s", "1.5 s", "500 ms": how messages state a duration. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(3))} s` : `${ms} ms`;
}

/** Turns node:util's parse errors into one short line. */
function usageErrorOf(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return new UsageError(`unknown option '${option}'`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--[a-z-]+/.exec(message)?.[0];
    if (long && /argument missing/.test(message)) return new UsageError(`option '${long}' needs a value`);
    if (long) return new UsageError(`option '${long}' does not take a value`);
  }
  return new UsageError(message.split('. ')[0]!);
}

/** Options `lessonlint report` takes; the others are the lint run's business. */
const REPORT_OPTIONS = new Set(['format', 'output-file', 'config', 'ignore-pattern', 'max-file-size', 'jobs', 'max-lesson-time', 'debug', 'help']);

/** `cores`: the default of --jobs (os.availableParallelism() at the edge). */
export function parseOptions(argv: readonly string[], cores = 1): CliOptions {
  const command = argv[0] === 'report' ? 'report' : 'lint';
  // `--max-warnings -1` (ESLint's "no limit") would read as an option named -1.
  const args: string[] = [];
  for (let i = command === 'report' ? 1 : 0; i < argv.length; i++) {
    if (argv[i] === '--max-warnings' && argv[i + 1] === '-1') {
      args.push('--max-warnings=-1');
      i++;
    } else {
      args.push(argv[i]!);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'max-lesson-time': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const values = parsed.values;
  if (command === 'report') {
    const other = Object.keys(values).find((key) => !REPORT_OPTIONS.has(key));
    if (other) throw new UsageError(`'--${other}' is not an option of lessonlint report`);
  }

  let format: OutputFormat = 'stylish';
  let reportFormat: ReportFormat = 'markdown';
  if (command === 'report' && values.format !== undefined) {
    if (!REPORT_FORMATS.includes(values.format as ReportFormat)) {
      throw new UsageError(`unknown report format '${values.format}' (expected ${REPORT_FORMATS.join(', ')})`);
    }
    reportFormat = values.format as ReportFormat;
  } else if (values.format !== undefined) {
    if (!OUTPUT_FORMATS.includes(values.format as OutputFormat)) {
      throw new UsageError(`unknown format '${values.format}' (expected ${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)})`);
    }
    format = values.format as OutputFormat;
  }

  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^(?:\d+|-1)$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number (0 or more, or -1 for no limit), not '${values['max-warnings']}'`);
    maxWarnings = Number(values['max-warnings']);
  }

  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    const size = parseSize(values['max-file-size']);
    if (size === undefined) throw new UsageError(`--max-file-size needs a size such as 2MB, 500KB or 1048576, not '${values['max-file-size']}'`);
    maxFileSize = size;
  }

  let jobs = Math.max(1, cores);
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) throw new UsageError(`--jobs needs a whole number of 1 or more, not '${values.jobs}'`);
    jobs = Number(values.jobs);
  }

  let maxLessonTime = DEFAULT_MAX_LESSON_TIME;
  if (values['max-lesson-time'] !== undefined) {
    const ms = parseDuration(values['max-lesson-time']);
    if (ms === undefined) throw new UsageError(`--max-lesson-time needs a duration such as 10s, 500ms or 1m, not '${values['max-lesson-time']}'`);
    maxLessonTime = ms;
  }

  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  const stdin = values.stdin ?? false;
  if (stdin && parsed.positionals.length > 0) throw new UsageError('--stdin reads standard input; it cannot be combined with paths');
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdin && values.fix) throw new UsageError('--fix cannot be used with --stdin (there is no file to write the fixes to)');
  if (stdin && values.cache) throw new UsageError('--cache cannot be used with --stdin (there is no file to remember)');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  if (values.baseline !== undefined && values['write-baseline'] !== undefined) {
    throw new UsageError('--baseline and --write-baseline cannot be combined (--write-baseline reports against the baseline it writes)');
  }
  if (values['print-config'] !== undefined && (parsed.positionals.length > 0 || stdin || values.fix)) {
    throw new UsageError('--print-config <file> prints one configuration; it cannot be combined with paths, --stdin or --fix');
  }

  return {
    command,
    patterns: parsed.positionals,
    format,
    reportFormat,
    ...(values['output-file'] !== undefined ? { outputFile: values['output-file'] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    maxWarnings,
    stdin,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
    ignorePatterns: values['ignore-pattern'] ?? [],
    maxFileSize,
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['write-baseline'] !== undefined ? { writeBaseline: values['write-baseline'] } : {}),
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'] ?? DEFAULT_CACHE_FILE,
    jobs,
    maxLessonTime,
    maxLessonTimeGiven: values['max-lesson-time'] !== undefined,
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    debug: values.debug ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
  };
}
