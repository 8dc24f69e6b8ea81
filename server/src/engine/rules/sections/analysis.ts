/**
 * How a lesson's H2 sections line up with the template's section list. The
 * section rules share this one analysis so that one divergence yields one
 * finding: a heading that is a near miss of a missing section is reported as
 * unknown (with the suggestion), not also as a missing section, and a missing
 * section never makes the sections after it "out of order".
 */
import type { Html, Nodes, RootContent } from 'mdast';
import { sectionsFor, type Template } from '../../config/template';
import { NodeSpans } from '../../model/nodes';
import { sectionKeyTitle } from '../../model/parse';
import { normalizeTitle } from '../../model/text';
import type { Lesson, Section } from '../../model/types';
import type { Span } from '../../types';

export interface TemplateSection {
  /** As the template writes it: "Key terms". */
  title: string;
  /** Normalized for comparison: "key terms". */
  key: string;
  /** Position in the template's list. */
  index: number;
}

export interface PlacedSection {
  section: Section;
  template: TemplateSection;
}

export interface UnknownSection {
  section: Section;
  /** A missing template section that this heading is a near miss of. */
  suggestion?: TemplateSection;
  /** Whether the heading has the suggestion's words, only punctuated differently ("Real world example"). */
  sameWords: boolean;
}

export interface SectionAnalysis {
  /** The lesson's Type as written, when given. */
  lessonType: string | undefined;
  template: TemplateSection[];
  /** First occurrence of each template section present (near misses included), in document order. */
  placed: PlacedSection[];
  /** Later occurrences of a template section. */
  duplicates: Array<PlacedSection & { first: Section }>;
  unknown: UnknownSection[];
  /** Template sections neither present nor suggested for an unknown heading, in template order. */
  missing: TemplateSection[];
  /** The longest run of placed sections already in template order. */
  inOrder: PlacedSection[];
  /** Placed sections outside that run. */
  misplaced: PlacedSection[];
}

/** The key a heading or a template title is compared by ("video script (~600 words)" → "video script"). */
export function sectionKey(title: string): string {
  return sectionKeyTitle(normalizeTitle(title));
}

export function lessonTypeOf(lesson: Lesson): string | undefined {
  return lesson.metadata.find((field) => field.key === 'type')?.value.value || undefined;
}

const cache = new WeakMap<Lesson, { template: Template; analysis: SectionAnalysis }>();

export function analyzeSections(lesson: Lesson, templateConfig: Template): SectionAnalysis {
  const cached = cache.get(lesson);
  if (cached?.template === templateConfig) return cached.analysis;
  const analysis = analyze(lesson, templateConfig);
  cache.set(lesson, { template: templateConfig, analysis });
  return analysis;
}

function analyze(lesson: Lesson, templateConfig: Template): SectionAnalysis {
  const lessonType = lessonTypeOf(lesson);
  const template = sectionsFor(templateConfig, lessonType).map((title, index) => ({ title, key: sectionKey(title), index }));
  const byKey = new Map(template.map((t) => [t.key, t]));

  const placedByKey = new Map<string, PlacedSection>();
  const duplicates: SectionAnalysis['duplicates'] = [];
  const unrecognized: Section[] = [];
  for (const section of lesson.sections) {
    const known = byKey.get(sectionKeyTitle(section.normalizedTitle));
    if (!known) unrecognized.push(section);
    else if (placedByKey.has(known.key)) duplicates.push({ section, template: known, first: placedByKey.get(known.key)!.section });
    else placedByKey.set(known.key, { section, template: known });
  }

  // Pair unknown headings with template sections that are missing and that they look like.
  const unknown: UnknownSection[] = [];
  for (const section of unrecognized) {
    const candidates = template.filter((t) => !placedByKey.has(t.key));
    const match = nearestSection(sectionKeyTitle(section.normalizedTitle), candidates);
    if (match) placedByKey.set(match.template.key, { section, template: match.template });
    unknown.push({ section, ...(match ? { suggestion: match.template } : {}), sameWords: match?.sameWords ?? false });
  }

  const placed = [...placedByKey.values()].sort((a, b) => a.section.span.start - b.section.span.start);
  const inOrder = longestInOrderRun(placed);
  const inOrderSet = new Set(inOrder);
  return {
    lessonType,
    template,
    placed,
    duplicates,
    unknown,
    missing: template.filter((t) => !placedByKey.has(t.key)),
    inOrder,
    misplaced: placed.filter((p) => !inOrderSet.has(p)),
  };
}

/** Longest subsequence of `placed` whose template indexes increase (patience sorting). */
function longestInOrderRun(placed: PlacedSection[]): PlacedSection[] {
  const tails: number[] = [];
  const previous: number[] = [];
  placed.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placed[tails[mid]!]!.template.index < p.template.index) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const run: PlacedSection[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.unshift(placed[i]!);
  return run;
}

/** Letter and digit runs: "real-world example" → ["real", "world", "example"]. */
function wordsOf(key: string): string[] {
  return key.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The template section a heading is a near miss of: the same words punctuated
 * differently, a typo (edit distance ≤ 2), or a subset/superset of its words
 * ("Objectives", "Additional references").
 */
function nearestSection(key: string, candidates: TemplateSection[]): { template: TemplateSection; sameWords: boolean } | undefined {
  const words = wordsOf(key);
  if (words.length === 0 || key.length > 120) return undefined;
  const compact = words.join('');
  let best: { template: TemplateSection; sameWords: boolean; score: number } | undefined;
  for (const candidate of candidates) {
    const candidateWords = wordsOf(candidate.key);
    let score: number;
    if (candidateWords.join(' ') === words.join(' ')) score = 0;
    else {
      const distance = compact.length >= 5 ? editDistance(compact, candidateWords.join(''), 2) : 3;
      if (distance <= 2) score = distance;
      else if (isSubset(words, candidateWords) || isSubset(candidateWords, words)) score = 3;
      else continue;
    }
    if (!best || score < best.score) best = { template: candidate, sameWords: score === 0, score };
  }
  return best && { template: best.template, sameWords: best.sameWords };
}

function isSubset(small: string[], large: string[]): boolean {
  return small.length > 0 && small.every((word) => large.includes(word));
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
      rowMin = Math.min(rowMin, next[j]!);
    }
    if (rowMin > limit) return limit + 1;
    row = next;
  }
  return row[b.length]!;
}

/** Offsets of mdast nodes in the lesson text (the parser drops a leading BOM from its offsets). */
export function nodeSpans(lesson: Lesson): NodeSpans {
  return new NodeSpans(lesson.text, lesson.text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/**
 * Whether a block is something a reader sees: not a heading (an H3 alone is
 * not content; what follows it is), not a rule, not a link definition, not an
 * HTML comment such as a lessonlint directive.
 */
export function isContentNode(node: RootContent | Nodes): boolean {
  switch (node.type) {
    case 'heading':
    case 'thematicBreak':
    case 'definition':
      return false;
    case 'html':
      return withoutComments((node as Html).value).trim() !== '';
    default:
      return true;
  }
}

function withoutComments(html: string): string {
  let out = '';
  let at = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', at)) {
    const close = html.indexOf('-->', open + 4);
    out += html.slice(at, open);
    at = close < 0 ? html.length : close + 3;
  }
  return out + html.slice(at);
}

/** Span from the first to the last content block of `nodes`, if any. */
export function contentSpan(lesson: Lesson, nodes: readonly (RootContent | Nodes)[]): Span | undefined {
  const content = nodes.filter(isContentNode);
  if (content.length === 0) return undefined;
  const spans = nodeSpans(lesson);
  return { start: spans.of(content[0]!).start, end: spans.of(content[content.length - 1]!).end };
}


/** The line break style of the text (for inserted lines). */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
