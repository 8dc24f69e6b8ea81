/**
 * What `lessonlint` and `lessonlint report` share: find the files, leave out
 * the ignored ones, take unchanged lessons from the cache, read and lint the
 * others (in this thread or in worker threads, each under the time budget),
 * write the fixes, then run the course rules over every lesson's header. The
 * result is in path order whatever the order the lints finished in.
 *
 * Memory stays flat as the course grows: a file is read when a lint slot is
 * free (at most `lintsInFlight` texts exist at once) and only what the output
 * needs outlives its lint — messages, the course header, the report record.
 * Fingerprints need the text the messages are about; the files with findings
 * are read again for them once the course rules have run.
 */
import { stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import { version } from '../../../package.json';
import { fingerprintMessages } from '../baseline/index';
import { absoluteIgnorePattern, cachingFileHost, findConfigFile, isIgnored, loadConfigChain, type FileHost } from '../config/index';
import { resolveConfig } from '../engine/config/resolve';
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import { lintCourse } from '../engine/lint';
import type { LintMessage } from '../engine/types';
import { fileResult, type FileResult } from '../formats/types';
import type { LessonReportRecord } from '../report/index';
import { cacheFilePath, configKey, contentKey, LintCache, type CacheEntry, type FileStamp, type LintKey } from './cache';
import { findFiles } from './files';
import { displayPath, nodeFileHost, toPosixPath } from './host';
import { IGNORE_FILE_NAME, IgnoreFiles } from './ignore-file';
import { CliError, LARGE_LESSON_BYTES, WORKER_THRESHOLD, type CliOptions } from './options';
import { InThreadLinter, WorkerPool, type Linter, type LintOutcome } from './pool';
import { decodeLesson, encodeLesson, outOfTime, readLessonBytes, readLessonFile, stampLessonFile, tooLarge, type FileProblem, type LessonContent } from './read';

export interface CheckIO {
  cwd: string;
  readStdin(): Promise<Uint8Array>;
  /** dist/cli-worker.js; without it every lesson is linted in this thread. */
  workerScript?: string;
  debug(line: string): void;
  /** Reads a lesson file's bytes (default: readLessonBytes); tests pass one that counts reads. */
  readFile?(path: string): Promise<Uint8Array>;
}

/** One checked file: a lesson, or a file that could not be checked (with its one finding). */
export interface Checked {
  filePath: string;
  /** The file's own messages (lesson rules, or the reason it was not checked), in source order. */
  messages: LintMessage[];
  config: ResolvedConfig;
  course?: CourseLesson;
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
  /** With `fingerprints`: the fingerprint of each message of `results`. */
  fingerprints?: Map<LintMessage, string>;
  stats: RunStats;
}

export interface CheckSettings {
  /** Fingerprint each message (baseline, SARIF). */
  fingerprints: boolean;
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
  /** Size and modification time before the content is read, or why the file cannot be checked. */
  stamp(): Promise<FileStamp | FileProblem>;
  read(): Promise<LessonContent>;
  /** Absent for standard input. */
  write?(bytes: Uint8Array): Promise<void>;
}

/** Loads each config file once per run, however many lessons share it, and looks for it once per folder. */
export class Configs {
  private readonly host: FileHost = cachingFileHost(nodeFileHost);
  private readonly byConfigPath = new Map<string, Promise<{ config: ResolvedConfig; files: string[] }>>();
  private readonly byFolder = new Map<string, Promise<{ config: ResolvedConfig; files: string[] }>>();

  constructor(private readonly explicitPath: string | undefined) {}

  for(lessonPath: string): Promise<{ config: ResolvedConfig; files: string[] }> {
    // The config that applies depends on the lesson's folder only.
    const folder = dirname(lessonPath);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.load(lessonPath);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async load(lessonPath: string): Promise<{ config: ResolvedConfig; files: string[] }> {
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
    return {
      targets: [
        {
          absolute,
          display: name === undefined ? '<stdin>' : displayPath(absolute, io.cwd),
          stamp: async () => ({ size: bytes.length, mtimeMs: 0 }),
          read: async () => content,
        },
      ],
      skippedLinks: [],
    };
  }
  const { files, skippedLinks } = await findFiles(options.patterns, io.cwd);
  const read = io.readFile ?? readLessonBytes;
  return { targets: files.map((absolute) => new FileTarget(absolute, displayPath(absolute, io.cwd), options.maxFileSize, read)), skippedLinks };
}

/** A lesson file; a class rather than closures, as there is one per file of the course for the whole run. */
class FileTarget implements Target {
  constructor(
    readonly absolute: string,
    readonly display: string,
    private readonly maxFileSize: number,
    private readonly readBytes: (path: string) => Promise<Uint8Array>,
  ) {}

  stamp(): Promise<FileStamp | FileProblem> {
    return stampLessonFile(this.absolute, this.maxFileSize);
  }

  read(): Promise<LessonContent> {
    return readLessonFile(this.absolute, this.readBytes);
  }

  write(bytes: Uint8Array): Promise<void> {
    return writeFile(this.absolute, bytes);
  }
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

/**
 * Whether the lints of this run go to worker threads, and how many. Decided
 * before any file is read, on the files the cache could not vouch for by
 * their stamp: a touched but unchanged file counts, though its content hash
 * will spare its lint (the pool starts no worker until a lint needs one).
 */
function workerCount(options: CliOptions, io: CheckIO, toRead: readonly Candidate[]): number {
  if (io.workerScript === undefined || toRead.length === 0) return 0;
  // Also with --jobs 1: in a worker, the garbage of the lessons' trees stays out of the heap that holds
  // the run's results, which the collector would otherwise trace again and again (a third less CPU).
  const many = toRead.length >= WORKER_THRESHOLD;
  const large = toRead.some((c) => c.stamp.size > LARGE_LESSON_BYTES);
  return many || large || options.maxLessonTimeGiven ? Math.min(options.jobs, toRead.length) : 0;
}

/** A file that is checked (not ignored) and has a stamp. */
interface Candidate {
  target: Target;
  config: ResolvedConfig;
  configFiles: string[];
  /** With --cache: what, besides the content, the lint depends on. */
  key?: LintKey;
  stamp: FileStamp;
}

/** A file that is checked, before its stamp is taken. */
type Included = Omit<Candidate, 'stamp'>;

/** Where a checked file's text comes from again, for its fingerprints. */
type TextSource =
  /** A file that could not be checked: its finding is about no text. */
  | { kind: 'none' }
  /** Read the file again and check that its content hash (contentKey) is the one linted. */
  | { kind: 'file'; target: Target; hash: string };

interface CheckedFile {
  checked: Checked;
  source: TextSource;
}

/** Runs `task` over `items`, at most `limit` at once; the first failure stops starting new ones and rejects. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const runner = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

export async function checkFiles(options: CliOptions, io: CheckIO, settings: CheckSettings): Promise<CheckResult> {
  const runStarted = Date.now();
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
  const cache = options.cache ? await LintCache.load(await cacheFilePath(options.cacheLocation, io.cwd), version, runStarted) : undefined;
  if (cache?.discarded) io.debug(`cache not used: ${cache.discarded}`);

  const files: CheckedFile[] = [];
  const notChecked = (target: Target, message: LintMessage, config: ResolvedConfig): void => {
    files.push({ checked: { filePath: target.display, messages: [message], config }, source: { kind: 'none' } });
  };
  /** Each configuration is hashed once, however many lessons share it. */
  const configKeys = new Map<ResolvedConfig, string>();
  const included: Included[] = [];
  for (const target of targets) {
    const path = toPosixPath(target.absolute);
    const { config, files: configFiles } = await configs.for(path);
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
    let key: LintKey | undefined;
    if (cache) {
      const hashed = configKeys.get(config) ?? configKey(config);
      configKeys.set(config, hashed);
      key = { config: hashed, filePath: target.display };
    }
    included.push({ target, config, configFiles, ...(key ? { key } : {}) });
  }

  /** A cache entry that holds the lint of this content; with --fix, one with fixable findings is linted again to fix them. */
  const usable = (entry: CacheEntry | undefined): entry is CacheEntry => entry !== undefined && !(options.fix && entry.isLesson && entry.messages.some((m) => m.fix));
  const fromCache = (c: Included, entry: CacheEntry, source: TextSource): void => {
    stats.fromCache++;
    if (!entry.isLesson) {
      stats.notLessons++;
      io.debug(`skipped ${c.target.display}: not a lesson (cached)`);
      return;
    }
    io.debug(`${c.target.display}: from the cache`);
    files.push({ checked: { filePath: c.target.display, messages: entry.messages, config: c.config, ...(entry.course ? { course: entry.course } : {}) }, source });
  };

  // Stamps first: the cache takes unchanged files by their stamp without reading them.
  const toRead: Candidate[] = [];
  for (const c of included) {
    const stamp = await c.target.stamp();
    if ('kind' in stamp) {
      notChecked(c.target, stamp.message, c.config);
      continue;
    }
    const entry = cache && c.key ? cache.byStamp(c.target.absolute, stamp, c.key) : undefined;
    if (usable(entry)) fromCache(c, entry, { kind: 'file', target: c.target, hash: entry.content });
    // Written out: an object spread and then given a property gets a hidden class of its own in V8 (200 bytes a file).
    else toRead.push({ target: c.target, config: c.config, configFiles: c.configFiles, key: c.key, stamp });
  }

  const workers = workerCount(options, io, toRead);
  const linter: Linter = workers > 0 ? new WorkerPool(io.workerScript!, workers, options.maxLessonTime) : new InThreadLinter();
  // Each worker has a lesson to lint and the next one waiting; in this thread, one is read while another is linted.
  const lintsInFlight = workers > 0 ? 2 * workers + 1 : 2;

  // Lints are handed to the linter in the order the files were found, whichever was read first: which lesson each
  // worker gets (and so what a stopped worker's replacement takes up) and the --debug lines do not depend on read timing.
  let previousHandedOver: Promise<void> = Promise.resolve();
  const lintOne = async (c: Candidate): Promise<void> => {
    const turn = previousHandedOver;
    let handOver!: () => void;
    previousHandedOver = new Promise((resolve) => (handOver = resolve));
    const { target, config } = c;
    const display = target.display;
    let lint: Promise<LintOutcome>;
    let content: LessonContent;
    let readHash = '';
    try {
      content = await target.read();
      await turn;
      if (content.kind === 'problem') {
        notChecked(target, content.message, config);
        return;
      }
      readHash = cache || settings.fingerprints ? contentKey(content.text, content.bom) : '';
      if (cache && c.key) {
        const entry = cache.byContent(target.absolute, readHash, c.stamp, c.key);
        if (usable(entry)) {
          fromCache(c, entry, { kind: 'file', target, hash: readHash });
          return;
        }
      }
      const job = { filePath: display, text: content.text, fix: options.fix && target.write !== undefined, record: settings.records };
      lint = linter.lint(job, config);
    } finally {
      handOver();
    }
    const outcome = await lint.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`while checking ${display}: ${message}`, { cause: error });
    });
    stats.linted++;
    if (outcome.kind === 'timed-out') {
      stats.timedOut++;
      cache?.delete(target.absolute);
      io.debug(`${display}: not checked, its lint took longer than --max-lesson-time`);
      files.push({
        checked: { filePath: display, messages: [outOfTime(options.maxLessonTime)], config },
        source: { kind: 'file', target, hash: readHash },
      });
      return;
    }
    const result = outcome.result;
    stats.parses += result.parses;
    let hash = readHash;
    if (result.fixedText !== undefined) {
      await target.write!(encodeLesson(result.fixedText, content.bom));
      stats.fixed++;
      if (cache || settings.fingerprints) hash = contentKey(result.fixedText, content.bom);
    }
    if (cache && c.key) {
      const { config: configHash, filePath } = c.key;
      cache.set(
        target.absolute,
        result.isLesson
          ? { content: hash, config: configHash, filePath, isLesson: true, messages: result.messages, course: result.course }
          : { content: hash, config: configHash, filePath, isLesson: false },
        c.stamp,
      );
    }
    if (!result.isLesson) {
      stats.notLessons++;
      io.debug(`skipped ${display}: not a lesson (no lesson ID in the H1, the front matter or the file name)`);
      return;
    }
    io.debug(`${display}: config ${c.configFiles.join(' → ') || 'none (built-in defaults)'}${result.fixedText !== undefined ? '; fixed' : ''}`);
    files.push({
      checked: {
        filePath: display,
        messages: result.messages,
        config,
        ...(result.course ? { course: result.course } : {}),
        ...(result.record ? { record: result.record } : {}),
      },
      source: { kind: 'file', target, hash },
    });
  };

  try {
    await forEachLimited(toRead, lintsInFlight, lintOne);
  } finally {
    await linter.close();
    stats.workers = linter.workersStarted;
  }
  await cache?.save();

  if (files.length === 0) throw new CliError(nothingCheckedReason(options, stats, ignoredByFile));
  stats.checked = files.length;
  stats.ignored += ignoredByFile;

  files.sort((a, b) => compareText(a.checked.filePath, b.checked.filePath));
  const checked = files.map((f) => f.checked);
  // Course rules need one configuration: the explicit one, else that of the first lesson by path.
  const courseLessons = checked.flatMap((c) => (c.course ? [c.course] : []));
  const courseMessages = lintCourse(courseLessons, checked[0]!.config);
  const results = checked.map((c) => fileResult(c.filePath, [...c.messages, ...(courseMessages.get(c.filePath) ?? [])].sort(compareMessages)));
  if (!settings.fingerprints) return { checked, results, stats };
  return { checked, results, stats, fingerprints: await fingerprintsOf(files, results, lintsInFlight) };
}

/**
 * The fingerprints of every message, from the text each file's messages are
 * about: read again, a few files at a time, for the files that have
 * messages. A file whose content is not the one linted (edited during the
 * run) would give fingerprints of other text: the run stops instead.
 */
async function fingerprintsOf(files: readonly CheckedFile[], results: readonly FileResult[], inFlight: number): Promise<Map<LintMessage, string>> {
  const byMessage = new Map<LintMessage, string>();
  const withMessages = results.flatMap((result, i) => (result.messages.length > 0 ? [{ result, source: files[i]!.source }] : []));
  await forEachLimited(withMessages, inFlight, async ({ result, source }) => {
    let text = '';
    if (source.kind === 'file') {
      const content = await source.target.read();
      if (content.kind !== 'text' || contentKey(content.text, content.bom) !== source.hash) {
        throw new CliError(`${result.filePath} changed while lessonlint was checking it; run lessonlint again`);
      }
      text = content.text;
    }
    const prints = fingerprintMessages(result.filePath, text, result.messages);
    result.messages.forEach((m, k) => byMessage.set(m, prints[k]!));
  });
  return byMessage;
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
