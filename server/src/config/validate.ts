/**
 * Validating config data against the generated schema validator, and turning
 * ajv's errors into one message that says what is wrong and where.
 */
import type { ErrorObject } from 'ajv';
import type { OwaspLlmEdition } from '../engine/config/template';
import type { ConfigFile } from '../engine/config/types';
import { ConfigError } from './errors';
import type { ConfigDocument, JsonPath } from './parse';
import { didYouMean } from './suggest';
import { validate as generatedValidator } from './validator.generated';

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const defaultValidator = generatedValidator as unknown as SchemaValidator;

interface Problem {
  path: JsonPath;
  /** Point at the key of the last path segment rather than its value. */
  atKey: boolean;
  reason: string;
}

/** Validates parsed data; returns it as a ConfigFile or throws a ConfigError. */
export function validateConfig(doc: ConfigDocument, validator: SchemaValidator = defaultValidator): ConfigFile {
  // An empty file (or one holding only comments) is an empty configuration.
  const data = doc.data === undefined || doc.data === null ? {} : doc.data;
  if (!validator(data)) {
    const problems = (validator.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => describe(e, data));
    const located = problems
      .map((problem, order) => ({ problem, order, position: doc.locate(problem.path, problem.atKey) }))
      .sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column || a.order - b.order);
    const first = located[0];
    if (first) {
      const others = new Set(located.map((l) => l.problem.reason)).size - 1;
      const more = others === 0 ? '' : ` (and ${others} more problem${others === 1 ? '' : 's'})`;
      throw new ConfigError(doc.filePath, first.problem.reason + more, first.position);
    }
    throw new ConfigError(doc.filePath, 'invalid configuration');
  }
  const config = data as ConfigFile;
  const edition: unknown = config.template?.owaspLlmEdition;
  // The schema admits `2025` as well as `'2025'` (YAML reads the former as a number); the engine compares strings.
  if (typeof edition === 'number') config.template!.owaspLlmEdition = String(edition) as OwaspLlmEdition;
  return config;
}

/** "/rules/a~1b/1" → ['rules', 'a/b', 1]: numbers where the data is an array. */
function pathOf(instancePath: string, data: unknown): JsonPath {
  const path: JsonPath = [];
  let node = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${show(value)}`;
}

/** How a message names the place: "rule 'x'", "option 'max' of rule 'x'", "template.quiz.min". */
function label(path: JsonPath): string {
  if (path.length === 0) return 'the configuration';
  if (path[0] === 'rules' && path.length >= 2) {
    const rule = `rule '${String(path[1])}'`;
    if (path.length === 2) return `the setting of ${rule}`;
    if (path[2] === 0) return `the severity of ${rule}`;
    const option = path.slice(3);
    return option.length === 0 ? `the options of ${rule}` : `option '${dotted(option)}' of ${rule}`;
  }
  return dotted(path);
}

function dotted(path: JsonPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const SEVERITIES = "'off', 'info', 'warning' or 'error'";

function describe(error: ErrorObject, data: unknown): Problem {
  const path = pathOf(error.instancePath, data);
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  const at = (reason: string): Problem => ({ path, atKey: false, reason });
  const isRuleSetting = path[0] === 'rules' && path.length === 2;
  const isSeverity = path[0] === 'rules' && (path.length === 2 || (path.length === 3 && path[2] === 0));

  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const hint = didYouMean(extra, allowed);
      const keyProblem = (reason: string): Problem => ({ path: [...path, extra], atKey: true, reason });
      if (path.length === 0) return keyProblem(`unknown property '${extra}'${hint} (expected ${allowed.map((k) => `'${k}'`).join(', ')})`);
      if (path.length === 1 && path[0] === 'rules') return keyProblem(`unknown rule '${extra}' in rules${hint}`);
      if (path[0] === 'rules' && path[2] === 1) {
        const rule = String(path[1]);
        if (allowed.length === 0 && path.length === 3) return keyProblem(`rule '${rule}' has no options (remove '${extra}')`);
        return keyProblem(`unknown option '${dotted([...path.slice(3), extra])}' for rule '${rule}'${hint}`);
      }
      if (path[0] === 'template') {
        const parent = path.length > 1 ? `${dotted(path.slice(1))}.` : '';
        return keyProblem(`unknown template setting '${parent}${extra}'${didYouMean(extra, allowed, parent)}`);
      }
      return keyProblem(`unknown property '${extra}' in ${label(path)}${hint}`);
    }
    case 'enum': {
      const allowed = [...new Set((params.allowedValues as unknown[]).map((v) => String(v)))];
      // Suggestions help with words ('warn'), not with numbers ('2024' is as near 2023 as 2025).
      const hint = typeof value === 'string' && /[a-z]/i.test(value) ? didYouMean(value, allowed) : '';
      if (isSeverity) return at(`invalid severity ${show(value)} for rule '${String(path[1])}'${hint} (expected ${SEVERITIES})`);
      return at(`${label(path)} is ${show(value)}${hint} (expected one of: ${allowed.map((v) => `'${v}'`).join(', ')})`);
    }
    case 'type': {
      if (isRuleSetting) return at(`${label(path)} must be a severity (${SEVERITIES}) or [severity, options], not ${typeOf(value)}`);
      const expected = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      return at(`${label(path)} must be ${expected}, not ${typeOf(value)}`);
    }
    case 'minItems':
    case 'maxItems': {
      if (isRuleSetting) return at(`${label(path)} must be [severity] or [severity, options], not a list of ${(value as unknown[]).length}`);
      const limit = Number(params.limit);
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return at(`${label(path)} must list ${bound} ${limit} item${limit === 1 ? '' : 's'}`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(`${label(path)} must be ${String(params.comparison)} ${String(params.limit)}, not ${show(value)}`);
    case 'uniqueItems': {
      // ajv scans from the end: `j` is the later of the two equal items, the one to point at.
      const second = Number(params.j);
      const items = value as unknown[];
      return { path: [...path, second], atKey: false, reason: `${label(path)} lists ${show(items[second])} twice` };
    }
    case 'pattern':
      if (path.length === 1 && path[0] === 'extends') {
        return at(`extends must be a relative path to a config file, starting with './' or '../', not ${show(value)} (package names are not supported)`);
      }
      if (path[0] === 'ignores' && path.length === 2) return at(`ignore pattern ${show(value)} must not be empty or start with '!' (negated patterns are not supported)`);
      if (typeof value === 'string' && !/\S/.test(value)) return at(`${label(path)} must not be blank`);
      return at(`${label(path)} is ${show(value)}, which does not match the pattern ${String(params.pattern)}`);
    case 'minLength':
      return at(`${label(path)} must not be empty`);
    case 'required':
      return at(`${label(path)} is missing '${String(params.missingProperty)}'`);
    default:
      return at(`${label(path)} ${error.message ?? 'is invalid'}`);
  }
}
