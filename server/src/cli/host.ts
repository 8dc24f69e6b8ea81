/** The config loader's FileHost over the real file system, and path conversions. */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { ConfigError, type FileHost } from '../config/index';

/** Native path → the '/'-separated form the config loader and ignore globs use. */
export function toPosixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** How reports name a file: relative to the current folder, '/' separators. */
export function displayPath(absolute: string, cwd: string): string {
  return toPosixPath(relative(cwd, absolute) || '.');
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export const nodeFileHost: FileHost = {
  async readFile(path) {
    try {
      return await readFile(resolve(path), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && MISSING.has(code)) return undefined;
      // A config file that exists but cannot be read must not be silently passed over.
      throw new ConfigError(path, `cannot read the config file (${code ?? String(error)})`);
    }
  },
};
