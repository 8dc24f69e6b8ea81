/**
 * Hovers: a framework tag (what the catalog says about it, in the edition in
 * force), a slide marker (its words and speaking time), the Duration value
 * and the Video script heading (declared vs estimated minutes), a section
 * heading (what the template expects there) and an "Up next" ID (the lesson
 * it points to).
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import {
  formatTag,
  frameworks,
  getEntry,
  lookupTag,
  parseTag,
  type CatalogEntry,
  type FrameworkKey,
  type LookupResult,
} from '../engine/catalog/index';
import { sectionKeyTitle } from '../engine/model/parse';
import { sectionsFor, type Lesson, type Template } from '../engine/index';
import type { MetadataField, Section, SlideMarker, TagReference, VideoScript } from '../engine/model/types';
import { normalizeTitle } from '../engine/model/text';
import { durationMinutes, estimatedMinutes, estimatedSeconds, formatMinutes, spokenWords } from '../engine/timing';
import { lessonOf, offsetAt, rangeOfSpan, spanContains, type LessonAnalysis } from './analysis';
import type { IndexedLesson } from './course-index';

export interface HoverContext {
  /** Lessons of the course with a given ID (for "Up next"). */
  lessonsWithId(id: string): IndexedLesson[];
}

export function hover(analysis: LessonAnalysis, position: Position, context: HoverContext): Hover | null {
  const lesson = lessonOf(analysis);
  if (!lesson) return null;
  const offset = offsetAt(analysis.lines, position);
  const template = analysis.config.template;
  const at = <T extends { span: { start: number; end: number } }>(items: readonly T[] | undefined) => items?.find((i) => spanContains(i.span, offset));
  const markdown = (value: string, span: { start: number; end: number }): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: rangeOfSpan(analysis.lines, span),
  });

  const tag = at(lesson.tags);
  if (tag) return markdown(tagHover(tag, template), tag.span);

  const script = lesson.videoScript;
  const slide = at(script?.slides);
  if (script && slide) return markdown(slideHover(slide, script, template), slide.span);

  const duration = lesson.metadata.find((f) => f.key === 'duration' && spanContains(f.span, offset));
  if (duration) return markdown(durationHover(duration, lesson, template), duration.span);

  if (lesson.upNext && spanContains(lesson.upNext.id.span, offset)) {
    return markdown(upNextHover(lesson.upNext.id.value, context), lesson.upNext.id.span);
  }

  const section = lesson.sections.find((s) => spanContains(s.heading.span, offset));
  if (section) {
    const parts = [sectionHover(section, lesson, template)];
    if (script && script.section === section) parts.push(scriptHover(script, lesson, template));
    return markdown(parts.join('\n\n---\n\n'), section.heading.span);
  }
  return null;
}

// ── Framework tags ──────────────────────────────────────────────────────────

const ENTRY_TYPES: Record<CatalogEntry['type'], string> = {
  risk: 'Risk',
  tactic: 'Tactic',
  technique: 'Technique',
  'sub-technique': 'Sub-technique',
  mitigation: 'Mitigation',
  'case-study': 'Case study',
};

function tagHover(tag: TagReference, template: Template): string {
  const parsed = parseTag(tag.raw);
  if (parsed.kind === 'unrecognized') {
    return `**${escape(tag.raw)}**\n\nNot a framework tag lessonlint knows: ${escape(parsed.reason)}.`;
  }
  const lines: string[] = [];
  const canonical = parsed.tag.canonical;
  const options = { owaspLlmEdition: template.owaspLlmEdition };
  const result = lookupTag(parsed.tag, options);
  const framework = frameworks().find((f) => f.key === parsed.tag.framework)!;
  const edition = parsed.tag.edition ?? (parsed.tag.framework === 'owasp-llm' ? template.owaspLlmEdition : framework.defaultEdition);
  const entry = result.status === 'found' || result.status === 'deprecated' ? result.entry : undefined;

  lines.push(entry ? `**${escape(canonical)}** · ${escape(entry.displayName ?? entry.name)}` : `**${escape(canonical)}**`);
  lines.push(editionLine(parsed.tag.framework, framework.name, edition, parsed.tag.edition, template));
  if (parsed.kind === 'fixable') lines.push(`Written \`${code(tag.raw)}\`; the canonical spelling is \`${code(canonical)}\` (${escape(parsed.reason)}).`);
  lines.push(...statusLines(result, parsed.tag.framework, edition, framework.editions));
  if (entry) lines.push(...entryLines(entry));
  if (parsed.tag.framework === 'owasp-llm') {
    const others = framework.editions
      .filter((e) => e !== edition)
      .map((e) => {
        const other = getEntry('owasp-llm', parsed.tag.id, e);
        return other ? `${e}: ${escape(other.name)}` : undefined;
      })
      .filter((s): s is string => s !== undefined);
    if (others.length > 0) lines.push(`Same ID in other editions: ${others.join(' · ')}`);
  }
  return lines.join('\n\n');
}

function editionLine(framework: FrameworkKey, name: string, edition: string, written: string | undefined, template: Template): string {
  if (framework === 'mitre-atlas') return `${escape(name)}, data release ${edition}`;
  if (framework !== 'owasp-llm') return `${escape(name)}, ${edition} edition`;
  if (written === undefined) return `${escape(name)}, ${edition} edition (the course's edition; the tag names none)`;
  return written === template.owaspLlmEdition
    ? `${escape(name)}, ${edition} edition (the course's edition)`
    : `${escape(name)}, ${edition} edition, named in the tag (the course uses ${template.owaspLlmEdition})`;
}

function statusLines(result: LookupResult, framework: FrameworkKey, edition: string, editions: string[]): string[] {
  switch (result.status) {
    case 'found':
      return [];
    case 'deprecated': {
      const e = result.entry;
      const since = e.deprecatedSince ? ` since ${e.deprecatedSince}` : '';
      const source = e.deprecationSource === 'upstream-delta' ? ' (retired upstream after the pinned data release)' : '';
      const replaced = e.replacedBy ? `; replaced by \`${code(formatTag(framework, e.replacedBy))}\`` : '';
      return [`⚠ Deprecated${since}${source}${replaced}.`];
    }
    case 'unknown-edition':
      return [`The catalog has no ${result.edition} edition of this list (editions: ${editions.join(', ')}).`];
    case 'not-in-pinned-catalog': {
      const name = result.upstreamName ? ` as "${escape(result.upstreamName)}"` : '';
      const release = result.upstreamRelease ? ` (release ${result.upstreamRelease})` : '';
      return [`Not in the pinned data release ${edition}; known upstream${name}${release}.`];
    }
    case 'unknown':
      return [`Not in the catalog: the ${edition} edition has no such ID.`];
  }
}

function entryLines(entry: CatalogEntry): string[] {
  const lines = [`Type: ${ENTRY_TYPES[entry.type]}`];
  if (entry.parent) {
    const parent = getEntry(entry.framework, entry.parent, entry.edition);
    lines.push(`Parent: ${entry.parent}${parent ? ` ${escape(parent.name)}` : ''}`);
  }
  if (entry.subtechniques && entry.subtechniques.length > 0) lines.push(`Sub-techniques: ${entry.subtechniques.join(', ')}`);
  if (entry.tactics && entry.tactics.length > 0) {
    const tactics = entry.tactics.map((id) => {
      const tactic = getEntry(entry.framework, id, entry.edition);
      return tactic ? `${id} ${escape(tactic.name)}` : id;
    });
    lines.push(`Tactics: ${tactics.join(' · ')}`);
  }
  if (entry.previousNames && entry.previousNames.length > 0) lines.push(`Formerly: ${entry.previousNames.map(escape).join(', ')}`);
  if (entry.url) lines.push(`[${entry.url}](${entry.url})`);
  return lines;
}

// ── Video script and timing ─────────────────────────────────────────────────

function slideHover(slide: SlideMarker, script: VideoScript, template: Template): string {
  const index = script.slides.indexOf(slide) + 1;
  const title = slide.title ? ` — ${escape(slide.title.value)}` : '';
  const number = slide.number ? `Slide ${slide.number.value}` : `Slide marker ${index}`;
  const seconds = estimatedSeconds(slide.words, template.wordsPerMinute);
  return [
    `**${number}${title}** (${index} of ${script.slides.length})`,
    `${plural(slide.words, 'spoken word')} · about ${seconds} s at ${template.wordsPerMinute} words per minute`,
  ].join('\n\n');
}

function scriptHover(script: VideoScript, lesson: Lesson, template: Template): string {
  const words = spokenWords(script);
  const estimate = estimatedMinutes(words, template.wordsPerMinute);
  const lines = [`**Video script**: ${plural(words, 'spoken word')} → about ${formatMinutes(estimate)} min at ${template.wordsPerMinute} words per minute · ${plural(script.slides.length, 'slide')}`];
  if (script.declaredWords) {
    lines.push(`Declared ~${script.declaredWords.value} words; counted ${words} (${percentOff(words, script.declaredWords.value)}, allowed ±${Math.round(template.wordTolerance * 100)}%)`);
  }
  if (script.declaredMinutes) {
    lines.push(`Declared ~${script.declaredMinutes.value} min; estimated ${formatMinutes(estimate)} min (${percentOff(estimate, script.declaredMinutes.value)}, allowed ±${Math.round(template.minuteTolerance * 100)}%)`);
  }
  const duration = durationOf(lesson);
  if (duration !== undefined) lines.push(`Lesson Duration: ${formatMinutes(duration)} min`);
  return lines.join('\n\n');
}

function durationHover(field: MetadataField, lesson: Lesson, template: Template): string {
  const declared = durationMinutes(field.value.value);
  const lines = [`**Duration**: ${declared !== undefined ? `${formatMinutes(declared)} min declared` : `"${escape(field.value.value)}" (expected "~N min")`}`];
  const script = lesson.videoScript;
  if (script) {
    const words = spokenWords(script);
    const estimate = estimatedMinutes(words, template.wordsPerMinute);
    lines.push(`Video script: ${plural(words, 'spoken word')} → about ${formatMinutes(estimate)} min at ${template.wordsPerMinute} words per minute`);
    if (script.declaredMinutes) lines.push(`Script heading declares ~${script.declaredMinutes.value} min`);
    if (declared !== undefined) lines.push(estimate <= declared ? `The script fits the Duration.` : `⚠ The script runs longer than the Duration.`);
  }
  return lines.join('\n\n');
}

function durationOf(lesson: Lesson): number | undefined {
  const field = lesson.metadata.find((f) => f.key === 'duration');
  return field ? durationMinutes(field.value.value) : undefined;
}

// ── Sections ────────────────────────────────────────────────────────────────

/** What each built-in section holds, for the hover; a course's own sections get their position only. */
function sectionExpectation(key: string, template: Template): string | undefined {
  const verbs = template.objectives.actionVerbs.slice(0, 6).join(', ');
  switch (key) {
    case 'learning objectives':
      return `An ordered list numbered 1..N with ${template.objectives.min}–${template.objectives.max} objectives, each starting with a measurable action verb (${verbs}, …). Vague verbs (${template.objectives.vagueVerbs.join(', ')}) are warnings.`;
    case 'core content':
      return 'The teaching text of the lesson; it may hold H3 sub-sections.';
    case 'real-world example':
      return 'A concrete incident, paper or case that shows the topic in practice.';
    case 'key terms':
      return 'A bulleted list; each item is `Term — definition` (em dash). No term twice.';
    case 'references':
      return 'A list of citations, each with a well-formed https URL (arXiv links with a valid identifier) or a plain pointer such as a search hint. No URL twice.';
    case 'quiz items':
      return `An ordered list numbered 1..N with ${template.quiz.min}–${template.quiz.max} items; each has a question \`Q: …\` ending with "?" or "." and an answer \`A: …\` (same line or the next).`;
    case 'video script':
      return `Slide markers \`[SLIDE n — Title]\` on their own line, numbered 1..N, each followed by its narration. The heading may declare \`(~W words, ~M min)\`: the spoken words must be within ±${Math.round(template.wordTolerance * 100)}% of W, and words ÷ ${template.wordsPerMinute} per minute within ±${Math.round(template.minuteTolerance * 100)}% of M; the speaking time must not exceed the Duration.`;
    case 'slide outline':
      return 'An ordered list with one item per slide of the video script, in the same order: `Title — what the slide shows`. The last item usually points to the next lesson ("Up next — L4.3.1 — Title, ~5 min").';
    case 'production notes':
      return 'A list. The line `Recording: ~X min. Cap Y.` is checked: X ≤ Y, Y no more than the Duration, X agrees with the script\'s declared minutes.';
    default:
      return undefined;
  }
}

function sectionHover(section: Section, lesson: Lesson, template: Template): string {
  const type = lesson.metadata.find((f) => f.key === 'type')?.value.value;
  const expected = sectionsFor(template, type);
  const key = sectionKeyTitle(section.normalizedTitle);
  const index = expected.findIndex((title) => normalizeTitle(title) === key);
  const typeName = type && template.lessonTypes.some((t) => t.toLowerCase() === type.toLowerCase()) ? type : 'default';
  if (index < 0) {
    return `**${escape(section.heading.text)}** is not a section of the ${escape(typeName)} template.\n\nExpected sections, in order: ${expected.map(escape).join(' · ')}`;
  }
  const what = sectionExpectation(key, template);
  return [`**${escape(expected[index]!)}** — section ${index + 1} of ${expected.length} of the ${escape(typeName)} template`, ...(what ? [what] : [])].join('\n\n');
}

// ── Up next ─────────────────────────────────────────────────────────────────

function upNextHover(id: string, context: HoverContext): string {
  const lessons = context.lessonsWithId(id);
  if (lessons.length === 0) return `**${id}**: no lesson of the course has this ID.`;
  return lessons
    .map(({ lesson }) => {
      const title = lesson.title ? ` — ${escape(lesson.title.value)}` : '';
      const minutes = lesson.durationMinutes !== undefined ? ` · ~${formatMinutes(lesson.durationMinutes)} min` : '';
      return `**${id}${title}**${minutes}\n\n\`${code(lesson.filePath)}\``;
    })
    .join('\n\n---\n\n');
}

// ── Helpers ─────────────────────────────────────────────────────────────────

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How far a value is from the declared one: "−10%", "+3%", "±0%". */
function percentOff(value: number, declared: number): string {
  if (declared === 0) return 'n/a';
  const percent = Math.round(((value - declared) / declared) * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)}%`;
}

/** Escapes markdown in author or catalog text shown in a hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Text inside inline code: backticks cannot be escaped there, so they are replaced. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}
