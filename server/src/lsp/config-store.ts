/**
 * Configuration for each lesson, through the same loader as the CLI
 * (server/src/config), cached per folder. When a config file changes, every
 * entry reloads on next use; a reload that fails keeps the configuration the
 * folder had before (the last good one) and records the problem, which the
 * server shows as a diagnostic on the config file itself. A config file over
 * MAX_CONFIG_LENGTH (the shared loader's limit) is such a problem: it is not
 * parsed at all.
 */
import { CONFIG_FILE_NAMES, ConfigError, cachingFileHost, loadConfigFor, type FileHost } from '../config/index';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../engine/index';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Identifies the chain of files the configuration came from ('' for the defaults). */
  key: string;
  /** The config files of the chain, base first. */
  files: readonly string[];
}

/** A config file that could not be used. Line and column are 1-based. */
export interface ConfigProblem {
  filePath: string;
  line?: number;
  column?: number;
  message: string;
}


export const DEFAULT_LOADED: LoadedConfig = Object.freeze({ config: DEFAULT_CONFIG, key: '', files: [] });

interface Entry {
  loaded: LoadedConfig;
  generation: number;
}

export class ConfigStore {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<LoadedConfig>>();
  private generation = 0;
  /** Broken config files found since the last invalidation, by path. */
  readonly problems = new Map<string, ConfigProblem>();

  /** Reads each file once per generation: many folders look for the same config files. */
  private reads: FileHost;

  constructor(
    private readonly host: FileHost,
    private readonly log: (message: string) => void,
  ) {
    this.reads = cachingFileHost(host);
  }

  /** The configuration for a lesson at `path` (undefined: a document outside the course gets the defaults). */
  configFor(path: string | undefined, folder: string | undefined): Promise<LoadedConfig> {
    if (path === undefined) return Promise.resolve(DEFAULT_LOADED);
    const dir = folderOf(path);
    const entry = this.entries.get(dir);
    if (entry && entry.generation === this.generation) return Promise.resolve(entry.loaded);
    const key = `${this.generation}\u0000${dir}`;
    let promise = this.pending.get(key);
    if (!promise) {
      promise = this.reload(path, dir, folder, entry).finally(() => this.pending.delete(key));
      this.pending.set(key, promise);
    }
    return promise;
  }

  /** Whether a change to `path` can change some lesson's configuration. */
  affects(path: string): boolean {
    if (CONFIG_FILE_NAMES.includes(path.slice(path.lastIndexOf('/') + 1))) return true;
    for (const entry of this.entries.values()) if (entry.loaded.files.includes(path)) return true;
    return false;
  }

  /** A config file changed: reload on next use, and forget the problems found so far (they are found again). */
  invalidate(): void {
    this.generation++;
    this.problems.clear();
    this.reads = cachingFileHost(this.host);
  }

  private async reload(path: string, dir: string, folder: string | undefined, previous: Entry | undefined): Promise<LoadedConfig> {
    const generation = this.generation;
    let loaded: LoadedConfig;
    try {
      const { config, files } = await loadConfigFor(path, this.reads, folder === undefined ? {} : { stopAt: folder });
      loaded = { config, key: files.join('\n'), files: [...files] };
    } catch (error) {
      const problem = problemOf(error);
      if (problem) this.problems.set(problem.filePath, problem);
      else this.log(`lessonlint: loading the configuration for ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Keep running on the last good configuration of this folder.
      loaded = previous?.loaded ?? DEFAULT_LOADED;
    }
    if (generation === this.generation) this.entries.set(dir, { loaded, generation });
    return loaded;
  }
}

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? path.slice(0, at + 1) : path.slice(0, at);
}

/** A broken config file as a problem; undefined for anything else (a bug, which is logged). */
function problemOf(error: unknown): ConfigProblem | undefined {
  if (!(error instanceof ConfigError)) return undefined;
  return {
    filePath: error.filePath,
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    message: error.reason,
  };
}
