/**
 * Document symbols (the outline): the lesson's H1, its sections, and inside
 * them the Core content's sub-sections, the video script's slides and the
 * quiz items.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Heading, Lesson, Section } from '../engine/model/types';
import type { Span } from '../engine/index';
import { lessonOf, rangeOfSpan, type LessonAnalysis } from './analysis';

export function documentSymbols(analysis: LessonAnalysis): DocumentSymbol[] {
  const lesson = lessonOf(analysis);
  if (!lesson) return [];
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[], detail?: string): DocumentSymbol => ({
    // Clients reject empty names.
    name: name.trim() || '(untitled)',
    kind,
    range: rangeOfSpan(analysis.lines, span),
    selectionRange: rangeOfSpan(analysis.lines, selection),
    ...(detail ? { detail } : {}),
    ...(children && children.length > 0 ? { children } : {}),
  });

  const sections = lesson.sections.map((section) => symbol(section.heading.text, SymbolKind.Namespace, section.span, section.heading.textSpan, childrenOf(section)));

  function childrenOf(section: Section): DocumentSymbol[] {
    const script = lesson!.videoScript;
    if (script && script.section === section) {
      return script.slides.map((slide) =>
        symbol(
          slide.number && slide.title ? `Slide ${slide.number.value} — ${slide.title.value}` : slide.raw,
          SymbolKind.Event,
          { start: slide.span.start, end: Math.max(slide.span.end, trimEnd(lesson!.text, slide.narrationSpan.end)) },
          slide.span,
          undefined,
          `${slide.words} words`,
        ),
      );
    }
    if (lesson!.quizList && within(lesson!.quizList.span, section.span)) {
      return (lesson!.quiz ?? []).map((q, i) =>
        symbol(
          `${q.item.number?.value ?? i + 1}. ${q.question?.text.value || q.item.text}`.slice(0, 120),
          SymbolKind.Field,
          q.item.span,
          q.question?.label.span ?? q.item.markerSpan,
        ),
      );
    }
    return subsectionSpans(lesson!, section).map(({ heading, span }) => symbol(heading.text, SymbolKind.String, span, heading.textSpan));
  }

  const title = lesson.title;
  if (!title) return sections;
  return [symbol(title.text, SymbolKind.File, { start: title.span.start, end: lesson.text.length }, title.textSpan, sections)];
}

/** Flat symbols for clients without hierarchical document symbols. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const s of symbols) {
    flat.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
    if (s.children) flat.push(...flattenSymbols(s.children, uri, s.name));
  }
  return flat;
}

/** Each H3+ sub-section of a section, from its heading to the last text before the next heading. */
export function subsectionSpans(lesson: Lesson, section: Section): Array<{ heading: Heading; span: Span }> {
  const headings = section.subsections;
  return headings.map((heading, i) => {
    const next = headings[i + 1]?.span.start ?? section.span.end;
    return { heading, span: { start: heading.span.start, end: Math.max(heading.span.end, trimEnd(lesson.text, next)) } };
  });
}

/** The offset after the last non-space character before `end`. */
export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
