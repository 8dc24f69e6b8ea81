/**
 * Finding, reading and validating config files. Host-agnostic: no Node
 * built-ins; files are read through an injected FileHost, so the CLI, the Node
 * language server and the browser worker share this code.
 *
 * How files combine: the NEAREST config file above a lesson applies alone on
 * top of the built-in defaults (no merging with config files further up),
 * unless it names another file in `extends`. An explicit config path replaces
 * the search.
 */
import { resolveConfig } from '../engine/config/resolve';
import type { ConfigFile, ResolvedConfig } from '../engine/config/types';
import { ConfigError } from './errors';
import { absoluteIgnorePattern } from './ignore';
import { parseConfigDocument, type ConfigDocument } from './parse';
import { basenameOf, dirnameOf, isAbsolutePath, joinPath, normalizePath } from './paths';
import { didYouMean } from './suggest';
import { validateConfig } from './validate';

export { ConfigError } from './errors';
export { isIgnored, absoluteIgnorePattern } from './ignore';
export { normalizePath, dirnameOf, joinPath } from './paths';
export type { ConfigFile, ResolvedConfig } from '../engine/config/types';

/** File access for the config loader. Paths are absolute and '/'-separated. */
export interface FileHost {
  /** The file's text, or undefined when there is no such (readable) file. */
  readFile(path: string): Promise<string | undefined>;
}

/** Names a config file may have, in the order they win when one folder holds several. */
export const CONFIG_FILE_NAMES = ['.lessonlint.jsonc', '.lessonlint.json', '.lessonlint.yaml', '.lessonlint.yml'];

const CONFIG_EXTENSION = /\.(?:jsonc?|ya?ml)$/i;

/** Parses and validates one config file's text; throws a ConfigError that names the line and column. */
export function parseConfigText(text: string, filePath: string): ConfigFile {
  return validateConfig(parseConfigDocument(text, filePath));
}

/**
 * The nearest config file, searching from the lesson's folder upward (to
 * `stopAt` inclusive when given, else to the root).
 */
export async function findConfigFile(lessonPath: string, host: FileHost, stopAt?: string): Promise<string | undefined> {
  const stop = stopAt === undefined ? undefined : normalizePath(stopAt);
  for (let dir = dirnameOf(lessonPath); ; ) {
    const candidates = CONFIG_FILE_NAMES.map((name) => joinPath(dir, name));
    const texts = await Promise.all(candidates.map((path) => host.readFile(path)));
    const found = candidates.find((_, i) => texts[i] !== undefined);
    if (found) return found;
    const parent = dirnameOf(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

interface LoadedFile {
  path: string;
  doc: ConfigDocument;
  config: ConfigFile;
}

/**
 * Longest config file that is parsed, in UTF-16 code units (about bytes).
 * Real ones are a few KB; a huge one (hostile or generated) would cost
 * seconds of parsing, validating and glob compiling before any lesson is
 * checked, in the CLI and on the language server's thread alike.
 */
export const MAX_CONFIG_LENGTH = 256 * 1024;

/**
 * Reads a config file and the files it `extends`, base first (`chain[0]` is
 * the file nothing extends; the last one is `configPath`), and `files` their
 * paths in the same order. Each file's `ignores` are rewritten as absolute
 * globs (relative to that file's folder).
 */
export async function loadConfigChain(configPath: string, host: FileHost): Promise<{ chain: ConfigFile[]; files: string[] }> {
  const loaded: LoadedFile[] = [];
  let path = normalizePath(configPath);
  let referrer: LoadedFile | undefined;
  for (;;) {
    const text = await host.readFile(path);
    if (text === undefined) {
      if (!referrer) throw new ConfigError(path, 'cannot read the config file (it does not exist or is not readable)');
      throw extendsError(referrer, `cannot read '${String(referrer.config.extends)}' named in extends (looked for ${path})`);
    }
    if (!CONFIG_EXTENSION.test(path)) throw new ConfigError(path, 'a config file must end in .jsonc, .json, .yaml or .yml');
    if (text.length > MAX_CONFIG_LENGTH) {
      throw new ConfigError(path, `the config file is too large to read (${Math.ceil(text.length / 1024)} KB; a config file may have at most ${MAX_CONFIG_LENGTH / 1024} KB)`);
    }
    const doc = parseConfigDocument(text, path);
    const config = validateConfig(doc);
    const dir = dirnameOf(path);
    if (config.ignores) config.ignores = config.ignores.map((pattern) => absoluteIgnorePattern(dir, pattern));
    const file: LoadedFile = { path, doc, config };
    loaded.unshift(file);
    if (config.extends === undefined) break;
    const next = nextInChain(file);
    const cycle = loaded.findIndex((l) => l.path === next);
    if (cycle >= 0) {
      const names = [...loaded.slice(0, cycle + 1)].reverse().map((l) => basenameOrPath(l.path, path));
      throw extendsError(file, `extends makes a cycle: ${[...names, basenameOrPath(next, path)].join(' → ')}`);
    }
    referrer = file;
    path = next;
  }
  checkTemplate(loaded);
  return { chain: loaded.map((l) => l.config), files: loaded.map((l) => l.path) };
}

/** The path a file's `extends` names: a relative path to a config file, never a package. */
function nextInChain(file: LoadedFile): string {
  const target = file.config.extends!;
  if (isAbsolutePath(target)) throw extendsError(file, `extends must be a relative path ('./' or '../'), not the absolute path '${target}'`);
  if (target.split('/').includes('node_modules')) throw extendsError(file, `extends must not point into node_modules ('${target}'): packages are not supported`);
  if (!CONFIG_EXTENSION.test(target)) throw extendsError(file, `extends must name a .jsonc, .json, .yaml or .yml file, not '${target}'`);
  return joinPath(dirnameOf(file.path), target);
}

function extendsError(file: LoadedFile, reason: string): ConfigError {
  return new ConfigError(file.path, reason, file.doc.locate(['extends']));
}

/** File names alone when the files share a folder, for short cycle messages. */
function basenameOrPath(path: string, reference: string): string {
  return dirnameOf(path) === dirnameOf(reference) ? basenameOf(path) : path;
}

/**
 * Checks that need the whole chain: section lists name lesson types that
 * exist, and min ≤ max. Reported at the last file that sets the value.
 */
function checkTemplate(loaded: readonly LoadedFile[]): void {
  const template = resolveConfig(loaded.map((l) => l.config)).template;
  const types = template.lessonTypes.map((t) => t.toLowerCase());
  for (const file of [...loaded].reverse()) {
    for (const type of Object.keys(file.config.template?.sections ?? {})) {
      if (type === 'default' || types.includes(type.toLowerCase())) continue;
      const expected = ['default', ...template.lessonTypes].map((t) => `'${t}'`).join(', ');
      throw new ConfigError(
        file.path,
        `template.sections names the lesson type '${type}', which template.lessonTypes does not list${didYouMean(type, template.lessonTypes)} (expected one of: ${expected})`,
        file.doc.locate(['template', 'sections', type], true),
      );
    }
  }
  for (const key of ['objectives', 'quiz'] as const) {
    const { min, max } = template[key];
    if (min <= max) continue;
    const file = [...loaded].reverse().find((l) => l.config.template?.[key]?.min !== undefined || l.config.template?.[key]?.max !== undefined)!;
    const field = file.config.template?.[key]?.min !== undefined ? 'min' : 'max';
    throw new ConfigError(file.path, `template.${key}.min (${min}) is greater than template.${key}.max (${max})`, file.doc.locate(['template', key, field]));
  }
}

/**
 * The configuration that applies to a lesson: the explicit config file when
 * given, else the nearest one above the lesson, else the built-in defaults.
 * `files` lists the config files read (base first), for watching them.
 */
export async function loadConfigFor(
  lessonPath: string,
  host: FileHost,
  options: { explicitConfigPath?: string; stopAt?: string } = {},
): Promise<{ config: ResolvedConfig; files: string[] }> {
  const configPath = options.explicitConfigPath ?? (await findConfigFile(lessonPath, host, options.stopAt));
  if (configPath === undefined) return { config: resolveConfig([]), files: [] };
  const { chain, files } = await loadConfigChain(configPath, host);
  return { config: resolveConfig(chain), files };
}

/** A FileHost that reads each path once (a CLI run, or one generation of a language server's cache). */
export function cachingFileHost(host: FileHost): FileHost {
  const cache = new Map<string, Promise<string | undefined>>();
  return {
    readFile(path) {
      let text = cache.get(path);
      if (!text) {
        text = host.readFile(path);
        cache.set(path, text);
      }
      return text;
    },
  };
}
