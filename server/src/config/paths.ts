/**
 * Path helpers for the '/'-separated absolute paths that FileHost speaks
 * ("/home/a/course/x.md", "C:/course/x.md"). Not Node's `path`: this module
 * also runs in a browser worker.
 */

const ROOT = /^(?:[A-Za-z]:)?\//;

/** Collapses '//', '.' and '..' segments; keeps the root ('/' or 'C:/'). */
export function normalizePath(path: string): string {
  const root = ROOT.exec(path)?.[0] ?? '';
  const segments: string[] = [];
  for (const segment of path.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
      else if (!root) segments.push('..');
      continue;
    }
    segments.push(segment);
  }
  return root + segments.join('/') || '.';
}

/** The folder of a path; the root is its own folder. */
export function dirnameOf(path: string): string {
  const normalized = normalizePath(path);
  const root = ROOT.exec(normalized)?.[0] ?? '';
  const slash = normalized.lastIndexOf('/');
  if (slash < root.length) return root || '.';
  return normalized.slice(0, slash);
}

/** `relative` resolved against the folder `dir`; an absolute `relative` wins. */
export function joinPath(dir: string, relative: string): string {
  return normalizePath(ROOT.test(relative) ? relative : `${dir}/${relative}`);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isAbsolutePath(path: string): boolean {
  return ROOT.test(path);
}
