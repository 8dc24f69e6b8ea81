/**
 * `--cache`: what each lesson's lint produced, keyed by the hash of its
 * content and of the configuration it was linted with, so that a later run
 * skips unchanged lessons without parsing them. An entry holds the lesson's
 * own messages and its course header (CourseLesson): the course rules run
 * again on every run, over the headers (cached or fresh), so that editing
 * one lesson updates the course findings of the lessons that depend on it.
 *
 * An entry also holds the file's size and modification time, taken before
 * the file was read (ESLint's and Prettier's "metadata" strategy): when both
 * are unchanged the file is not even read. When either differs, the content
 * hash decides, so a touched but unchanged file stays a hit. A file modified
 * within TIMESTAMP_GRANULARITY_MS of the run that read it could be written
 * again without its time changing (racy-git): its entry keeps no metadata,
 * and the next run reads and hashes it.
 *
 * The file is JSON: { version, tool, entries: { <absolute path>: entry } }.
 * A different tool version or file format discards it all; a different
 * configuration or content misses that lesson's entry only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import type { LintMessage } from '../engine/types';
import { DEFAULT_CACHE_FILE } from './options';

const CACHE_FORMAT = 2;

/**
 * How far apart two writes of a file must be for its modification time to
 * tell them apart: FAT's 2 s is the coarsest in use; it also covers the
 * kernel's coarse clock and small skews between a network file system's
 * clock and this machine's.
 */
export const TIMESTAMP_GRANULARITY_MS = 2000;

/** A file's size and modification time, as fs.stat gives them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export type CacheEntry = {
  /** sha256 of the lesson's content (its BOM included). */
  content: string;
  /** configKey() of the configuration it was linted with. */
  config: string;
  /** The path as reported: messages and headers name it. */
  filePath: string;
  /** The file's stamp when its content was read; absent when that content cannot be told apart by its stamp (see the header). */
  stamp?: FileStamp;
} & ({ isLesson: false } | { isLesson: true; messages: LintMessage[]; course?: CourseLesson });

interface CacheFile {
  version: number;
  tool: string;
  entries: Record<string, CacheEntry>;
}

/** JSON with object keys sorted and Maps as sorted entries: equal configurations give equal text. */
function stableJson(value: unknown): string {
  if (value instanceof Map) return stableJson([...value].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)));
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The effective configuration, serialized whole (rules, options, template and any later field) and hashed. */
export function configKey(config: ResolvedConfig): string {
  return sha256(stableJson(config));
}

export function contentKey(text: string, bom: boolean): string {
  return sha256(`${bom ? '\uFEFF' : ''}${text}`);
}

/** The cache file: --cache-location names the file, or a folder (existing, or written with a trailing '/') to keep it in. */
export async function cacheFilePath(location: string, cwd: string): Promise<string> {
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (await stat(path).catch(() => undefined))?.isDirectory();
  return isFolder ? join(path, DEFAULT_CACHE_FILE) : path;
}

/** What identifies a lint besides the content: the configuration and the reported path. */
export interface LintKey {
  config: string;
  filePath: string;
}

export class LintCache {
  private constructor(
    private readonly path: string,
    private readonly tool: string,
    private readonly entries: Map<string, CacheEntry>,
    /** Why the file on disk was not used, for --debug. */
    readonly discarded: string | undefined,
    /** When this run started (this machine's clock): stamps this close to it are not trusted. */
    private readonly runStartedMs: number,
  ) {}

  private readonly seen = new Set<string>();
  /** Whether save() has anything to write: an entry set or deleted, or no usable file on disk. */
  private changed = true;

  /**
   * Reads the cache file; a missing, unreadable or outdated one starts an
   * empty cache. `runStartedMs`: Date.now() before any lesson was looked at.
   */
  static async load(path: string, tool: string, runStartedMs: number): Promise<LintCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return new LintCache(path, tool, new Map(), undefined, runStartedMs);
    }
    let data: Partial<CacheFile>;
    try {
      data = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      return new LintCache(path, tool, new Map(), 'the cache file is not valid JSON', runStartedMs);
    }
    if (data.version !== CACHE_FORMAT || typeof data.entries !== 'object' || data.entries === null) {
      return new LintCache(path, tool, new Map(), 'the cache file has another format', runStartedMs);
    }
    if (data.tool !== tool) return new LintCache(path, tool, new Map(), `the cache was written by lessonlint ${String(data.tool)}`, runStartedMs);
    const cache = new LintCache(path, tool, new Map(Object.entries(data.entries)), undefined, runStartedMs);
    cache.changed = false;
    return cache;
  }

  /**
   * The entry of a lesson whose stamp, configuration and reported path are
   * all unchanged: its content is then taken as unchanged without reading it.
   */
  byStamp(absolutePath: string, stamp: FileStamp, key: LintKey): CacheEntry | undefined {
    const entry = this.entries.get(absolutePath);
    if (!entry?.stamp || entry.stamp.size !== stamp.size || entry.stamp.mtimeMs !== stamp.mtimeMs || !sameKey(entry, key)) return undefined;
    this.seen.add(absolutePath);
    return entry;
  }

  /**
   * The entry of a lesson whose content, configuration and reported path are
   * all unchanged; it takes the stamp the file has now (read before its
   * content), so that the next run need not read it.
   */
  byContent(absolutePath: string, content: string, stamp: FileStamp, key: LintKey): CacheEntry | undefined {
    this.seen.add(absolutePath);
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.content !== content || !sameKey(entry, key)) return undefined;
    const trusted = this.trusted(stamp);
    if (entry.stamp?.size !== trusted?.size || entry.stamp?.mtimeMs !== trusted?.mtimeMs) this.set(absolutePath, entry, stamp);
    return entry;
  }

  /** Records a lint of the content read after `stamp` was taken. */
  set(absolutePath: string, entry: CacheEntry, stamp: FileStamp): void {
    this.seen.add(absolutePath);
    this.entries.set(absolutePath, withStamp(entry, this.trusted(stamp)));
    this.changed = true;
  }

  /** A lesson that could not be linted (too large, too slow…) is linted again next time. */
  delete(absolutePath: string): void {
    this.seen.add(absolutePath);
    if (this.entries.delete(absolutePath)) this.changed = true;
  }

  /**
   * A stamp that tells this content apart from any later one: the file was
   * last modified well before this run began, so a later write gets a later
   * time. A stamp at or after that line may be shared with a write that
   * happens in the same clock tick as the read.
   */
  private trusted(stamp: FileStamp): FileStamp | undefined {
    return stamp.mtimeMs < this.runStartedMs - TIMESTAMP_GRANULARITY_MS ? { size: stamp.size, mtimeMs: stamp.mtimeMs } : undefined;
  }

  /**
   * Writes the cache, keeping the entries of lessons this run did not see
   * while their files exist; written to a temporary file and renamed, so a
   * run that is stopped never leaves half a cache. A run that changed
   * nothing does not write it.
   */
  async save(): Promise<void> {
    const kept = [...this.entries].filter(([path]) => this.seen.has(path) || existsSync(path));
    if (kept.length < this.entries.size) this.changed = true;
    if (!this.changed) return;
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeCacheFile(temporary, this.tool, kept);
    await rename(temporary, this.path);
  }
}

/** Bytes of JSON gathered before each write. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes `{ version, tool, entries }` as JSON.stringify would, entry by
 * entry: the whole text of a 10,000-lesson cache (12 MB) would otherwise sit
 * in memory at the end of the run, on top of everything the run holds.
 */
async function writeCacheFile(target: string, tool: string, entries: ReadonlyArray<[string, CacheEntry]>): Promise<void> {
  const file = await open(target, 'w');
  try {
    let chunk = `{"version":${CACHE_FORMAT},"tool":${JSON.stringify(tool)},"entries":{`;
    for (let i = 0; i < entries.length; i++) {
      const [path, entry] = entries[i]!;
      chunk += `${i > 0 ? ',' : ''}${JSON.stringify(path)}:${JSON.stringify(entry)}`;
      if (chunk.length >= WRITE_CHUNK) {
        await file.write(chunk);
        chunk = '';
      }
    }
    await file.write(`${chunk}}}`);
  } finally {
    await file.close();
  }
}

/**
 * The entry with this stamp (or none), written out field by field: an object
 * spread and then given a property gets a hidden class of its own in V8,
 * some 200 bytes for each lesson of the run.
 */
function withStamp(entry: CacheEntry, stamp: FileStamp | undefined): CacheEntry {
  const { content, config, filePath } = entry;
  return entry.isLesson
    ? { content, config, filePath, stamp, isLesson: true, messages: entry.messages, course: entry.course }
    : { content, config, filePath, stamp, isLesson: false };
}

function sameKey(entry: CacheEntry, key: LintKey): boolean {
  return entry.config === key.config && entry.filePath === key.filePath;
}
