/** What one lesson contributes to the course report. Pure. */
import { lookupTag, parseTag } from '../engine/catalog';
import { defaultEditionOf } from '../engine/catalog/frameworks';
import type { Template } from '../engine/config/template';
import { summarizeLesson } from '../engine/course/summarize';
import { LineIndex } from '../engine/model/text';
import type { Lesson } from '../engine/model/types';
import { suppressedLines } from '../engine/suppress';
import type { FileResult } from '../formats/types';
import type { LessonReportRecord, ReportSuppression, ReportTag, SeverityCounts } from './types';

/**
 * The report record of one linted lesson. `result` is the lesson's entry of
 * the CLI's results (file path and every message, course findings included);
 * `template` is the one the lesson was linted with (its OWASP LLM edition and
 * words per minute).
 */
export function reportRecordOf(lesson: Lesson, result: FileResult, template: Template): LessonReportRecord {
  const lines = new LineIndex(lesson.text);
  const header = summarizeLesson(lesson, lines, result.filePath, []);
  const field = (key: 'type' | 'status') => lesson.metadata.find((f) => f.key === key)?.value.value || undefined;
  const record: LessonReportRecord = {
    filePath: result.filePath,
    owaspLlmEdition: template.owaspLlmEdition,
    tags: tagsOf(lesson, template),
    suppressions: suppressionsOf(lesson, lines),
    findings: findingsOf(result),
  };
  if (header.id) {
    record.id = header.id.value;
    // Only a well-formed ID sorts numerically; the others sort by path.
    if (header.id.parts.length > 0 && header.id.parts.every(Number.isInteger)) record.idParts = header.id.parts;
  }
  if (header.title) record.title = header.title.value;
  const type = field('type');
  if (type) record.type = type;
  const status = field('status');
  if (status) record.status = status;
  const moduleNumber = header.module?.number ?? (header.id?.parts.length === 3 ? header.id.parts[0] : undefined);
  if (moduleNumber !== undefined || header.module?.title) {
    record.module = {
      ...(moduleNumber !== undefined && Number.isFinite(moduleNumber) ? { number: moduleNumber } : {}),
      ...(header.module?.title ? { title: header.module.title } : {}),
    };
  }
  if (header.durationMinutes !== undefined) record.declaredMinutes = header.durationMinutes;
  if (lesson.videoScript) {
    record.spokenWords = lesson.videoScript.totalWords;
    record.estimatedMinutes = round2(lesson.videoScript.totalWords / template.wordsPerMinute);
  }
  return record;
}

/** Distinct tags (by what they resolve to), resolved in the course's edition. */
function tagsOf(lesson: Lesson, template: Template): ReportTag[] {
  const options = { owaspLlmEdition: template.owaspLlmEdition };
  const tags: ReportTag[] = [];
  const seen = new Set<string>();
  for (const ref of lesson.tags) {
    const parsed = parseTag(ref.raw);
    let tag: ReportTag;
    if (parsed.kind === 'unrecognized') {
      tag = { raw: ref.raw, status: 'unrecognized' };
    } else {
      const { framework, id } = parsed.tag;
      const edition = parsed.tag.edition ?? defaultEditionOf(framework, options);
      const found = lookupTag(parsed.tag, options);
      tag = { raw: ref.raw, canonical: parsed.tag.canonical, framework, id, edition, status: found.status };
      if (found.status === 'found' || found.status === 'deprecated') {
        const e = found.entry;
        tag.name = e.displayName ?? e.name;
        tag.type = e.type;
        if (e.tactics) tag.tactics = [...e.tactics];
        if (e.parent) tag.parent = e.parent;
        if (e.url) tag.url = e.url;
      } else if (found.status === 'not-in-pinned-catalog' && found.upstreamName) {
        tag.name = found.upstreamName;
      }
    }
    const key = tag.framework ? `${tag.framework} ${tag.edition} ${tag.id}` : `raw ${tag.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

function suppressionsOf(lesson: Lesson, lines: LineIndex): ReportSuppression[] {
  return suppressedLines(lesson.suppressions, lines)
    .map((s) => ({
      rules: [...(s.rules ?? [])],
      fromLine: s.fromLine,
      ...(s.toLine < Number.MAX_SAFE_INTEGER ? { toLine: s.toLine } : {}),
    }))
    .sort((a, b) => a.fromLine - b.fromLine);
}

function findingsOf(result: FileResult): LessonReportRecord['findings'] {
  const byRule: Record<string, SeverityCounts> = {};
  const totals: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const m of result.messages) {
    const counts = (byRule[m.ruleId] ??= { error: 0, warning: 0, info: 0 });
    counts[m.severity]++;
    totals[m.severity]++;
  }
  return { ...totals, byRule };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
