/** Command-line options of `lessonlint`. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OutputFormat = 'stylish' | 'json';

export interface CliOptions {
  patterns: string[];
  format: OutputFormat;
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
  /** undefined: decide from the terminal and NO_COLOR. */
  color?: boolean;
  debug: boolean;
  version: boolean;
  help: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export const HELP = `Usage: lessonlint [options] [paths or globs...]

Checks markdown lessons against the course template. With no path, checks the
current folder. Folders are searched for *.md files (node_modules and folders
whose name starts with '.' are skipped); markdown files that are not lessons
(a course README, notes) are skipped without findings.

Options:
  -f, --format <name>          output format: stylish (default) or json
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
      --stdin                  check the text on standard input
      --stdin-filename <name>  file name of the text on standard input (used to
                               find the config and the lesson ID)
      --ignore-pattern <glob>  skip files matching <glob>, relative to the
                               current folder (repeatable)
      --max-file-size <size>   report larger files as too large instead of
                               checking them (default: 2MB; e.g. 500KB, 8MB)
      --color, --no-color      force colour on or off (default: on in a
                               terminal, off when NO_COLOR is set)
      --debug                  print config files, skipped files and timing to
                               stderr, and stack traces of internal errors
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or more
warnings than --max-warnings; 2 usage, configuration or internal error.
Documentation: docs/cli.md and docs/configuration.md.
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

export function parseOptions(argv: readonly string[]): CliOptions {
  // `--max-warnings -1` (ESLint's "no limit") would read as an option named -1.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
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
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
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

  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`unknown format '${format}' (expected stylish or json)`);

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

  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  const stdin = values.stdin ?? false;
  if (stdin && parsed.positionals.length > 0) throw new UsageError('--stdin reads standard input; it cannot be combined with paths');
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdin && values.fix) throw new UsageError('--fix cannot be used with --stdin (there is no file to write the fixes to)');
  if (values['print-config'] !== undefined && (parsed.positionals.length > 0 || stdin || values.fix)) {
    throw new UsageError('--print-config <file> prints one configuration; it cannot be combined with paths, --stdin or --fix');
  }

  return {
    patterns: parsed.positionals,
    format,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    maxWarnings,
    stdin,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
    ignorePatterns: values['ignore-pattern'] ?? [],
    maxFileSize,
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    debug: values.debug ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
  };
}
