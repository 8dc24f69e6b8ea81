/** Aggregates lesson records into the course report. Pure and deterministic: same records, same report. */
import { listEntries, getEntry } from '../engine/catalog';
import { editionsOf, frameworks } from '../engine/catalog/frameworks';
import type { CatalogEntry, FrameworkKey } from '../engine/catalog/types';
import type { ToolInfo } from '../formats/types';
import type {
  AtlasCoverage,
  CourseReport,
  EntryRef,
  FrameworkCoverage,
  LessonCoverage,
  LessonReportRecord,
  LessonRow,
  ModuleReport,
  SeverityCounts,
} from './types';

export interface BuildReportOptions {
  tool: ToolInfo;
  /** ISO time to print in the report; leave it out for a byte-stable report (e.g. one checked into docs/). */
  generatedAt?: string;
}

export function buildCourseReport(records: readonly LessonReportRecord[], options: BuildReportOptions): CourseReport {
  const lessons = [...records].sort(compareLessons);
  const modules = modulesOf(lessons);
  const findings = zero();
  const statusCounts: Record<string, number> = {};
  let declaredMinutes = 0;
  let estimatedMinutes = 0;
  let lessonsWithoutEstimate = 0;
  for (const r of lessons) {
    add(findings, r.findings);
    if (r.status) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
    declaredMinutes += r.declaredMinutes ?? 0;
    if (r.estimatedMinutes === undefined) lessonsWithoutEstimate++;
    else estimatedMinutes += r.estimatedMinutes;
  }
  return {
    tool: options.tool,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    totals: {
      lessons: lessons.length,
      modules: modules.length,
      declaredMinutes: round2(declaredMinutes),
      estimatedMinutes: round2(estimatedMinutes),
      lessonsWithoutEstimate,
      statusCounts: sortedRecord(statusCounts),
      findings,
    },
    modules,
    coverage: {
      lessons: lessons.map(lessonCoverage),
      frameworks: owaspCoverage(lessons),
      atlas: atlasCoverage(lessons),
    },
    suppressions: lessons.flatMap((r) => r.suppressions.map((s) => ({ filePath: r.filePath, ...(r.id ? { id: r.id } : {}), ...s }))),
    findingsByRule: findingsByRule(lessons),
  };
}

/** Lessons by ID (numerically), then path; lessons without an ID last. */
function compareLessons(a: LessonReportRecord, b: LessonReportRecord): number {
  const pa = a.idParts;
  const pb = b.idParts;
  if (pa && pb) {
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    if (pa.length !== pb.length) return pa.length - pb.length;
  } else if (pa || pb) {
    return pa ? -1 : 1;
  }
  return compare(a.filePath, b.filePath);
}

function modulesOf(lessons: readonly LessonReportRecord[]): ModuleReport[] {
  const byNumber = new Map<number | undefined, ModuleReport>();
  for (const r of lessons) {
    const number = r.module?.number;
    let module = byNumber.get(number);
    if (!module) {
      module = { ...(number !== undefined ? { number } : {}), lessons: [], declaredMinutes: 0, estimatedMinutes: 0, statusCounts: {} };
      byNumber.set(number, module);
    }
    // The first title given wins; differing titles are the course rules' business.
    if (module.title === undefined && r.module?.title) module.title = r.module.title;
    module.lessons.push(rowOf(r));
    module.declaredMinutes += r.declaredMinutes ?? 0;
    module.estimatedMinutes += r.estimatedMinutes ?? 0;
    if (r.status) module.statusCounts[r.status] = (module.statusCounts[r.status] ?? 0) + 1;
  }
  return [...byNumber.values()]
    .map((m) => ({ ...m, declaredMinutes: round2(m.declaredMinutes), estimatedMinutes: round2(m.estimatedMinutes), statusCounts: sortedRecord(m.statusCounts) }))
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
}

function rowOf(r: LessonReportRecord): LessonRow {
  const row: LessonRow = { filePath: r.filePath, findings: { error: r.findings.error, warning: r.findings.warning, info: r.findings.info } };
  for (const key of ['id', 'title', 'type', 'status', 'declaredMinutes', 'estimatedMinutes', 'spokenWords'] as const) {
    if (r[key] !== undefined) (row as unknown as Record<string, unknown>)[key] = r[key];
  }
  return row;
}

function refOf(e: Pick<CatalogEntry, 'id' | 'name' | 'displayName' | 'url' | 'deprecated' | 'framework' | 'edition'>): EntryRef {
  return {
    id: e.id,
    name: e.displayName ?? e.name,
    ...(e.url ? { url: e.url } : {}),
    ...(e.framework !== 'mitre-atlas' ? { edition: e.edition } : {}),
    ...(e.deprecated ? { deprecated: true } : {}),
  };
}

/** Tags that resolved to a catalog entry (deprecated ones included). */
function resolvedTags(r: LessonReportRecord) {
  return r.tags.filter((t) => (t.status === 'found' || t.status === 'deprecated') && t.framework && t.id && t.edition);
}

function entryOfTag(t: LessonReportRecord['tags'][number]): CatalogEntry | undefined {
  return getEntry(t.framework!, t.id!, t.edition);
}

function lessonCoverage(r: LessonReportRecord): LessonCoverage {
  const coverage: LessonCoverage = {
    filePath: r.filePath,
    ...(r.id ? { id: r.id } : {}),
    owaspLlm: [],
    owaspMl: [],
    owaspAgentic: [],
    atlasTactics: [],
    atlasTechniques: [],
    atlasOther: [],
    unresolved: r.tags.filter((t) => t.status !== 'found' && t.status !== 'deprecated').map((t) => t.raw),
  };
  const tactics = new Set<string>();
  for (const t of resolvedTags(r)) {
    const entry = entryOfTag(t);
    if (!entry) continue;
    const ref = refOf(entry);
    if (entry.framework === 'owasp-llm') coverage.owaspLlm.push(ref);
    else if (entry.framework === 'owasp-ml') coverage.owaspMl.push(ref);
    else if (entry.framework === 'owasp-agentic') coverage.owaspAgentic.push(ref);
    else if (entry.type === 'tactic') tactics.add(entry.id);
    else if (entry.type === 'technique' || entry.type === 'sub-technique') {
      coverage.atlasTechniques.push(ref);
      for (const tactic of entry.tactics ?? []) tactics.add(tactic);
    } else coverage.atlasOther.push(ref);
  }
  coverage.atlasTactics = atlasTactics()
    .filter((e) => tactics.has(e.id))
    .map(refOf);
  return coverage;
}

/** The OWASP lists: LLM in every edition some lesson is configured with, ML and Agentic in their editions. */
function owaspCoverage(lessons: readonly LessonReportRecord[]): FrameworkCoverage[] {
  const llmEditions = new Set(lessons.map((r) => r.owaspLlmEdition));
  const lists: Array<{ framework: FrameworkKey; edition: string }> = [];
  for (const edition of editionsOf('owasp-llm')) if (llmEditions.has(edition as LessonReportRecord['owaspLlmEdition'])) lists.push({ framework: 'owasp-llm', edition });
  for (const framework of ['owasp-ml', 'owasp-agentic'] as const) for (const edition of editionsOf(framework)) lists.push({ framework, edition });

  const names = new Map(frameworks().map((f) => [f.key, f.name]));
  return lists.map(({ framework, edition }) => {
    const taggedBy = new Map<string, string[]>();
    for (const r of lessons) {
      for (const t of resolvedTags(r)) {
        if (t.framework !== framework || t.edition !== edition) continue;
        const list = taggedBy.get(t.id!) ?? [];
        list.push(r.filePath);
        taggedBy.set(t.id!, list);
      }
    }
    const entries = listEntries({ framework, edition }).map((e) => ({ ...refOf(e), lessons: taggedBy.get(e.id) ?? [] }));
    return {
      framework,
      name: names.get(framework) ?? framework,
      edition,
      entries,
      uncovered: entries.filter((e) => !e.deprecated && e.lessons.length === 0).map((e) => e.id),
    };
  });
}

function atlasTactics(): CatalogEntry[] {
  return listEntries({ framework: 'mitre-atlas' })
    .filter((e) => e.type === 'tactic')
    .sort((a, b) => (a.matrixOrder ?? 0) - (b.matrixOrder ?? 0) || compare(a.id, b.id));
}

/**
 * ATLAS tactics in matrix order with the techniques lessons tag under each; a
 * tactic is covered when a lesson tags it or one of its techniques.
 */
function atlasCoverage(lessons: readonly LessonReportRecord[]): AtlasCoverage {
  const tacticLessons = new Map<string, Set<string>>();
  /** tactic -> technique ID -> lessons */
  const techniquesByTactic = new Map<string, Map<string, string[]>>();
  const coveredTechniques = new Set<string>();
  const note = (map: Map<string, Set<string>>, key: string, filePath: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(filePath);
    map.set(key, set);
  };
  for (const r of lessons) {
    for (const t of resolvedTags(r)) {
      if (t.framework !== 'mitre-atlas') continue;
      const entry = entryOfTag(t);
      if (!entry) continue;
      if (entry.type === 'tactic') note(tacticLessons, entry.id, r.filePath);
      if (entry.type !== 'technique' && entry.type !== 'sub-technique') continue;
      coveredTechniques.add(entry.parent ?? entry.id);
      for (const tactic of entry.tactics ?? []) {
        note(tacticLessons, tactic, r.filePath);
        const techniques = techniquesByTactic.get(tactic) ?? new Map<string, string[]>();
        const list = techniques.get(entry.id) ?? [];
        if (!list.includes(r.filePath)) list.push(r.filePath);
        techniques.set(entry.id, list);
        techniquesByTactic.set(tactic, techniques);
      }
    }
  }
  const order = new Map(lessons.map((r, i) => [r.filePath, i]));
  const inLessonOrder = (paths: Iterable<string>) => [...paths].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const tactics = atlasTactics().map((e) => ({
    ...refOf(e),
    ...(e.matrixOrder !== undefined ? { matrixOrder: e.matrixOrder } : {}),
    lessons: inLessonOrder(tacticLessons.get(e.id) ?? []),
    techniques: [...(techniquesByTactic.get(e.id) ?? new Map<string, string[]>())]
      .sort(([a], [b]) => compare(a, b))
      .map(([id, paths]) => ({ ...refOf(getEntry('mitre-atlas', id)!), lessons: inLessonOrder(paths) })),
  }));
  const techniques = listEntries({ framework: 'mitre-atlas' }).filter((e) => e.type === 'technique' && !e.deprecated);
  return {
    version: editionsOf('mitre-atlas').at(-1) ?? '',
    tactics,
    uncoveredTactics: tactics.filter((t) => t.lessons.length === 0).map((t) => t.id),
    techniqueCount: techniques.length,
    uncoveredTechniques: techniques.filter((e) => !coveredTechniques.has(e.id)).map(refOf),
  };
}

function findingsByRule(lessons: readonly LessonReportRecord[]): CourseReport['findingsByRule'] {
  const byRule = new Map<string, SeverityCounts & { lessons: number }>();
  for (const r of lessons) {
    for (const [ruleId, counts] of Object.entries(r.findings.byRule)) {
      const total = byRule.get(ruleId) ?? { ...zero(), lessons: 0 };
      add(total, counts);
      total.lessons++;
      byRule.set(ruleId, total);
    }
  }
  return [...byRule]
    .map(([ruleId, counts]) => ({ ruleId, ...counts }))
    .sort((a, b) => b.error - a.error || b.warning - a.warning || b.info - a.info || compare(a.ruleId, b.ruleId));
}

function zero(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

function add(total: SeverityCounts, counts: SeverityCounts): void {
  total.error += counts.error;
  total.warning += counts.warning;
  total.info += counts.info;
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
