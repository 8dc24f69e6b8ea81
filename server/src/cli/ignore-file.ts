/**
 * `.lessonlintignore`: files never checked, in gitignore syntax (`ignore`
 * package: `#` comments, `!` negation, a trailing `/` for folders, `**`).
 * The file is read from the current folder and from each folder named on the
 * command line (the course root); its patterns are relative to its folder and
 * apply to the files below it.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { toPosixPath } from './host';

export const IGNORE_FILE_NAME = '.lessonlintignore';

interface IgnoreFile {
  dir: string;
  rules: Ignore;
}

export class IgnoreFiles {
  private constructor(private readonly files: readonly IgnoreFile[]) {}

  /** Reads `.lessonlintignore` in each folder that has one; `dirs` are absolute. */
  static async load(dirs: readonly string[]): Promise<IgnoreFiles> {
    const files: IgnoreFile[] = [];
    for (const dir of new Set(dirs)) {
      const text = await readFile(join(dir, IGNORE_FILE_NAME), 'utf8').catch(() => undefined);
      if (text !== undefined) files.push({ dir, rules: ignore().add(text) });
    }
    return new IgnoreFiles(files);
  }

  /** The ignore files read, for --debug. */
  get paths(): string[] {
    return this.files.map((f) => join(f.dir, IGNORE_FILE_NAME));
  }

  /** Whether an ignore file whose folder holds the absolute `path` ignores it. */
  ignores(path: string): boolean {
    return this.files.some(({ dir, rules }) => {
      const inside = relative(dir, path);
      if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return false;
      return rules.ignores(toPosixPath(inside));
    });
  }
}
