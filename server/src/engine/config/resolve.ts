/**
 * Merging configuration data onto the defaults. Validation against the JSON
 * Schema happens before this (see validate.ts); this step trusts its input.
 */
import { DEFAULT_LIMITS, type ComplexityLimits } from '../guard';
import { allRules } from '../rules';
import type { ConfigFile, ResolvedConfig, ResolvedRule, RuleSetting } from './types';
import { DEFAULT_TEMPLATE, type Template } from './template';

/** Plain-object merge: objects merge key by key, arrays and scalars replace. */
function merge<T>(base: T, override: unknown): T {
  if (override === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return override as T;
  if (typeof override !== 'object' || override === null || Array.isArray(override)) return override as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = merge(out[key], value);
  return out as T;
}

function ruleSetting(setting: RuleSetting): { severity: ResolvedRule['severity'] | 'off'; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  return { severity: setting[0], ...(setting[1] ? { options: setting[1] } : {}) };
}

/**
 * Resolves a chain of config files, base first (the file an `extends` names
 * comes before the file that names it). Later files override earlier ones.
 */
export function resolveConfig(chain: readonly ConfigFile[] = []): ResolvedConfig {
  let template: Template = DEFAULT_TEMPLATE;
  const rules = new Map<string, ResolvedRule>();
  for (const rule of allRules) rules.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: {} });
  const ignores: string[] = [];
  let limits: ComplexityLimits = { ...DEFAULT_LIMITS };
  for (const file of chain) {
    template = merge(template, file.template);
    for (const [id, setting] of Object.entries(file.rules ?? {})) {
      const { severity, options } = ruleSetting(setting);
      if (severity === 'off') {
        rules.delete(id);
        continue;
      }
      const previous = rules.get(id);
      rules.set(id, { severity, options: options ?? previous?.options ?? {} });
    }
    ignores.push(...(file.ignores ?? []));
    limits = { ...limits, ...file.limits };
  }
  return { template, rules, ignores, limits };
}

export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig();
