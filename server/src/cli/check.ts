/**
 * What `lessonlint` and `lessonlint report` share: find the files, leave out
 * the ignored ones, read them, take unchanged lessons from the cache, lint
 * the others (in this thread or in worker threads, each under the time
 * budget), write the fixes, then run the course rules over every lesson's
 * header. The result is in path order whatever the order the lints finished in.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { version } from '../../../package.json';
import { absoluteIgnorePattern, cachingFileHost, findConfigFile, isIgnored, loadConfigChain, type FileHost } from '../config/index';
import { resolveConfig } from '../engine/config/resolve';
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import { lintCourse } from '../engine/lint';
import type { LintMessage } from '../engine/types';
import { fileResult, type FileResult } from '../formats/types';
import type { LessonReportRecord } from '../report/index';
import { cacheFilePath, configKey, contentKey, LintCache } from './cache';
import { findFiles } from './files';
import { displayPath, nodeFileHost, toPosixPath } from './host';
import { IGNORE_FILE_NAME, IgnoreFiles } from './ignore-file';
import type { LintJobResult } from './lint-file';
import { CliError, LARGE_LESSON_BYTES, WORKER_THRESHOLD, type CliOptions } from './options';
import { InThreadLinter, WorkerPool, type Linter, type LintOutcome } from './pool';
import { decodeLesson, encodeLesson, outOfTime, readLessonFile, tooLarge, type LessonContent } from './read';

export interface CheckIO {
  cwd: string;
  readStdin(): Promise<Uint8Array>;
  /** dist/cli-worker.js; without it every lesson is linted in this thread. */
  workerScript?: string;
  debug(line: string): void;
}

/** One checked file: a lesson, or a file that could not be checked (with its one finding). */
export interface Checked {
  filePath: string;
  /** The file's own messages (lesson rules, or the reason it was not checked), in source order. */
  messages: LintMessage[];
  config: ResolvedConfig;
  course?: CourseLesson;
  /** The text the messages are about (after --fix), when `keepText` asked for it and there is one. */
  text?: string;
  /** With `records`: the report record of a lesson that was linted. */
  record?: LessonReportRecord;
}

export interface RunStats {
  /** Markdown files found. */
  files: number;
  ignored: number;
  notLessons: number;
  /** Lessons (and files that could not be checked) in the result. */
  checked: number;
  /** Files whose lint came from the cache (lessons and non-lessons). */
  fromCache: number;
  /** Files linted in this run. */
  linted: number;
  /** Times a lesson's text was parsed in this run: once per lint, plus once per --fix pass. */
  parses: number;
  /** Worker threads started (replacements included); 0 when everything ran in this thread. */
  workers: number;
  /** Lessons given up on by --max-lesson-time. */
  timedOut: number;
  fixed: number;
}

export interface CheckResult {
  /** In path order. */
  checked: Checked[];
  /** Parallel to `checked`: each file's messages with its course findings merged in. */
  results: FileResult[];
  stats: RunStats;
}

export interface CheckSettings {
  /** Keep each file's text, for fingerprints. */
  keepText: boolean;
  /** Build each lesson's report record. */
  records: boolean;
}

/** The --debug summary lines of a run: counts, the statistics as JSON (docs/cli.md) and the time taken. */
export function debugSummary(stats: RunStats, started: number): string[] {
  return [
    `${stats.checked} checked, ${stats.ignored} ignored, ${stats.notLessons} not lessons, ${stats.fixed} fixed, in ${Date.now() - started} ms`,
    `stats ${JSON.stringify(stats)}`,
  ];
}

interface Target {
  absolute: string;
  display: string;
  read(): Promise<LessonContent>;
  /** Absent for standard input. */
  write?(bytes: Uint8Array): Promise<void>;
}

/** Loads each config file once per run, however many lessons share it. */
export class Configs {
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

async function targetsOf(options: CliOptions, io: CheckIO): Promise<{ targets: Target[]; skippedLinks: string[] }> {
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

/** The folders whose .lessonlintignore applies: the current folder, and each folder (or glob base) on the command line. */
async function ignoreFileFolders(options: CliOptions, cwd: string): Promise<string[]> {
  const folders = [resolve(cwd)];
  if (options.stdin) return folders;
  for (const pattern of options.patterns) {
    const path = resolve(cwd, pattern);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) folders.push(path);
    else if (!info) folders.push(resolve(cwd, picomatch.scan(pattern).base || '.'));
  }
  return folders;
}

/** Whether the lints of this run go to worker threads, and how many. */
function workerCount(options: CliOptions, io: CheckIO, pending: readonly Pending[]): number {
  if (io.workerScript === undefined || pending.length === 0) return 0;
  const many = options.jobs > 1 && pending.length >= WORKER_THRESHOLD;
  const large = pending.some((p) => p.bytes > LARGE_LESSON_BYTES);
  return many || large || options.maxLessonTimeGiven ? Math.min(options.jobs, pending.length) : 0;
}

interface Pending {
  target: Target;
  text: string;
  bom: boolean;
  bytes: number;
  config: ResolvedConfig;
  configFiles: string[];
  configKey?: string;
}

export async function checkFiles(options: CliOptions, io: CheckIO, settings: CheckSettings): Promise<CheckResult> {
  const cwd = toPosixPath(io.cwd);
  const explicitConfig = options.config === undefined ? undefined : toPosixPath(resolve(io.cwd, options.config));
  const configs = new Configs(explicitConfig);
  const cliIgnores = options.ignorePatterns.map((pattern) => absoluteIgnorePattern(cwd, pattern));
  const stats: RunStats = { files: 0, ignored: 0, notLessons: 0, checked: 0, fromCache: 0, linted: 0, parses: 0, workers: 0, timedOut: 0, fixed: 0 };
  let ignoredByFile = 0;

  const { targets, skippedLinks } = await targetsOf(options, io);
  stats.files = targets.length;
  for (const link of skippedLinks) io.debug(`skipped ${displayPath(link, io.cwd)}: a link to outside the searched folder`);
  const ignoreFiles = await IgnoreFiles.load(await ignoreFileFolders(options, io.cwd));
  for (const path of ignoreFiles.paths) io.debug(`ignore file: ${displayPath(path, io.cwd)}`);
  const cache = options.cache ? await LintCache.load(await cacheFilePath(options.cacheLocation, io.cwd), version) : undefined;
  if (cache?.discarded) io.debug(`cache not used: ${cache.discarded}`);

  const checked: Checked[] = [];
  const pending: Pending[] = [];
  /** Each configuration is hashed once, however many lessons share it. */
  const configKeys = new Map<ResolvedConfig, string>();
  for (const target of targets) {
    const path = toPosixPath(target.absolute);
    const { config, files } = await configs.for(path);
    if (ignoreFiles.ignores(target.absolute)) {
      ignoredByFile++;
      io.debug(`skipped ${target.display}: ignored by ${IGNORE_FILE_NAME}`);
      continue;
    }
    if (isIgnored(path, [...config.ignores, ...cliIgnores])) {
      stats.ignored++;
      io.debug(`skipped ${target.display}: ignored by a pattern`);
      continue;
    }
    const content = await target.read();
    if (content.kind === 'problem') {
      checked.push({ filePath: target.display, messages: [content.message], config, ...(settings.keepText ? { text: '' } : {}) });
      continue;
    }
    const item: Pending = { target, text: content.text, bom: content.bom, bytes: Buffer.byteLength(content.text), config, configFiles: files };
    if (cache) {
      item.configKey = configKeys.get(config) ?? configKey(config);
      configKeys.set(config, item.configKey);
      const entry = cache.get(target.absolute, { content: contentKey(content.text, content.bom), config: item.configKey, filePath: target.display });
      // With --fix, a lesson with fixable findings is linted again to fix them.
      if (entry && !(options.fix && entry.isLesson && entry.messages.some((m) => m.fix))) {
        stats.fromCache++;
        if (!entry.isLesson) {
          stats.notLessons++;
          io.debug(`skipped ${target.display}: not a lesson (cached)`);
          continue;
        }
        io.debug(`${target.display}: from the cache`);
        checked.push({
          filePath: target.display,
          messages: entry.messages,
          config,
          ...(entry.course ? { course: entry.course } : {}),
          ...(settings.keepText ? { text: content.text } : {}),
        });
        continue;
      }
    }
    pending.push(item);
  }

  const workers = workerCount(options, io, pending);
  const linter: Linter = workers > 0 ? new WorkerPool(io.workerScript!, workers, options.maxLessonTime) : new InThreadLinter();
  let outcomes: LintOutcome[];
  try {
    outcomes = await Promise.all(
      pending.map((p) =>
        linter.lint({ filePath: p.target.display, text: p.text, fix: options.fix && p.target.write !== undefined, record: settings.records }, p.config).catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`while checking ${p.target.display}: ${message}`, { cause: error });
        }),
      ),
    );
  } finally {
    await linter.close();
    stats.workers = linter.workersStarted;
  }

  for (const [i, p] of pending.entries()) {
    const outcome = outcomes[i]!;
    stats.linted++;
    const display = p.target.display;
    if (outcome.kind === 'timed-out') {
      stats.timedOut++;
      cache?.delete(p.target.absolute);
      io.debug(`${display}: not checked, its lint took longer than --max-lesson-time`);
      checked.push({ filePath: display, messages: [outOfTime(options.maxLessonTime)], config: p.config, ...(settings.keepText ? { text: p.text } : {}) });
      continue;
    }
    const result: LintJobResult = outcome.result;
    stats.parses += result.parses;
    const text = result.fixedText ?? p.text;
    if (result.fixedText !== undefined) {
      await p.target.write!(encodeLesson(result.fixedText, p.bom));
      stats.fixed++;
    }
    if (cache && p.configKey !== undefined) {
      const key = { content: contentKey(text, p.bom), config: p.configKey, filePath: display };
      cache.set(
        p.target.absolute,
        result.isLesson ? { ...key, isLesson: true, messages: result.messages, ...(result.course ? { course: result.course } : {}) } : { ...key, isLesson: false },
      );
    }
    if (!result.isLesson) {
      stats.notLessons++;
      io.debug(`skipped ${display}: not a lesson (no lesson ID in the H1, the front matter or the file name)`);
      continue;
    }
    io.debug(`${display}: config ${p.configFiles.join(' → ') || 'none (built-in defaults)'}${result.fixedText !== undefined ? '; fixed' : ''}`);
    checked.push({
      filePath: display,
      messages: result.messages,
      config: p.config,
      ...(result.course ? { course: result.course } : {}),
      ...(settings.keepText ? { text } : {}),
      ...(result.record ? { record: result.record } : {}),
    });
  }
  await cache?.save();

  if (checked.length === 0) throw new CliError(nothingCheckedReason(options, stats, ignoredByFile));
  stats.checked = checked.length;
  stats.ignored += ignoredByFile;

  checked.sort((a, b) => compareText(a.filePath, b.filePath));
  // Course rules need one configuration: the explicit one, else that of the first lesson by path.
  const courseLessons = checked.flatMap((c) => (c.course ? [c.course] : []));
  const courseMessages = lintCourse(courseLessons, checked[0]!.config);
  const results = checked.map((c) => fileResult(c.filePath, [...c.messages, ...(courseMessages.get(c.filePath) ?? [])].sort(compareMessages)));
  return { checked, results, stats };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: line, column, then the rest so that equal positions print the same way every run. */
function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

function nothingCheckedReason(options: CliOptions, stats: RunStats, ignoredByFile: number): string {
  const where = options.stdin ? 'standard input' : options.patterns.length > 0 ? options.patterns.map((p) => `'${p}'`).join(', ') : 'the current folder';
  const found = stats.files;
  if (found === 0) return `no markdown files found in ${where}`;
  if (options.stdin) {
    if (ignoredByFile > 0) return `nothing checked: ${options.stdinFilename ?? 'standard input'} is ignored by ${IGNORE_FILE_NAME}`;
    return stats.ignored > 0
      ? `nothing checked: ${options.stdinFilename ?? 'standard input'} is ignored by an ignore pattern`
      : 'nothing checked: standard input is not a lesson (no lesson ID in the H1, the front matter or --stdin-filename)';
  }
  const parts = [
    ...(ignoredByFile > 0 ? [`${ignoredByFile} ignored by ${IGNORE_FILE_NAME}`] : []),
    ...(stats.ignored > 0 ? [`${stats.ignored} ignored by ignore patterns`] : []),
    ...(stats.notLessons > 0 ? [`${stats.notLessons} not lessons (no lesson ID in the H1, the front matter or the file name)`] : []),
  ];
  return `no lessons to check in ${where}: ${found} markdown file${found === 1 ? '' : 's'} found, ${parts.join(', ')}`;
}
