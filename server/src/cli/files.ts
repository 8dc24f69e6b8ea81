/**
 * Which files a run checks: explicit files as given, folders walked for
 * *.md, globs expanded with tinyglobby. node_modules and names starting with
 * '.' are skipped; a symbolic link is followed only when its target lies
 * inside the folder being searched (the course root), and never twice.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './options';
// The CommonJS build: the ESM one reaches fdir's `createRequire(import.meta.url)`, which a CommonJS bundle leaves undefined.
import tinyglobby = require('tinyglobby');

const { glob, isDynamicPattern } = tinyglobby;

const MARKDOWN = /\.md$/i;

export interface FileSearch {
  /** Absolute paths, in no particular order (the report sorts). */
  files: string[];
  /** Files or links left out because they point outside the searched folder. */
  skippedLinks: string[];
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

class Collector {
  readonly skippedLinks: string[] = [];
  /**
   * By real path, so that a file reached twice (through a link and its own
   * path, or two arguments) is checked once, under its own path when it was
   * reached that way.
   */
  private readonly byRealPath = new Map<string, { path: string; viaLink: boolean }>();

  add(path: string, real: string, viaLink = false): void {
    const known = this.byRealPath.get(real);
    if (!known || (known.viaLink && !viaLink)) this.byRealPath.set(real, { path, viaLink });
  }

  get files(): string[] {
    return [...this.byRealPath.values()].map((f) => f.path);
  }

  /** `viaLink`: `dir` was reached through a symbolic link, so are the files in it. */
  async walk(dir: string, dirReal: string, rootReal: string, visited: Set<string>, viaLink = false): Promise<void> {
    let entries: Dirent[];
    try {
      // Synchronous, as nothing else runs yet: the promise-based walk of a 10,000-lesson course left 10-20 MB of its
      // garbage in the command thread's old generation for the whole run (docs/performance.md, change 15).
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder below the root holds nothing we can check.
    }
    // Name order, so that which of two links to one file is reported does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const real = await realpath(path).catch(() => undefined);
        if (!real || !isInside(real, rootReal)) {
          this.skippedLinks.push(path);
          continue;
        }
        const info = await stat(real);
        if (info.isDirectory()) {
          if (visited.has(real)) continue;
          visited.add(real);
          await this.walk(path, real, rootReal, visited, true);
        } else if (info.isFile() && MARKDOWN.test(entry.name)) {
          this.add(path, real, true);
        }
      } else if (entry.isDirectory()) {
        const real = join(dirReal, entry.name);
        if (visited.has(real)) continue;
        visited.add(real);
        await this.walk(path, real, rootReal, visited, viaLink);
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        this.add(path, join(dirReal, entry.name), viaLink);
      }
    }
  }

  async globbed(pattern: string, cwd: string): Promise<void> {
    const rootReal = await realpath(resolve(cwd, picomatch.scan(pattern).base || '.')).catch(() => resolve(cwd));
    const matches = await glob([pattern], {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false,
      ignore: ['**/node_modules/**'],
    });
    for (const match of matches.sort()) {
      const path = resolve(match);
      if (!MARKDOWN.test(path)) continue;
      const viaLink = (await lstat(path)).isSymbolicLink();
      const real = await realpath(path).catch(() => undefined);
      if (!real || (viaLink && !isInside(real, rootReal))) {
        this.skippedLinks.push(path);
        continue;
      }
      this.add(path, real, viaLink);
    }
  }
}

/**
 * Expands the command line's paths and globs (no argument: the current
 * folder). A path that does not exist and is not a glob is a usage error.
 */
export async function findFiles(patterns: readonly string[], cwd: string): Promise<FileSearch> {
  const collector = new Collector();
  for (const argument of patterns.length > 0 ? patterns : ['.']) {
    const path = resolve(cwd, argument);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const real = await realpath(path);
      await collector.walk(path, real, real, new Set([real]));
    } else if (info?.isFile()) {
      // A file named on the command line is checked whatever its extension.
      collector.add(path, await realpath(path));
    } else if (isDynamicPattern(argument)) {
      // tinyglobby wants '/' separators, also on Windows.
      await collector.globbed(sep === '\\' ? argument.replace(/\\/g, '/') : argument, cwd);
    } else {
      throw new UsageError(`no such file or folder: '${argument}'`);
    }
  }
  return { files: collector.files, skippedLinks: collector.skippedLinks };
}
