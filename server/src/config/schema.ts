/**
 * The JSON Schema (draft-07) of a config file, built from the rule registry
 * and the template defaults. scripts/build-schema.mjs writes it to
 * server/schemas/lessonlint.schema.json (for editors) and compiles it into
 * validator.generated.ts (for the CLI and the language servers).
 */
import type { Rule } from '../engine/rule';
import { allRules } from '../engine/rules';
import { DEFAULT_TEMPLATE, type OwaspLlmEdition, type Template } from '../engine/config/template';
import { DEFAULT_LIMITS, type ComplexityLimits } from '../engine/guard';

export type JsonSchema = Record<string, unknown>;

export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;

/** Every edition the template type allows (a Record, so a new edition fails to compile until listed). */
const OWASP_LLM_EDITIONS: Record<OwaspLlmEdition, true> = { '2023': true, '2025': true, '2026': true };

const stringList = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'array',
  description,
  items: { type: 'string', pattern: '\\S' },
  uniqueItems: true,
  ...extra,
});

/** Every limit of the guard (a Record, so a new limit fails to compile until described). */
const LIMIT_DESCRIPTIONS: Record<keyof ComplexityLimits, string> = {
  maxBytes: 'Largest lesson, in UTF-8 bytes.',
  maxLines: 'Most lines in a lesson.',
  maxNesting: 'Deepest nesting of lists and block quotes.',
  maxNestedLines: 'Most lines inside lists and block quotes, each counted once per level it sits in.',
  maxLazyLines: 'Longest run of lines that continue a list item or block quote paragraph without its indentation or ">".',
  maxInlineMarkers: 'Most emphasis, strikethrough and link-bracket characters (* _ ~ [ ]) in one paragraph.',
};

const countRange = (what: string): JsonSchema => ({
  min: { type: 'integer', minimum: 0, description: `Fewest ${what} a lesson may have.` },
  max: { type: 'integer', minimum: 1, description: `Most ${what} a lesson may have.` },
});

/**
 * Hand-written schemas for the template fields whose shape cannot be read off
 * the default value (enums, records, integers) or that deserve a description.
 * Fields without an entry get a schema inferred from their default.
 */
const TEMPLATE_FIELDS: Record<string, JsonSchema> = {
  owaspLlmEdition: {
    description: "OWASP Top 10 for LLM Applications edition that a tag without ':YYYY' refers to.",
    // YAML reads `owaspLlmEdition: 2025` as a number; both spellings mean the same edition.
    enum: Object.keys(OWASP_LLM_EDITIONS).flatMap((e) => [e, Number(e)]),
  },
  lessonTypes: stringList('Values the Type field may take.', { minItems: 1 }),
  statuses: stringList('Values the Status field may take.', { minItems: 1 }),
  sections: {
    type: 'object',
    description: "H2 section titles in template order, per lesson type; 'default' applies to types not listed.",
    additionalProperties: stringList('Section titles in order.', { minItems: 1 }),
  },
  objectives: {
    type: 'object',
    description: 'Learning objectives: count and verbs.',
    properties: {
      ...countRange('learning objectives'),
      actionVerbs: stringList('Measurable verbs an objective may start with.'),
      vagueVerbs: stringList('Verbs that are too vague for an objective (a warning).'),
    },
  },
  quiz: { type: 'object', description: 'Quiz item count.', properties: countRange('quiz items') },
  wordsPerMinute: { type: 'number', exclusiveMinimum: 0, description: 'Speaking rate used to estimate minutes from spoken words.' },
  wordTolerance: { type: 'number', minimum: 0, description: 'Allowed relative difference between declared and counted words (0.15 = ±15%).' },
  minuteTolerance: { type: 'number', minimum: 0, description: 'Allowed relative difference between declared and estimated minutes (0.2 = ±20%).' },
  placeholderTitles: stringList('Titles that are placeholders, not titles.'),
};

/** A schema that accepts values shaped like `value` (objects closed to unknown keys). */
function inferSchema(value: unknown, known: JsonSchema | undefined): JsonSchema {
  if (Array.isArray(value)) {
    const itemType = value.every((v) => typeof v === 'string') ? 'string' : value.every((v) => typeof v === 'number') ? 'number' : undefined;
    return known ?? { type: 'array', ...(itemType ? { items: { type: itemType } } : {}) };
  }
  if (value !== null && typeof value === 'object') {
    const knownProperties = (known?.properties ?? {}) as Record<string, JsonSchema>;
    if (known && !known.properties) return known;
    const properties: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries(value)) properties[key] = inferSchema(child, knownProperties[key]);
    return { type: 'object', ...known, properties, additionalProperties: false };
  }
  if (known) return known;
  if (typeof value === 'number') return { type: 'number', minimum: 0 };
  return { type: typeof value };
}

function templateSchema(template: Template): JsonSchema {
  const description = 'Overrides of the course template: a field given here replaces the default; objects merge field by field.';
  return inferSchema(template, { description, properties: TEMPLATE_FIELDS });
}

/** A severity alone, or [severity, options] (as in ESLint). */
function settingSchema(optionsSchema: JsonSchema): JsonSchema {
  return {
    // if/then/else rather than anyOf: only the errors of the branch that applies are reported.
    if: { type: 'string' },
    then: { $ref: '#/definitions/severity' },
    else: { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/severity' }, optionsSchema] },
  };
}

function ruleSchema(rule: Rule): JsonSchema {
  const { meta } = rule;
  const description = `${meta.description} Default: ${meta.defaultSeverity}. Docs: docs/rules/${meta.id}.md`;
  // Rules without options share one definition, so the generated validator has one copy of it.
  if (!meta.optionsSchema) return { description, allOf: [{ $ref: '#/definitions/settingWithoutOptions' }] };
  return { description, ...settingSchema(meta.optionsSchema) };
}

export function buildConfigSchema(rules: readonly Rule[] = allRules, template: Template = DEFAULT_TEMPLATE): JsonSchema {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Lessonlint configuration',
    description: 'A .lessonlint.jsonc / .lessonlint.json / .lessonlint.yaml file. See docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: { enum: [...SEVERITY_SETTINGS], description: "'off' disables the rule." },
      settingWithoutOptions: settingSchema({ type: 'object', properties: {}, additionalProperties: false }),
    },
    properties: {
      $schema: { type: 'string', description: 'The schema this file is written against (for editors).' },
      extends: {
        type: 'string',
        pattern: '^\\.\\.?/',
        description: "Relative path ('./' or '../') of another config file whose settings this file starts from.",
      },
      rules: {
        type: 'object',
        description: "Per-rule severity ('off', 'info', 'warning', 'error') or [severity, options].",
        properties: Object.fromEntries(sorted.map((rule) => [rule.meta.id, ruleSchema(rule)])),
        additionalProperties: false,
      },
      template: templateSchema(template),
      ignores: {
        type: 'array',
        description: "Globs of files never linted, relative to this file's folder ('drafts/**', '**/notes.md'). A folder's pattern ignores everything in it.",
        items: { type: 'string', pattern: '^[^!]' },
      },
      limits: {
        type: 'object',
        description: 'Limits past which a lesson is reported as lesson-too-complex instead of parsed (the parser slows down steeply on such input).',
        properties: Object.fromEntries(
          Object.entries(LIMIT_DESCRIPTIONS).map(([key, description]) => [
            key,
            { type: 'integer', minimum: 1, description: `${description} Default: ${DEFAULT_LIMITS[key as keyof ComplexityLimits]}.` },
          ]),
        ),
        additionalProperties: false,
      },
    },
  };
}
