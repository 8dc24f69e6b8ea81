/**
 * Ignore globs. A config file's `ignores` are relative to its folder; once
 * loaded they are kept as absolute globs, so that a resolved configuration
 * (which may combine files from several folders) carries no hidden base.
 */
import picomatch from 'picomatch/posix';
import { dirnameOf, normalizePath } from './paths';

/** `pattern` (relative to `dir`) as an absolute glob; glob characters in `dir` are escaped. */
export function absoluteIgnorePattern(dir: string, pattern: string): string {
  let base = normalizePath(dir);
  let relative = pattern.replace(/^(?:\.?\/)+/, '');
  let end = relative.length;
  while (end > 0 && relative[end - 1] === '/') end--;
  relative = relative.slice(0, end);
  while (relative.startsWith('../')) {
    base = dirnameOf(base);
    relative = relative.slice(3);
  }
  const escaped = base.replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
  return `${escaped.endsWith('/') ? escaped : `${escaped}/`}${relative}`;
}

const matchers = new Map<string, (path: string) => boolean>();

function matcherOf(pattern: string): (path: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true });
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/**
 * Whether an absolute '/'-separated path is ignored: a pattern matches the
 * file or one of its folders (so `drafts` ignores everything in drafts/).
 */
export function isIgnored(filePath: string, absolutePatterns: readonly string[]): boolean {
  if (absolutePatterns.length === 0) return false;
  const candidates = [normalizePath(filePath)];
  for (let dir = dirnameOf(candidates[0]!); dir !== candidates[candidates.length - 1]; dir = dirnameOf(dir)) candidates.push(dir);
  return absolutePatterns.some((pattern) => {
    const matches = matcherOf(pattern);
    return candidates.some((candidate) => matches(candidate));
  });
}
