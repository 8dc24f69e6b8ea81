/**
 * Folding ranges: the front matter, each section, each sub-section, each
 * slide of the video script with its narration, and quiz items that span
 * several lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../engine/index';
import { lessonOf, type LessonAnalysis } from './analysis';
import { subsectionSpans, trimEnd } from './symbols';

export function foldingRanges(analysis: LessonAnalysis): FoldingRange[] {
  const lesson = lessonOf(analysis);
  if (!lesson) return [];
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind?: FoldingRangeKind) => {
    const startLine = analysis.lines.position(span.start).line - 1;
    const endLine = analysis.lines.position(trimEnd(lesson.text, span.end)).line - 1;
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (lesson.frontMatter) add(lesson.frontMatter.span, FoldingRangeKind.Region);
  for (const section of lesson.sections) {
    add(section.span, FoldingRangeKind.Region);
    for (const sub of subsectionSpans(lesson, section)) add(sub.span, FoldingRangeKind.Region);
  }
  for (const slide of lesson.videoScript?.slides ?? []) add({ start: slide.span.start, end: slide.narrationSpan.end });
  for (const item of lesson.quiz ?? []) add(item.item.span);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
