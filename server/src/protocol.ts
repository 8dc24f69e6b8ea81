/**
 * Custom LSP messages between the Lessonlint client and server, beyond the
 * standard protocol. Shared by both sides so they cannot drift apart.
 */
import type { LintMessage } from './engine/types';

/** `lessonlint/previewModel`: the lesson as the preview shows it. */
export const PREVIEW_MODEL_REQUEST = 'lessonlint/previewModel';

export interface PreviewModelParams {
  uri: string;
}

export interface PreviewTag {
  /** As written in the lesson. */
  raw: string;
  /** Canonical spelling when recognized. */
  canonical?: string;
  framework?: string;
  edition?: string;
  /** Official entry name from the catalog, when the ID exists. */
  name?: string;
  url?: string;
  entryType?: string;
}

export interface PreviewSlide {
  number?: number;
  title?: string;
  words: number;
  seconds: number;
  /** The matching slide outline item (same position), if any. */
  outline?: { title?: string; description?: string };
}

export interface PreviewModel {
  uri: string;
  isLesson: boolean;
  id?: string;
  title?: string;
  type?: string;
  duration?: string;
  status?: string;
  module?: string;
  tags: PreviewTag[];
  objectives: string[];
  /** Markdown source of the Core content section (the client renders and sanitizes it). */
  coreContentMarkdown?: string;
  realWorldExampleMarkdown?: string;
  keyTerms: Array<{ term: string; definition?: string }>;
  references: Array<{ text: string; urls: string[] }>;
  quiz: Array<{ question?: string; answer?: string }>;
  slides: PreviewSlide[];
  totalWords: number;
  estimatedMinutes?: number;
  declaredMinutes?: number;
  declaredWords?: number;
  productionNotes: string[];
  findings: LintMessage[];
}

/** `lessonlint/lintCourse` (client → server): lint every lesson of the workspace; returns the number of findings. */
export const LINT_COURSE_REQUEST = 'lessonlint/lintCourse';

/** `lessonlint/nextLessonId` (client → server): the next free lesson ID for a module and unit. */
export const NEXT_LESSON_ID_REQUEST = 'lessonlint/nextLessonId';
export interface NextLessonIdParams {
  module: number;
  unit: number;
}
export interface NextLessonIdResult {
  id: string;
  /** Module title used by other lessons of that module, if any. */
  moduleTitle?: string;
}

/** `lessonlint/readFile` (server → client, browser build only): file access injected by the client. */
export const READ_FILE_REQUEST = 'lessonlint/readFile';
export interface ReadFileParams {
  uri: string;
}
/** The file's text, or null when it does not exist. */
export type ReadFileResult = string | null;

/** `lessonlint/listFiles` (server → client, browser build only): markdown and config files of a workspace folder. */
export const LIST_FILES_REQUEST = 'lessonlint/listFiles';
export interface ListFilesParams {
  folderUri: string;
}
export type ListFilesResult = string[];
