/**
 * Helpers shared by the title (§1) and metadata (§2) rules: field labels, the
 * lesson's ID from the H1 or the front matter, and the "one of a list" check
 * that Type and Status share.
 */
import type { LessonRuleContext } from '../../rule';
import type { Lesson, MetadataField, MetadataKey, Text } from '../../model/types';
import type { Span } from '../../types';

/** The fields every lesson gives (§2), in the template's order. */
export const REQUIRED_FIELDS: readonly MetadataKey[] = ['type', 'duration', 'status', 'module', 'frameworks'];

/** How a field is named in the metadata paragraph. */
export const FIELD_LABELS: Record<MetadataKey, string> = {
  id: 'ID',
  title: 'Title',
  type: 'Type',
  duration: 'Duration',
  status: 'Status',
  module: 'Module',
  frameworks: 'Framework tags',
};

/** How a field is named in YAML front matter. */
export const FRONT_MATTER_KEYS: Record<MetadataKey, string> = {
  id: 'id',
  title: 'title',
  type: 'type',
  duration: 'duration',
  status: 'status',
  module: 'module',
  frameworks: 'frameworks',
};

/** Names a field goes by, for spotting a misspelt label ("Durration"). */
const KNOWN_NAMES: ReadonlyArray<[string, MetadataKey]> = [
  ...(Object.keys(FIELD_LABELS) as MetadataKey[]).flatMap((key): Array<[string, MetadataKey]> => [
    [FIELD_LABELS[key].toLowerCase(), key],
    [FRONT_MATTER_KEYS[key], key],
  ]),
  ['lesson id', 'id'],
  ['framework tag', 'frameworks'],
  ['tags', 'frameworks'],
];

/**
 * Edit distance with adjacent transpositions counting as one edit ("Stauts"),
 * on inputs short enough (labels are at most 40 characters) that the table is small.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/** The field an unknown label most likely misspells, if it is one or two edits from a known name. */
export function misspeltField(label: string): MetadataKey | undefined {
  const wanted = foldSpace(label).toLowerCase();
  if (wanted.length === 0 || wanted.length > 40) return undefined;
  const allowed = wanted.length <= 4 ? 1 : 2;
  let best: { key: MetadataKey; distance: number } | undefined;
  for (const [name, key] of KNOWN_NAMES) {
    const distance = editDistance(wanted, name);
    if (distance <= allowed && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** "Type", "Type and Status", "Type, Status and Module". */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function fieldsOf(lesson: Lesson, key: MetadataKey): MetadataField[] {
  return lesson.metadata.filter((field) => field.key === key);
}

/** How a field is named where it is written: its label in the paragraph, its key in front matter. */
export function nameIn(source: MetadataField['source'], key: MetadataKey): string {
  return source === 'inline' ? FIELD_LABELS[key] : FRONT_MATTER_KEYS[key];
}

/** "Type" in the paragraph, "The front matter's type" in YAML: how a message starts when it names a field. */
export function describeField(field: MetadataField): string {
  return field.source === 'inline' ? field.label.value : `The front matter's ${field.label.value}`;
}

/**
 * Whether the text at the value's span spells the value, so that a fix may
 * replace it (not so for YAML block scalars or escaped quoted strings).
 */
export function isExactlyWritten(lesson: Lesson, text: Text): boolean {
  return lesson.text.slice(text.span.start, text.span.end) === text.value;
}

export function lineOf(context: Pick<LessonRuleContext, 'lines'>, span: Span): number {
  return context.lines.position(span.start).line;
}

/** `L4.2.2`: three positive integers without leading zeros. */
export const WELL_FORMED_ID = /^L[1-9]\d{0,5}\.[1-9]\d{0,5}\.[1-9]\d{0,5}$/;

/** IDs that are clearly three numbers, loosely written: `l4.2.2`, `L 4.2.2`, `L4,2,2`, `L04.2.2`, `L4.2.2.`. */
const LOOSE_ID = /^[Ll]\s?(\d{1,6})[.,](\d{1,6})[.,](\d{1,6})\.?$/;

/** The three numbers of an ID written loosely, or undefined when it is not three numbers. */
export function looseIdParts(value: string): number[] | undefined {
  const match = LOOSE_ID.exec(value);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function canonicalId(parts: readonly number[]): string {
  return `L${parts.join('.')}`;
}

export function isPositiveTriple(parts: readonly number[] | undefined): parts is [number, number, number] {
  return !!parts && parts.length === 3 && parts.every((n) => Number.isInteger(n) && n > 0);
}

export interface ResolvedLessonId {
  parts: [number, number, number];
  text: Text;
  source: 'h1' | 'front-matter';
}

/** The lesson's ID as three positive numbers: the H1's when it has one, else the front matter's. */
export function lessonIdOf(lesson: Lesson): ResolvedLessonId | undefined {
  const h1 = lesson.title?.id;
  if (h1) {
    return isPositiveTriple(h1.parts) ? { parts: h1.parts, text: { value: h1.value, span: h1.span }, source: 'h1' } : undefined;
  }
  const field = lesson.frontMatter?.fields.find((f) => f.key === 'id');
  const parts = field ? looseIdParts(field.value.value) : undefined;
  return field && isPositiveTriple(parts) ? { parts, text: field.value, source: 'front-matter' } : undefined;
}

/** A value as messages quote it: long values are cut so that a message stays one line. */
export function shown(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Folds runs of white space to one space and trims. */
export function foldSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Checks a field whose value is one of a list (Type, Status): a value that
 * differs only in case or spacing gets a fix to the canonical spelling.
 */
export function checkChoice(context: LessonRuleContext, key: 'type' | 'status', choices: readonly string[]): void {
  const { lesson, report } = context;
  for (const field of fieldsOf(lesson, key)) {
    const written = field.value.value;
    // An empty field is metadata-missing-field's finding.
    if (!written || choices.includes(written)) continue;
    const wanted = foldSpace(written).toLowerCase();
    const canonical = choices.find((choice) => foldSpace(choice).toLowerCase() === wanted);
    const name = describeField(field);
    if (canonical) {
      report({
        message: `${name} '${shown(written)}' is not spelt as the template spells it; expected '${canonical}'`,
        span: field.value.span,
        ...(isExactlyWritten(lesson, field.value)
          ? { fix: { title: `Write '${canonical}'`, edits: [{ span: field.value.span, text: canonical }] } }
          : {}),
      });
      continue;
    }
    report({
      message: `${name} '${shown(written)}' is not one of the template's values; expected ${listOf(choices.map((c) => `'${c}'`), 'or')}`,
      span: field.value.span,
    });
  }
}

export interface ModuleValue {
  /** "Module" as written (any case). */
  word: Text;
  number: NumberText;
  /** What stands between the number and the title (ideally " — "). */
  separator: Text;
  /** Empty when the value ends after the number. */
  title: Text;
}

interface NumberText extends Text {
  number: number;
}

const MODULE_HEAD = /^(module)(\s{0,3})(\d{1,4})/i;
const MODULE_SEPARATOR = /^\s{0,3}(?:[\u2014\u2013:|-]{1,3}\s{0,3})?/;

/**
 * Reads `Module 4 — Title` loosely, so that rules can tell a wrong separator
 * from a wrong number. Spans are right where the value is written as it reads
 * (see isExactlyWritten); undefined when the value does not start with "Module N".
 */
export function readModule(value: Text): ModuleValue | undefined {
  const head = MODULE_HEAD.exec(value.value);
  if (!head) return undefined;
  const at = (offset: number, length: number): Span => ({ start: value.span.start + offset, end: value.span.start + offset + length });
  const numberAt = head[1]!.length + head[2]!.length;
  const separator = MODULE_SEPARATOR.exec(value.value.slice(head[0].length))![0];
  const titleAt = head[0].length + separator.length;
  return {
    word: { value: head[1]!, span: at(0, head[1]!.length) },
    number: { value: head[3]!, number: Number(head[3]), span: at(numberAt, head[3]!.length) },
    separator: { value: separator, span: at(head[0].length, separator.length) },
    title: { value: value.value.slice(titleAt), span: at(titleAt, value.value.length - titleAt) },
  };
}
