/**
 * What the §3 rules share: each tag of the lesson parsed and looked up once
 * per rule, the tags grouped by the field they were written in (so that a
 * repeat is found), and the wording helpers that keep the messages of the
 * tag rules consistent.
 */
import { defaultEditionOf, lookupTag, parseTag, type FrameworkTag, type LookupResult, type TagParse } from '../../catalog';
import type { Template } from '../../config/template';
import type { Lesson, TagReference } from '../../model/types';
import type { Span } from '../../types';

export interface AnalyzedTag {
  ref: TagReference;
  parse: TagParse;
  /** The catalog's answer, for tags that parse (canonical or fixable). */
  lookup?: LookupResult;
  /**
   * The edition the tag refers to: the one written, else the course's
   * (OWASP LLM), else the framework's only one.
   */
  edition?: string;
  /** The earlier tag of the same field that this one repeats; a repeat gets only the tag-duplicate finding. */
  duplicateOf?: AnalyzedTag;
}

/** Recognised tags: those that parse as one of the four frameworks. */
export interface RecognizedTag extends AnalyzedTag {
  parse: Extract<TagParse, { kind: 'ok' | 'fixable' }>;
  lookup: LookupResult;
  edition: string;
}

export function isRecognized(tag: AnalyzedTag): tag is RecognizedTag {
  return tag.parse.kind !== 'unrecognized';
}

/** Whether `inner` lies within `outer` (a tag within its field). */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Identity of a tag for the duplicate check: `OWASP LLM03` and
 * `OWASP LLM03:2025` are the same tag when the course uses 2025. Tags that do
 * not parse are compared as written, case and spacing folded.
 */
function identityOf(tag: AnalyzedTag): string {
  if (isRecognized(tag)) return `${tag.parse.tag.framework}\u0000${tag.edition}\u0000${tag.parse.tag.id}`;
  return `\u0000raw\u0000${tag.ref.raw.toLowerCase().replace(/\s+/g, ' ')}`;
}

/** The nine tag rules read the same analysis: it is made once per lesson (and template). */
const cache = new WeakMap<Lesson, { template: Template; tags: readonly AnalyzedTag[] }>();

/**
 * Every non-empty tag of the lesson, in source order, with its parse, its
 * catalog look-up and, for a repeat within the same field, the tag it repeats.
 */
export function analyzeTags(lesson: Lesson, template: Template): readonly AnalyzedTag[] {
  const cached = cache.get(lesson);
  if (cached?.template === template) return cached.tags;
  const tags = analyze(lesson, template);
  cache.set(lesson, { template, tags });
  return tags;
}

function analyze(lesson: Lesson, template: Template): AnalyzedTag[] {
  const options = { owaspLlmEdition: template.owaspLlmEdition };
  const fields = lesson.metadata.filter((f) => f.key === 'frameworks');
  const seen = new Map<string, AnalyzedTag>();
  const analyzed: AnalyzedTag[] = [];
  const refs = lesson.tags.filter((ref) => ref.raw.trim() !== '').sort((a, b) => a.span.start - b.span.start);
  for (const ref of refs) {
    const parse = parseTag(ref.raw);
    const tag: AnalyzedTag = { ref, parse };
    if (parse.kind !== 'unrecognized') {
      tag.lookup = lookupTag(parse.tag, options);
      tag.edition = parse.tag.edition ?? defaultEditionOf(parse.tag.framework, options);
    }
    // Repeats count within one field: the same tags in the front matter and
    // in the inline paragraph are the two forms agreeing, not a repeat.
    const field = fields.findIndex((f) => f.source === ref.source && contains(f.span, ref.span));
    const key = `${field < 0 ? ref.source : field}\u0000${identityOf(tag)}`;
    const first = seen.get(key);
    if (first) tag.duplicateOf = first;
    else seen.set(key, tag);
    analyzed.push(tag);
  }
  return analyzed;
}

/** Tags that the existence rules judge: recognised, and not a repeat (the repeat has its own finding). */
export function recognizedTags(lesson: Lesson, template: Template): RecognizedTag[] {
  return analyzeTags(lesson, template).filter((t): t is RecognizedTag => isRecognized(t) && !t.duplicateOf);
}

const MAX_QUOTED = 60;

/** The tag as written, for a message: quoted, and shortened when it is long. */
export function quoted(raw: string): string {
  const text = raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED - 1)}…` : raw;
  return `'${text}'`;
}

/**
 * The span of the tag's own text, where a fix may replace it. Undefined when
 * the source there is not the tag as read (a YAML scalar with escapes or
 * folded lines, whose tags all carry the scalar's span).
 */
export function editableSpan(text: string, ref: TagReference): Span | undefined {
  const written = text.slice(ref.span.start, ref.span.end);
  if (written === ref.raw) return ref.span;
  const at = written.indexOf(ref.raw);
  if (at < 0 || written.trim() !== ref.raw) return undefined;
  return { start: ref.span.start + at, end: ref.span.start + at + ref.raw.length };
}

/** The canonical tag with its edition in force, for OWASP: "OWASP LLM03:2025". */
export function resolvedTag(tag: FrameworkTag, edition: string): string {
  if (tag.framework === 'mitre-atlas' || tag.edition !== undefined) return tag.canonical;
  return `${tag.canonical}:${edition}`;
}
