/**
 * What the transport-agnostic server needs from its surroundings: file access
 * and a path mapping. The Node entry gives it the file system; the browser
 * entry asks the client (READ_FILE_REQUEST / LIST_FILES_REQUEST).
 */
import type { CourseLesson } from '../engine/course/types';
import type { ComplexityLimits } from '../engine/guard';
import type { LessonLinter } from './linter';
import type { PathMapper } from './paths';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface HostFileChange {
  path: string;
  kind: FileChangeKind;
}

/** What indexing found in a file that is not open. */
export type IndexedFile =
  | { kind: 'missing' }
  | { kind: 'too-large'; length: number }
  /** `header` is undefined for a file that is not a lesson, or that the complexity guard refuses. */
  | { kind: 'header'; header: CourseLesson | undefined }
  /** The reader failed (its thread died, say); the file's lint, when asked for, tells why. */
  | { kind: 'failed'; message: string };

/** Reads files' course headers for one indexing run; dispose() when the run ends. */
export interface IndexReader {
  read(path: string, maxLength: number, limits: Partial<ComplexityLimits> | undefined): Promise<IndexedFile>;
  dispose(): void;
}

export interface LessonlintHost {
  paths: PathMapper;
  /** A file's text; undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Markdown and config files below a folder (recursively), skipping dependency and VCS folders. */
  listFiles(folderPath: string): Promise<string[]>;
  /**
   * Watches folders itself; used only when the client cannot register
   * `workspace/didChangeWatchedFiles` watchers. Returns a stop function.
   */
  watchFolders?(folderPaths: readonly string[], onChange: (changes: HostFileChange[]) => void): () => void;
  /**
   * Where lessons are linted, with a time budget per lint; without it the
   * server lints in its own thread and cannot stop a slow lint.
   */
  createLinter?(budgetMs: number, log: (message: string) => void): LessonLinter;
  /**
   * Reads course headers away from the server's thread, for one indexing
   * run; without it the server reads the files and parses the headers itself.
   */
  createIndexReader?(): IndexReader;
}
