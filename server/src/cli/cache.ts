/**
 * `--cache`: what each lesson's lint produced, keyed by the hash of its
 * content and of the configuration it was linted with, so that a later run
 * skips unchanged lessons without parsing them. An entry holds the lesson's
 * own messages and its course header (CourseLesson): the course rules run
 * again on every run, over the headers (cached or fresh), so that editing
 * one lesson updates the course findings of the lessons that depend on it.
 *
 * The file is JSON: { version, tool, entries: { <absolute path>: entry } }.
 * A different tool version or file format discards it all; a different
 * configuration or content misses that lesson's entry only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ResolvedConfig } from '../engine/config/types';
import type { CourseLesson } from '../engine/course/types';
import type { LintMessage } from '../engine/types';
import { DEFAULT_CACHE_FILE } from './options';

const CACHE_FORMAT = 1;

export type CacheEntry = {
  /** sha256 of the lesson's content (its BOM included). */
  content: string;
  /** configKey() of the configuration it was linted with. */
  config: string;
  /** The path as reported: messages and headers name it. */
  filePath: string;
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

export class LintCache {
  private constructor(
    private readonly path: string,
    private readonly tool: string,
    private readonly entries: Map<string, CacheEntry>,
    /** Why the file on disk was not used, for --debug. */
    readonly discarded: string | undefined,
  ) {}

  private readonly seen = new Set<string>();

  /** Reads the cache file; a missing, unreadable or outdated one starts an empty cache. */
  static async load(path: string, tool: string): Promise<LintCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return new LintCache(path, tool, new Map(), undefined);
    }
    let data: Partial<CacheFile>;
    try {
      data = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      return new LintCache(path, tool, new Map(), 'the cache file is not valid JSON');
    }
    if (data.version !== CACHE_FORMAT || typeof data.entries !== 'object' || data.entries === null) {
      return new LintCache(path, tool, new Map(), 'the cache file has another format');
    }
    if (data.tool !== tool) return new LintCache(path, tool, new Map(), `the cache was written by lessonlint ${String(data.tool)}`);
    return new LintCache(path, tool, new Map(Object.entries(data.entries)), undefined);
  }

  /** The entry of a lesson whose content, configuration and reported path are all unchanged. */
  get(absolutePath: string, key: { content: string; config: string; filePath: string }): CacheEntry | undefined {
    this.seen.add(absolutePath);
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.content !== key.content || entry.config !== key.config || entry.filePath !== key.filePath) return undefined;
    return entry;
  }

  set(absolutePath: string, entry: CacheEntry): void {
    this.seen.add(absolutePath);
    this.entries.set(absolutePath, entry);
  }

  /** A lesson that could not be linted (too large, too slow…) is linted again next time. */
  delete(absolutePath: string): void {
    this.seen.add(absolutePath);
    this.entries.delete(absolutePath);
  }

  /**
   * Writes the cache, keeping the entries of lessons this run did not see
   * while their files exist; written to a temporary file and renamed, so a
   * run that is stopped never leaves half a cache.
   */
  async save(): Promise<void> {
    const entries: Record<string, CacheEntry> = {};
    for (const [path, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.seen.has(path) || existsSync(path)) entries[path] = entry;
    }
    const data: CacheFile = { version: CACHE_FORMAT, tool: this.tool, entries };
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(data));
    await rename(temporary, this.path);
  }
}
