/**
 * The configuration format (`.lessonlint.jsonc` / `.json` / `.yaml`). It is a
 * public interface: fields are only ever added. Configuration is data, never code.
 */
import type { Severity, SeveritySetting } from '../types';
import type { ComplexityLimits } from '../guard';
import type { Template } from './template';

export type RuleOptions = Record<string, unknown>;

/** `"warning"` or `["warning", { …options }]`, as in ESLint. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, RuleOptions];

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface ConfigFile {
  $schema?: string;
  /** A relative path to another config file whose settings this one starts from. */
  extends?: string;
  rules?: Record<string, RuleSetting>;
  template?: DeepPartial<Template>;
  /** Globs (relative to the config file's folder) of files never linted. */
  ignores?: string[];
  /** Raised (or lowered) limits of the complexity guard, for lessons it refuses to parse. */
  limits?: Partial<ComplexityLimits>;
}

export interface ResolvedRule {
  severity: Severity;
  options: RuleOptions;
}

/** What the engine runs with: defaults merged with a config file. */
export interface ResolvedConfig {
  template: Template;
  /** Enabled rules only; a rule set to `off` is absent. */
  rules: Map<string, ResolvedRule>;
  ignores: string[];
  /** The complexity guard's limits (guard.ts DEFAULT_LIMITS with the config's `limits` over them). */
  limits: ComplexityLimits;
}
