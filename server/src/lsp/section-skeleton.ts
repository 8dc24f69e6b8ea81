/**
 * "Insert '## Section' with a skeleton": the section-missing fix (which
 * inserts the heading alone, at its template position) with a skeleton of
 * the section under the heading, for the author to fill in.
 *
 * What is left to write is marked `…`, and each `…` gets one
 * skeleton-placeholder warning; otherwise the skeletons lint clean on purpose:
 * inserting one replaces the section-missing finding with the places left to
 * write, not with a cascade of list and format findings about them. What
 * the lesson already says is used rather than guessed: the video script gets
 * one slide per outline item, the outline one item per slide, the recording
 * line the script's minutes and the lesson's Duration (left as `…` when the
 * lesson gives neither, which recording-line then points at).
 */
import type { Template } from '../engine/index';
import { KNOWN_SECTION_VIEWS } from '../engine/model/parse';
import type { Lesson } from '../engine/model/types';
import { analyzeSections, lineBreakOf, sectionKey } from '../engine/rules/sections/analysis';
import { lessonDuration } from '../engine/rules/script/shared';

export const PLACEHOLDER = '…';

/** Longest slide or outline title copied from the other section. */
const MAX_TITLE = 120;

/**
 * The skeleton variant of a section-missing fix: each `## Title` line the
 * fix inserts for a missing section is followed by a blank line and that
 * section's skeleton. Undefined when the text inserts no missing section.
 */
export function withSkeletons(lesson: Lesson, template: Template, insertedText: string): string | undefined {
  const missing = new Map(analyzeSections(lesson, template).missing.map((t) => [`## ${t.title}`, t]));
  const eol = lineBreakOf(lesson.text);
  const lines = insertedText.split(eol);
  const out: string[] = [];
  let added = false;
  for (const line of lines) {
    out.push(line);
    const section = missing.get(line);
    if (!section) continue;
    out.push('', ...skeletonOf(sectionKey(section.title), lesson, template));
    added = true;
  }
  return added ? out.join(eol) : undefined;
}

/** The lines of a section's skeleton, by its key ("video script"). */
export function skeletonOf(key: string, lesson: Lesson, template: Template): string[] {
  switch (key) {
    case KNOWN_SECTION_VIEWS.objectives: {
      const verb = template.objectives.actionVerbs.includes('Describe') ? 'Describe' : (template.objectives.actionVerbs[0] ?? 'Describe');
      return numbered(Math.max(1, template.objectives.min), () => `${verb} ${PLACEHOLDER}`);
    }
    case KNOWN_SECTION_VIEWS.keyTerms:
      return [`- ${PLACEHOLDER} — ${PLACEHOLDER}`];
    case KNOWN_SECTION_VIEWS.references:
      return [`- ${PLACEHOLDER}`];
    case KNOWN_SECTION_VIEWS.quiz:
      return Array.from({ length: Math.max(1, template.quiz.min) }, (_, i) => {
        const marker = `${i + 1}. `;
        return [`${marker}Q: ${PLACEHOLDER}?`, `${' '.repeat(marker.length)}A: ${PLACEHOLDER}`];
      }).flat();
    case KNOWN_SECTION_VIEWS.videoScript: {
      const titles = lesson.outline?.map((item) => cleanTitle(item.title?.value)) ?? [];
      return (titles.length > 0 ? titles : ['Title']).flatMap((title, i) => [...(i > 0 ? [''] : []), `[SLIDE ${i + 1} — ${title}]`, '', PLACEHOLDER]);
    }
    case KNOWN_SECTION_VIEWS.outline: {
      const titles = lesson.videoScript?.slides.map((slide) => cleanTitle(slide.title?.value)) ?? [];
      return numbered(Math.max(1, titles.length), (i) => `${titles[i] ?? 'Title'} — ${PLACEHOLDER}`);
    }
    case KNOWN_SECTION_VIEWS.productionNotes:
      return [recordingLine(lesson, template)];
    default:
      return [PLACEHOLDER];
  }
}

function numbered(count: number, item: (index: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${item(i)}`);
}

/** A title copied into a marker or an outline item: one line, no brackets, not huge. */
function cleanTitle(title: string | undefined): string {
  const clean = (title ?? '').replace(/[[\]\r\n]+/g, ' ').trim().slice(0, MAX_TITLE);
  return clean || 'Title';
}

/**
 * `- Recording: ~X min. Cap Y.`: X the script heading's declared minutes,
 * Y the lesson's Duration (X defaults to Y, within the cap). A lesson with
 * no video script, of a type whose template has none, is not recorded: its
 * notes get a plain item.
 */
function recordingLine(lesson: Lesson, template: Template): string {
  const scripted =
    lesson.videoScript !== undefined || analyzeSections(lesson, template).template.some((t) => t.key === KNOWN_SECTION_VIEWS.videoScript);
  if (!scripted) return `- ${PLACEHOLDER}`;
  const cap = lessonDuration(lesson)?.minutes;
  const minutes = lesson.videoScript?.declaredMinutes?.value ?? cap;
  return `- Recording: ~${minutes ?? PLACEHOLDER} min. Cap ${cap ?? PLACEHOLDER}.`;
}
