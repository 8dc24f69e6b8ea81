/**
 * Data of `lessonlint report`. A LessonReportRecord is what one lesson
 * contributes (built by reportRecordOf from the lesson model, its findings
 * and the template); a CourseReport aggregates the records (buildCourseReport)
 * and is what the markdown, HTML and JSON renderers print. Both are plain
 * JSON data, so records can cross worker threads or sit in a cache.
 */
import type { EntryType, FrameworkKey, LookupResult } from '../engine/catalog/types';
import type { OwaspLlmEdition } from '../engine/config/template';
import type { Severity } from '../engine/types';
import type { ToolInfo } from '../formats/types';

export type SeverityCounts = Record<Severity, number>;

/** One framework tag of a lesson, resolved against the catalog. */
export interface ReportTag {
  /** As written in the lesson. */
  raw: string;
  /** Canonical spelling, when the tag is recognisable. */
  canonical?: string;
  framework?: FrameworkKey;
  /** Bare ID: "LLM03", "AML.T0049". */
  id?: string;
  /** Edition the tag resolves in: the one written, else the course's ("2025"), else the catalog's ("5.6.0"). */
  edition?: string;
  status: LookupResult['status'] | 'unrecognized';
  /** Official name, when found. */
  name?: string;
  type?: EntryType;
  /** ATLAS techniques and sub-techniques: the tactics they serve. */
  tactics?: string[];
  /** ATLAS sub-techniques: the technique. */
  parent?: string;
  url?: string;
}

/** Lines where a suppression comment switches rules off. */
export interface ReportSuppression {
  /** Rule IDs; empty means every rule. */
  rules: string[];
  fromLine: number;
  /** Absent when the suppression runs to the end of the file. */
  toLine?: number;
}

export interface LessonReportRecord {
  filePath: string;
  /** "L4.2.2" as written in the H1 (or front matter). */
  id?: string;
  idParts?: number[];
  title?: string;
  type?: string;
  /** Lesson status (Mandatory, Optional) as written. */
  status?: string;
  module?: { number?: number; title?: string };
  /** The Duration field, in minutes. */
  declaredMinutes?: number;
  /** Spoken words of the video script (markers excluded). */
  spokenWords?: number;
  /** Speaking time estimated from the spoken words and the template's words per minute. */
  estimatedMinutes?: number;
  /** The course edition the lesson's unqualified OWASP LLM tags refer to. */
  owaspLlmEdition: OwaspLlmEdition;
  /** Distinct tags in source order. */
  tags: ReportTag[];
  suppressions: ReportSuppression[];
  findings: SeverityCounts & { byRule: Record<string, SeverityCounts> };
}

/** A catalog entry as the report names it. */
export interface EntryRef {
  id: string;
  name: string;
  url?: string;
  /** Edition of an OWASP entry ("2025"). */
  edition?: string;
  deprecated?: boolean;
}

export interface LessonRow {
  filePath: string;
  id?: string;
  title?: string;
  type?: string;
  status?: string;
  declaredMinutes?: number;
  estimatedMinutes?: number;
  spokenWords?: number;
  findings: SeverityCounts;
}

export interface ModuleReport {
  number?: number;
  title?: string;
  lessons: LessonRow[];
  declaredMinutes: number;
  /** Sum over the lessons that have an estimate. */
  estimatedMinutes: number;
  statusCounts: Record<string, number>;
}

export interface LessonCoverage {
  filePath: string;
  id?: string;
  owaspLlm: EntryRef[];
  owaspMl: EntryRef[];
  owaspAgentic: EntryRef[];
  /** Tagged directly or through a tagged technique. */
  atlasTactics: EntryRef[];
  atlasTechniques: EntryRef[];
  /** ATLAS mitigations and case studies. */
  atlasOther: EntryRef[];
  /** Tags that did not resolve to a catalog entry, as written. */
  unresolved: string[];
}

/** Every entry of one framework edition, with the lessons (file paths) that tag it. */
export interface FrameworkCoverage {
  framework: FrameworkKey;
  name: string;
  edition: string;
  entries: Array<EntryRef & { lessons: string[] }>;
  /** IDs of current (not deprecated) entries no lesson tags. */
  uncovered: string[];
}

export interface AtlasCoverage {
  version: string;
  /** Tactics in ATLAS matrix order. */
  tactics: Array<EntryRef & { matrixOrder?: number; lessons: string[]; techniques: Array<EntryRef & { lessons: string[] }> }>;
  uncoveredTactics: string[];
  /** Current top-level techniques: how many there are and which no lesson tags (a sub-technique tag covers its technique). */
  techniqueCount: number;
  uncoveredTechniques: EntryRef[];
}

export interface CourseReport {
  tool: ToolInfo;
  /** Only when the caller passes one: without it the report is byte-stable. */
  generatedAt?: string;
  totals: {
    lessons: number;
    modules: number;
    declaredMinutes: number;
    estimatedMinutes: number;
    /** Lessons without a video script to estimate from. */
    lessonsWithoutEstimate: number;
    statusCounts: Record<string, number>;
    findings: SeverityCounts;
  };
  modules: ModuleReport[];
  coverage: {
    lessons: LessonCoverage[];
    /** OWASP LLM (one per configured edition), OWASP ML, OWASP Agentic. */
    frameworks: FrameworkCoverage[];
    atlas: AtlasCoverage;
  };
  suppressions: Array<ReportSuppression & { filePath: string; id?: string }>;
  findingsByRule: Array<SeverityCounts & { ruleId: string; lessons: number }>;
}
