/**
 * Completion: framework tags in the tag field (every framework and edition,
 * filtered as typed), Type and Status values, the template's missing section
 * headings after `## `, the next slide number after `[SLIDE `, and the
 * course's lesson IDs on an "Up next" line.
 *
 * Each context is recognised from the lesson model plus the text of the
 * cursor's line before the cursor (short, anchored regexes over one line).
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { frameworks, listEntries, type CatalogEntry, type FrameworkKey } from '../engine/catalog/index';
import { sectionKeyTitle } from '../engine/model/parse';
import { normalizeTitle } from '../engine/model/text';
import type { Lesson, MetadataField } from '../engine/model/types';
import { sectionsFor, type Template } from '../engine/index';
import { formatMinutes } from '../engine/timing';
import { offsetAt, positionAt, type LessonAnalysis } from './analysis';
import type { IndexedLesson } from './course-index';

export interface CompletionContext {
  /** Lessons of the course this lesson belongs to (for "Up next"). */
  courseLessons(): IndexedLesson[];
  snippetSupport: boolean;
}

/** Lines longer than this are not looked at (a pasted blob is no place for completion). */
const MAX_LINE = 2000;

export function complete(analysis: LessonAnalysis, position: Position, context: CompletionContext): CompletionList | null {
  const lesson = analysis.result?.lesson;
  if (!lesson) return null;
  const { lines, text } = analysis;
  const offset = offsetAt(analysis.lines, position);
  const lineStart = lines.lineStart(position.line + 1);
  const lineEnd = lines.lineEnd(position.line + 1);
  if (lineEnd - lineStart > MAX_LINE) return null;
  const line: Line = { text: text.slice(lineStart, lineEnd), start: lineStart, cursor: offset - lineStart };
  const template = analysis.config.template;
  const rangeOf = (start: number, end: number): Range => ({ start: positionAt(lines, start), end: positionAt(lines, end) });

  const field = fieldAt(lesson, offset, analysis);
  if (field?.key === 'frameworks') {
    const token = tokenAround(line, field);
    return tagCompletions(token.typed, rangeOf(token.start, token.end), template);
  }
  if (field?.key === 'type' || field?.key === 'status') {
    const token = tokenAround(line, field);
    const values = field.key === 'type' ? template.lessonTypes : template.statuses;
    return {
      isIncomplete: false,
      items: values.map((value, i) => ({
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: field.key === 'type' ? 'Lesson type' : 'Lesson status',
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: rangeOf(token.start, token.end), newText: value },
      })),
    };
  }

  const before = line.text.slice(0, line.cursor);
  const heading = /^##[ \t]+/.exec(before);
  if (heading && !before.slice(heading[0].length).includes('#')) {
    const start = line.start + heading[0].length;
    return sectionCompletions(lesson, template, line, rangeOf(start, line.start + line.text.trimEnd().length));
  }

  const slide = /\[[ \t]*SLIDE[ \t]+(\d{0,6})$/i.exec(before);
  if (slide && lesson.videoScript && offset > lesson.videoScript.section.heading.span.end) {
    const start = offset - slide[1]!.length;
    return slideCompletion(lesson, line, rangeOf(start, offset), context.snippetSupport);
  }

  const upNext = /\bup\s+next\b/i.exec(before);
  if (upNext) {
    const partial = /(?:^|[\s"\u201c'(\u2014\u2013-])(L[\d.]{0,20}|)$/.exec(before.slice(upNext.index + upNext[0].length));
    if (partial) {
      const start = offset - partial[1]!.length;
      return upNextCompletions(analysis, lesson, line, start, offset, rangeOf, context);
    }
  }
  return null;
}

interface Line {
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Cursor column (UTF-16) within the line. */
  cursor: number;
}

/** The metadata field whose value the cursor is in (after its label, before the next field). */
function fieldAt(lesson: Lesson, offset: number, analysis: LessonAnalysis): MetadataField | undefined {
  const { lines } = analysis;
  const cursorLine = lines.position(offset).line;
  let best: MetadataField | undefined;
  for (const field of lesson.metadata) {
    if (offset < field.label.span.end) continue;
    const firstLine = lines.position(field.label.span.start).line;
    const lastLine = lines.position(Math.max(field.span.end, field.value.span.end)).line;
    if (cursorLine < firstLine || cursorLine > lastLine) continue;
    if (!best || field.label.span.start > best.label.span.start) best = field;
  }
  return best;
}

const TOKEN_STOPS = new Set(['·', ',', ';', '[', ']']);

/** The value token around the cursor: from the previous separator (or the label) to the next one. */
function tokenAround(line: Line, field: MetadataField): { start: number; end: number; typed: string } {
  const labelEnd = field.label.span.end - line.start;
  let start = line.cursor;
  while (start > 0 && start > labelEnd && !TOKEN_STOPS.has(line.text[start - 1]!)) start--;
  if (field.source === 'front-matter') {
    const item = /^[ \t]*-[ \t]+/.exec(line.text);
    if (item && start < item[0].length) start = item[0].length;
  }
  // Skip what separates the label from the value (`:**`, `:`), spaces and an opening quote.
  while (start < line.cursor && /[\s*_:"'\u201c]/.test(line.text[start]!)) start++;
  let end = line.cursor;
  while (end < line.text.length && !TOKEN_STOPS.has(line.text[end]!)) end++;
  while (end > line.cursor && /[\s"'\u201d\\]/.test(line.text[end - 1]!)) end--;
  return { start: line.start + start, end: line.start + end, typed: line.text.slice(start, line.cursor) };
}

// ── Framework tags ──────────────────────────────────────────────────────────

interface TagItem {
  item: CompletionItem;
  /** Lower-cased letters and digits of the label, and of the name, for matching what was typed. */
  keys: string[];
}

const tagItemsByEdition = new Map<string, TagItem[]>();

const FRAMEWORK_ORDER: FrameworkKey[] = ['owasp-llm', 'owasp-ml', 'owasp-agentic', 'mitre-atlas'];

function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Every catalog entry as a tag; OWASP LLM entries of the course's edition are written without an edition. */
function tagItems(owaspLlmEdition: string): TagItem[] {
  const cached = tagItemsByEdition.get(owaspLlmEdition);
  if (cached) return cached;
  const infos = frameworks();
  const items = listEntries().map((entry) => {
    const info = infos.find((f) => f.key === entry.framework)!;
    const ownEdition = entry.framework !== 'owasp-llm' || entry.edition === owaspLlmEdition;
    const label = `${info.tagPrefix} ${entry.id}${ownEdition ? '' : `:${entry.edition}`}`;
    const name = entry.displayName ?? entry.name;
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Reference,
      detail: name,
      documentation: { kind: MarkupKind.Markdown, value: tagDocumentation(entry, info.name, ownEdition) },
      filterText: `${label} ${name}`,
      sortText: `${FRAMEWORK_ORDER.indexOf(entry.framework)}${ownEdition ? '0' : '1'}${entry.edition.padStart(8, '0')}${entry.id}`,
      ...(entry.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    };
    return { item, keys: [compact(label), compact(name)] };
  });
  tagItemsByEdition.set(owaspLlmEdition, items);
  return items;
}

function tagDocumentation(entry: CatalogEntry, frameworkName: string, ownEdition: boolean): string {
  const lines = [`${frameworkName}, ${entry.framework === 'mitre-atlas' ? 'data release' : 'edition'} ${entry.edition}${ownEdition ? '' : ' (not the course\'s edition)'}`];
  lines.push(`${entry.type}${entry.parent ? ` of ${entry.parent}` : ''}${entry.deprecated ? ' · deprecated' : ''}`);
  if (entry.url) lines.push(entry.url);
  return lines.join('\n\n');
}

function tagCompletions(typed: string, range: Range, template: Template): CompletionList {
  const wanted = compact(typed);
  const items = tagItems(template.owaspLlmEdition)
    .filter((t) => wanted === '' || t.keys.some((k) => k.includes(wanted)))
    .map((t) => ({ ...t.item, textEdit: { range, newText: t.item.label } }));
  // Filtered here as typed, so the client must ask again when the word grows.
  return { isIncomplete: true, items };
}

// ── Sections ────────────────────────────────────────────────────────────────

function sectionCompletions(lesson: Lesson, template: Template, line: Line, range: Range): CompletionList {
  const type = lesson.metadata.find((f) => f.key === 'type')?.value.value;
  const expected = sectionsFor(template, type);
  const lineOf = (offset: number) => offset >= line.start && offset <= line.start + line.text.length;
  // The heading being typed is not a section yet.
  const present = new Set(lesson.sections.filter((s) => !lineOf(s.heading.span.start)).map((s) => sectionKeyTitle(s.normalizedTitle)));
  const before = lesson.sections.filter((s) => s.heading.span.start < line.start).map((s) => expected.findIndex((t) => normalizeTitle(t) === sectionKeyTitle(s.normalizedTitle)));
  const after = Math.max(-1, ...before);
  const missing = expected.map((title, index) => ({ title, index })).filter((s) => !present.has(normalizeTitle(s.title)));
  const preselect = missing.find((s) => s.index > after) ?? missing[0];
  return {
    isIncomplete: false,
    items: missing.map((s) => ({
      label: s.title,
      kind: CompletionItemKind.Module,
      detail: `Section ${s.index + 1} of ${expected.length}`,
      sortText: String(s.index).padStart(3, '0'),
      ...(s === preselect ? { preselect: true } : {}),
      textEdit: { range, newText: s.title },
    })),
  };
}

// ── Slides ──────────────────────────────────────────────────────────────────

function slideCompletion(lesson: Lesson, line: Line, range: Range, snippets: boolean): CompletionList {
  const earlier = lesson.videoScript!.slides.filter((s) => s.span.start < line.start);
  const last = earlier[earlier.length - 1];
  const next = last?.number ? last.number.value + 1 : earlier.length + 1;
  const closed = line.text.slice(line.cursor).includes(']');
  const item: CompletionItem = {
    label: String(next),
    kind: CompletionItemKind.Value,
    detail: `Next slide number (after slide ${next - 1 || '—'})`,
    preselect: true,
  };
  if (!closed && snippets) {
    item.textEdit = { range, newText: `${next} — \${1:Title}]$0` };
    item.insertTextFormat = InsertTextFormat.Snippet;
  } else {
    item.textEdit = { range, newText: closed ? String(next) : `${next} — ` };
  }
  return { isIncomplete: false, items: [item] };
}

// ── Up next ─────────────────────────────────────────────────────────────────

function upNextCompletions(
  analysis: LessonAnalysis,
  lesson: Lesson,
  line: Line,
  start: number,
  offset: number,
  rangeOf: (start: number, end: number) => Range,
  context: CompletionContext,
): CompletionList {
  const lessons = context
    .courseLessons()
    .filter((e) => e.lesson.id && e.lesson.filePath !== analysis.path)
    .sort((a, b) => compareParts(a.lesson.id!.parts, b.lesson.id!.parts));
  const ownParts = lesson.title?.id?.parts;
  const next = ownParts ? lessons.find((e) => compareParts(e.lesson.id!.parts, ownParts) > 0) : undefined;
  // Typing at the end of the line: insert the whole pointer ("L4.3.1 — Title, ~5 min").
  let tokenEnd = offset;
  while (tokenEnd - line.start < line.text.length && /[\w.]/.test(line.text[tokenEnd - line.start]!)) tokenEnd++;
  const rest = line.text.slice(tokenEnd - line.start);
  const whole = /^["\u201d'.)\s]*$/.test(rest);
  return {
    isIncomplete: false,
    items: lessons.map((entry, i) => {
      const { id, title, durationMinutes } = entry.lesson;
      const pointer = `${id!.value}${title ? ` — ${title.value}` : ''}${durationMinutes !== undefined ? `, ~${formatMinutes(durationMinutes)} min` : ''}`;
      return {
        label: id!.value,
        kind: CompletionItemKind.File,
        detail: title?.value ?? '',
        documentation: entry.lesson.filePath,
        sortText: String(i).padStart(5, '0'),
        filterText: `${id!.value} ${title?.value ?? ''}`,
        ...(entry === next ? { preselect: true } : {}),
        textEdit: { range: rangeOf(start, tokenEnd), newText: whole ? pointer : id!.value },
      };
    }),
  };
}

function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
