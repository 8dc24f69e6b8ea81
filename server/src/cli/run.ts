/**
 * The `lessonlint` command: find the files, read them, lint each lesson with
 * the configuration that applies to it, run the course checks over all of
 * them, print the report and choose the exit code.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import { absoluteIgnorePattern, cachingFileHost, ConfigError, findConfigFile, isIgnored, loadConfigChain, loadConfigFor, type FileHost } from '../config/index';
import { resolveConfig } from '../engine/config/resolve';
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import { fixText } from '../engine/fix';
import { lintCourse, lintLesson, toMessages } from '../engine/lint';
import { allRules } from '../engine/rules';
import type { LintMessage } from '../engine/types';
import { fileResult, type FileResult } from '../formats/types';
import { findFiles } from './files';
import { formatJson } from './format/json';
import { formatStylish } from './format/stylish';
import { displayPath, nodeFileHost, toPosixPath } from './host';
import { HELP, parseOptions, UsageError, type CliOptions } from './options';
import { decodeLesson, encodeLesson, readLessonFile, tooLarge, type LessonContent } from './read';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<Uint8Array>;
}

/** Runs the command; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const options = parseOptions(argv);
    debug = options.debug;
    if (options.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (options.printConfig !== undefined) return await printConfig(options, io);
    return await lint(options, io);
  } catch (error) {
    io.stderr.write(`lessonlint: ${failureLine(error, debug)}\n`);
    return 2;
  }
}

function failureLine(error: unknown, debug: boolean): string {
  if (error instanceof UsageError) return `${error.message} (see lessonlint --help)`;
  if (error instanceof ConfigError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error) {
    const origin = error.cause instanceof Error ? error.cause : error;
    return `internal error: ${message}\n${origin.stack ?? ''}`;
  }
  return `internal error: ${message.split('\n', 1)[0]} (run with --debug for details)`;
}

/** Loads each config file once per run, however many lessons share it. */
class Configs {
  private readonly host: FileHost = cachingFileHost(nodeFileHost);
  private readonly byConfigPath = new Map<string, Promise<{ config: ResolvedConfig; files: string[] }>>();

  constructor(private readonly explicitPath: string | undefined) {}

  async for(lessonPath: string): Promise<{ config: ResolvedConfig; files: string[] }> {
    const configPath = this.explicitPath ?? (await findConfigFile(lessonPath, this.host));
    const key = configPath ?? '';
    let loaded = this.byConfigPath.get(key);
    if (!loaded) {
      loaded =
        configPath === undefined
          ? Promise.resolve({ config: resolveConfig([]), files: [] })
          : loadConfigChain(configPath, this.host).then(({ chain, files }) => ({ config: resolveConfig(chain), files }));
      this.byConfigPath.set(key, loaded);
    }
    return loaded;
  }
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
  io.stdout.write(`${JSON.stringify({ rules, template: config.template, ignores: config.ignores }, null, 2)}\n`);
  return 0;
}

interface Target {
  absolute: string;
  display: string;
  read(): Promise<LessonContent>;
  /** Absent for standard input. */
  write?(bytes: Uint8Array): Promise<void>;
}

interface Checked {
  filePath: string;
  messages: LintMessage[];
  config: ResolvedConfig;
  course?: CourseLesson;
}

/** A file whose line breaks were all CRLF keeps CRLF where a fix inserted a bare LF. */
function keepLineEndings(original: string, fixed: string): string {
  const allCrlf = original.includes('\r\n') && !/(?:^|[^\r])\n/.test(original);
  return allCrlf ? fixed.replace(/\r?\n/g, '\r\n') : fixed;
}

async function targetsOf(options: CliOptions, io: CliIO): Promise<{ targets: Target[]; skippedLinks: string[] }> {
  if (options.stdin) {
    const bytes = await io.readStdin();
    const content = bytes.length > options.maxFileSize ? tooLarge(bytes.length, options.maxFileSize) : decodeLesson(bytes);
    const name = options.stdinFilename;
    const absolute = resolve(io.cwd, name ?? '<stdin>');
    return { targets: [{ absolute, display: name === undefined ? '<stdin>' : displayPath(absolute, io.cwd), read: async () => content }], skippedLinks: [] };
  }
  const { files, skippedLinks } = await findFiles(options.patterns, io.cwd);
  const targets = files.map(
    (absolute): Target => ({
      absolute,
      display: displayPath(absolute, io.cwd),
      read: () => readLessonFile(absolute, options.maxFileSize),
      write: (bytes) => writeFile(absolute, bytes),
    }),
  );
  return { targets, skippedLinks };
}

/** Lints (and with `fix`, fixes and rewrites) one file's text; undefined when it is not a lesson. */
async function checkLesson(
  target: Target,
  content: { text: string; bom: boolean },
  config: ResolvedConfig,
  fix: boolean,
): Promise<{ checked: Checked; fixed: boolean } | undefined> {
  try {
    const lintText = (text: string) => lintLesson(text, { filePath: target.display, config });
    let result = lintText(content.text);
    if (!result.lesson.isLesson) return undefined;
    let fixed = false;
    if (fix && target.write) {
      const text = keepLineEndings(content.text, fixText(content.text, (t) => lintText(t).findings).text);
      if (text !== content.text) {
        await target.write(encodeLesson(text, content.bom));
        fixed = true;
        result = lintText(text);
      }
    }
    const messages = toMessages(result.findings, result.lines);
    return { checked: { filePath: target.display, messages, config, ...(result.course ? { course: result.course } : {}) }, fixed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`while checking ${target.display}: ${message}`, { cause: error });
  }
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  const debug = (line: string) => {
    if (options.debug) io.stderr.write(`lessonlint: debug: ${line}\n`);
  };
  const cwd = toPosixPath(io.cwd);
  const explicitConfig = options.config === undefined ? undefined : toPosixPath(resolve(io.cwd, options.config));
  const configs = new Configs(explicitConfig);
  const cliIgnores = options.ignorePatterns.map((pattern) => absoluteIgnorePattern(cwd, pattern));

  const { targets, skippedLinks } = await targetsOf(options, io);
  for (const link of skippedLinks) debug(`skipped ${displayPath(link, io.cwd)}: a link to outside the searched folder`);
  let ignored = 0;
  let notLessons = 0;
  let fixedFiles = 0;
  const checked: Checked[] = [];
  for (const target of targets) {
    const path = toPosixPath(target.absolute);
    const { config, files } = await configs.for(path);
    if (isIgnored(path, [...config.ignores, ...cliIgnores])) {
      ignored++;
      debug(`skipped ${target.display}: ignored by a pattern`);
      continue;
    }
    const content = await target.read();
    if (content.kind === 'problem') {
      checked.push({ filePath: target.display, messages: [content.message], config });
      continue;
    }
    const lesson = await checkLesson(target, content, config, options.fix);
    if (!lesson) {
      notLessons++;
      debug(`skipped ${target.display}: not a lesson (no lesson ID in the H1, the front matter or the file name)`);
      continue;
    }
    debug(`${target.display}: config ${files.join(' → ') || 'none (built-in defaults)'}${lesson.fixed ? '; fixed' : ''}`);
    if (lesson.fixed) fixedFiles++;
    checked.push(lesson.checked);
  }

  if (checked.length === 0) {
    io.stderr.write(`lessonlint: ${nothingCheckedReason(options, targets.length, ignored, notLessons)}\n`);
    return 2;
  }

  checked.sort((a, b) => compareText(a.filePath, b.filePath));
  // Course rules need one configuration: the explicit one, else that of the first lesson by path.
  const courseLessons = checked.flatMap((c) => (c.course ? [c.course] : []));
  const courseMessages = lintCourse(courseLessons, checked[0]!.config);
  const allReports = checked.map((c) => fileResult(c.filePath, [...c.messages, ...(courseMessages.get(c.filePath) ?? [])].sort(compareMessages)));

  const errors = allReports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = allReports.reduce((n, r) => n + r.warningCount, 0);
  const shown: FileResult[] = options.quiet ? allReports.map((r) => fileResult(r.filePath, r.messages.filter((m) => m.severity === 'error'))) : allReports;

  const colour = options.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR);
  io.stdout.write(options.format === 'json' ? formatJson(shown) : formatStylish(shown, colour));

  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`lessonlint: too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
  debug(`${checked.length} checked, ${ignored} ignored, ${notLessons} not lessons, ${fixedFiles} fixed, in ${Date.now() - started} ms`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: line, column, then the rest so that equal positions print the same way every run. */
function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

function nothingCheckedReason(options: CliOptions, found: number, ignored: number, notLessons: number): string {
  const where = options.stdin ? 'standard input' : options.patterns.length > 0 ? options.patterns.map((p) => `'${p}'`).join(', ') : 'the current folder';
  if (found === 0) return `no markdown files found in ${where}`;
  if (options.stdin) {
    return ignored > 0
      ? `nothing checked: ${options.stdinFilename ?? 'standard input'} is ignored by an ignore pattern`
      : 'nothing checked: standard input is not a lesson (no lesson ID in the H1, the front matter or --stdin-filename)';
  }
  const parts = [
    ...(ignored > 0 ? [`${ignored} ignored by ignore patterns`] : []),
    ...(notLessons > 0 ? [`${notLessons} not lessons (no lesson ID in the H1, the front matter or the file name)`] : []),
  ];
  return `no lessons to check in ${where}: ${found} markdown file${found === 1 ? '' : 's'} found, ${parts.join(', ')}`;
}
