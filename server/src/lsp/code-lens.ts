/**
 * Code lens on the Video script heading: "540 words · 4.2 of ~4.5 min ·
 * 7 slides" (spoken words, estimated minutes against the declared ones, and
 * the number of slides).
 */
import type { CodeLens } from 'vscode-languageserver';
import { estimatedMinutes, formatMinutes, spokenWords } from '../engine/timing';
import { lessonOf, rangeOfSpan, type LessonAnalysis } from './analysis';

export function codeLenses(analysis: LessonAnalysis): CodeLens[] {
  const script = lessonOf(analysis)?.videoScript;
  if (!script) return [];
  const words = spokenWords(script);
  const estimate = formatMinutes(estimatedMinutes(words, analysis.config.template.wordsPerMinute));
  const minutes = script.declaredMinutes ? `${estimate} of ~${formatMinutes(script.declaredMinutes.value)} min` : `~${estimate} min`;
  const slides = `${script.slides.length} slide${script.slides.length === 1 ? '' : 's'}`;
  return [
    {
      range: rangeOfSpan(analysis.lines, script.section.heading.span),
      // An empty command id makes the lens a label, not a button.
      command: { title: `${words} words · ${minutes} · ${slides}`, command: '' },
    },
  ];
}
