/**
 * The server's state: workspace folders, the analysis of each open document
 * (one per version), the lesson findings of closed files, the configuration
 * store and the course index. Open documents win over the disk: a file that
 * is open is read from its editor buffer, never from disk.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isIgnored } from '../config/index';
import { toMessages, type LintMessage } from '../engine/index';
import { analyze, type LessonAnalysis } from './analysis';
import type { ConfigStore, LoadedConfig } from './config-store';
import { CourseIndex } from './course-index';
import type { IndexedFile, IndexReader, LessonlintHost } from './host';
import { InThreadIndexReader } from './index-reader';
import type { LessonLinter, NotChecked } from './linter';
import { isInside, isMarkdownPath } from './paths';
import type { ServerTuning } from './settings';

/** What the diagnostics of one file are made from, whether it is open or not. */
export interface LessonReport {
  /** Findings of the lesson rules (course findings come from the index). */
  messages: readonly LintMessage[];
  tooLarge?: { length: number; limit: number };
  notChecked?: NotChecked;
}

/** Files handed to the index reader at once: enough that it never waits for this thread, and reading overlaps parsing. */
const INDEXED_AT_ONCE = 8;

export class LessonlintWorkspace {
  readonly index = new CourseIndex();
  /** Paths of the workspace folders. */
  private readonly folders = new Set<string>();
  /** Latest analysis of each open document, by URI. */
  private readonly analyses = new Map<string, LessonAnalysis>();
  /** Lesson findings of lessons that are not open, by path (linted when first asked for: the index reads headers only). */
  private readonly closed = new Map<string, LessonReport>();
  /** Lessons on disk whose lesson findings are not known yet; their lint runs when they are asked for. */
  private readonly unlinted = new Set<string>();
  /** Bumped when a path's disk state is re-read, so that a lint of the older text does not overwrite it. */
  private readonly generations = new Map<string, number>();
  private indexing: Promise<void> = Promise.resolve();
  /** Index runs started and not yet finished (each waits for the one before it). */
  private indexRunsPending = 0;
  /** Set when the first index is complete: until then the course rules would see part of the course only. */
  private firstIndexDone = false;
  /** The lint under way for each open document, and the version it was asked for. */
  private readonly linting = new Map<string, { version: number; promise: Promise<LessonAnalysis | undefined> }>();

  constructor(
    readonly host: LessonlintHost,
    readonly documents: TextDocuments<TextDocument>,
    readonly configs: ConfigStore,
    readonly tuning: ServerTuning,
    readonly linter: LessonLinter,
    private readonly log: (message: string) => void,
  ) {}

  addFolder(uri: string): string | undefined {
    const path = this.host.paths.addFolder(uri);
    if (path !== undefined) this.folders.add(path);
    return path;
  }

  /** Forgets a folder and the lessons in it. */
  removeFolder(uri: string): void {
    const path = this.host.paths.toPath(uri);
    if (path === undefined || !this.folders.delete(path)) return;
    for (const p of this.lessonPaths().filter((l) => isInside(l, path) && this.folderOf(l) === undefined)) {
      if (this.isOpen(p)) this.analyses.delete(this.host.paths.toUri(p)); // re-analyzed as a file outside the course
      else this.forget(p);
    }
  }

  folderPaths(): string[] {
    return [...this.folders];
  }

  /** The innermost workspace folder holding `path`. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (isInside(path, folder) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  isOpen(path: string): boolean {
    return this.documents.get(this.host.paths.toUri(path)) !== undefined;
  }

  cachedAnalysis(uri: string): LessonAnalysis | undefined {
    const analysis = this.analyses.get(uri);
    const document = this.documents.get(uri);
    return analysis && document && analysis.version === document.version ? analysis : undefined;
  }

  /**
   * The analysis of an open document's current version, linting it when it
   * changed. While the lint runs the document may change again: the result
   * is then that of an older version (still what the request was about),
   * and the lint of the newer one follows from the edit.
   */
  async analyzeDocument(uri: string): Promise<LessonAnalysis | undefined> {
    for (;;) {
      const cached = this.cachedAnalysis(uri);
      if (cached) return cached;
      const document = this.documents.get(uri);
      if (!document) return undefined;
      // Concurrent requests for the same version share one lint.
      let running = this.linting.get(uri);
      if (!running || running.version !== document.version) {
        const promise = this.lintDocument(uri).finally(() => {
          if (this.linting.get(uri)?.promise === promise) this.linting.delete(uri);
        });
        running = { version: document.version, promise };
        this.linting.set(uri, running);
      }
      const analysis = await running.promise;
      // Undefined: skipped for a newer version before it started (or the document closed); go round for that one.
      if (analysis) return analysis;
    }
  }

  private async lintDocument(uri: string): Promise<LessonAnalysis | undefined> {
    const path = this.host.paths.toPath(uri);
    const loaded = await this.configs.configFor(path, path === undefined ? undefined : this.folderOf(path));
    // The document may have changed (or closed) while the configuration loaded.
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const raced = this.cachedAnalysis(uri);
    if (raced) return raced;
    const analysis = await analyze(
      {
        uri,
        ...(path !== undefined ? { path } : {}),
        version: document.version,
        text: document.getText(),
        config: loaded.config,
        maxLessonLength: this.tuning.maxLessonLength,
        ignored: path !== undefined && isIgnored(path, loaded.config.ignores),
      },
      this.linter,
      () => this.documents.get(uri)?.version !== document.version,
    );
    if (!analysis) return undefined;
    const current = this.documents.get(uri);
    if (!current) return analysis;
    const stored = this.analyses.get(uri);
    if (!stored || (stored.version ?? 0) <= document.version) this.analyses.set(uri, analysis);
    // Only the current version speaks for the course; the lint of a newer one follows its edit.
    if (path !== undefined && current.version === document.version) {
      this.closed.delete(path);
      this.updateIndex(path, analysis, loaded);
    }
    return analysis;
  }

  /** The analysis of a lesson by path: its open document, else the file on disk (not cached). */
  async analyzePath(path: string): Promise<LessonAnalysis | undefined> {
    const uri = this.host.paths.toUri(path);
    if (this.documents.get(uri)) return this.analyzeDocument(uri);
    const text = await this.host.readFile(path);
    if (text === undefined) return undefined;
    const loaded = await this.configs.configFor(path, this.folderOf(path));
    return analyze(
      {
        uri,
        path,
        version: null,
        text,
        config: loaded.config,
        maxLessonLength: this.tuning.maxLessonLength,
        ignored: isIgnored(path, loaded.config.ignores),
      },
      this.linter,
    );
  }

  /**
   * Re-reads a file that is not open (after a change on disk, or when its
   * editor closed) into the index and the closed-file findings.
   */
  async refreshFromDisk(path: string): Promise<void> {
    if (this.isOpen(path)) return;
    const generation = this.bumpGeneration(path);
    const text = await this.host.readFile(path);
    if (this.isOpen(path)) return;
    if (text === undefined) return this.forget(path);
    const loaded = await this.configs.configFor(path, this.folderOf(path));
    if (isIgnored(path, loaded.config.ignores)) return this.forget(path);
    const uri = this.host.paths.toUri(path);
    const analysis = await analyze({ uri, path, version: null, text, config: loaded.config, maxLessonLength: this.tuning.maxLessonLength }, this.linter);
    // Opened while it was linted (the editor's text has the last word), or read again since.
    if (!analysis || this.isOpen(path) || this.generations.get(path) !== generation) return;
    this.unlinted.delete(path);
    if (analysis.result?.lesson.isLesson || analysis.tooLarge || analysis.notChecked) this.closed.set(path, reportOf(analysis));
    else this.closed.delete(path);
    this.updateIndex(path, analysis, loaded);
  }

  /**
   * Reads a file that is not open into the index: its header only, without
   * the lint (courseHeader parses only the parts the header comes from). Its
   * lesson findings are linted when first asked for (`closedReport`).
   */
  private async indexFromDisk(path: string, reader: IndexReader): Promise<void> {
    if (this.isOpen(path)) return;
    const generation = this.bumpGeneration(path);
    const loaded = await this.configs.configFor(path, this.folderOf(path));
    if (this.isOpen(path) || this.generations.get(path) !== generation) return;
    if (isIgnored(path, loaded.config.ignores)) return this.forget(path);
    const file = await reader.read(path, this.tuning.maxLessonLength, loaded.config.limits);
    // Opened, changed or deleted meanwhile: what happened since has the last word.
    if (this.isOpen(path) || this.generations.get(path) !== generation) return;
    this.recordIndexed(path, file, loaded);
  }

  private recordIndexed(path: string, file: IndexedFile, loaded: LoadedConfig): void {
    if (file.kind === 'missing') return this.forget(path);
    this.closed.delete(path);
    this.unlinted.delete(path);
    if (file.kind === 'too-large') {
      this.closed.set(path, { messages: [], tooLarge: { length: file.length, limit: this.tuning.maxLessonLength } });
      this.index.set(path, undefined);
      return;
    }
    const header = file.kind === 'header' ? file.header : undefined;
    // A file the reader failed on is linted when first shown, and its lint says what is wrong.
    if (header || file.kind === 'failed') this.unlinted.add(path);
    this.index.set(path, header ? { lesson: header, folder: this.folderOf(path), config: loaded.config, configKey: loaded.key } : undefined);
  }

  /**
   * The lesson findings of a file that is not open, linting it first when
   * the index read only its header. Undefined for a file that is open, not a
   * lesson, or gone.
   */
  async closedReport(path: string): Promise<LessonReport | undefined> {
    if (this.documents.get(this.host.paths.toUri(path))) return undefined;
    if (!this.unlinted.has(path)) return this.closed.get(path);
    const generation = this.generations.get(path);
    const text = await this.host.readFile(path);
    if (text === undefined || this.generations.get(path) !== generation || this.isOpen(path)) return this.closed.get(path);
    const loaded = await this.configs.configFor(path, this.folderOf(path));
    const uri = this.host.paths.toUri(path);
    const analysis = await analyze({ uri, path, version: null, text, config: loaded.config, maxLessonLength: this.tuning.maxLessonLength }, this.linter);
    if (!analysis || this.generations.get(path) !== generation || this.isOpen(path)) return this.closed.get(path);
    this.unlinted.delete(path);
    this.closed.set(path, reportOf(analysis));
    // The full lint's header is the index's too (they are equal); a lint that did not finish keeps the indexed one.
    this.updateIndex(path, analysis, loaded);
    return this.closed.get(path);
  }

  private bumpGeneration(path: string): number {
    const generation = (this.generations.get(path) ?? 0) + 1;
    this.generations.set(path, generation);
    return generation;
  }

  /** A file was deleted (or left the workspace). */
  forget(path: string): void {
    this.bumpGeneration(path);
    this.closed.delete(path);
    this.unlinted.delete(path);
    this.index.set(path, undefined);
  }

  documentClosed(uri: string): void {
    this.analyses.delete(uri);
  }

  /** Paths of every lesson known from disk or open documents (lessons, and files too large to check). */
  lessonPaths(): string[] {
    const paths = new Set<string>([...this.closed.keys(), ...this.index.lessons().map((e) => e.lesson.filePath)]);
    return [...paths].sort();
  }

  /**
   * Reads the header of every markdown file of every folder into the index,
   * through the host's index reader (the Node server's index thread), or in
   * this thread, each file parsed as its text arrives so that messages (an
   * edit, a request) are handled in between.
   */
  indexFolders(folders: readonly string[] = this.folderPaths()): Promise<void> {
    // With no run to wait for, the first reader is made at once: the index thread starts up while the caller goes on
    // (the Node server starts watching the folders) and while the folder is listed.
    let early = this.indexRunsPending === 0 && folders.length > 0 ? this.createIndexReader() : undefined;
    this.indexRunsPending++;
    const run = async () => {
      for (const folder of folders) {
        const reader = early ?? this.createIndexReader();
        early = undefined;
        let files: string[];
        try {
          files = await this.host.listFiles(folder);
        } catch (error) {
          reader.dispose();
          this.log(`lessonlint: listing ${folder} failed: ${String(error)}`);
          continue;
        }
        const paths = files.filter((path) => isMarkdownPath(path));
        if (!(await this.indexWithReader(folder, paths, reader))) return;
      }
    };
    this.indexing = this.indexing.then(run, run).finally(() => {
      this.indexRunsPending--;
      this.firstIndexDone = true;
    });
    return this.indexing;
  }

  /** The host's index reader, or one in this thread when the host has none or it cannot start. */
  private createIndexReader(): IndexReader {
    try {
      const reader = this.host.createIndexReader?.();
      if (reader) return reader;
    } catch (error) {
      this.log(`lessonlint: cannot start the index thread (${error instanceof Error ? error.message : String(error)}); indexing in this thread`);
    }
    return new InThreadIndexReader((path) => this.host.readFile(path));
  }

  /**
   * Indexes a folder's files, a few at a time so that the reader always has
   * the next file (and, in this thread, the next files are being read while
   * one is parsed). False when the folder left the workspace meanwhile.
   */
  private async indexWithReader(folder: string, paths: readonly string[], reader: IndexReader): Promise<boolean> {
    const indexing: Array<Promise<void>> = [];
    let complete = true;
    try {
      for (const path of paths) {
        if (!this.folders.has(folder)) {
          complete = false;
          break;
        }
        indexing.push(
          this.indexFromDisk(path, reader).catch((error: unknown) => {
            this.log(`lessonlint: indexing ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }),
        );
        if (indexing.length >= INDEXED_AT_ONCE) await indexing.shift();
      }
      // The files already handed over are finished before the reader stops.
      await Promise.all(indexing);
      return complete;
    } finally {
      reader.dispose();
    }
  }

  /**
   * Resolves when the first index is complete, or after `ms` if it is not by
   * then: in a small workspace the first diagnostics then include the course
   * findings, in a large one they do not wait for them.
   */
  indexedWithin(ms: number): Promise<void> {
    if (this.courseReady) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void this.indexing.finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Whether the course rules may run: the first index is complete. (A later
   * index, after a configuration change, updates a course that is whole.)
   */
  get courseReady(): boolean {
    return this.firstIndexDone;
  }

  /** Resolves once the indexing started so far is done. */
  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  /** Configuration changed: every analysis is redone on next use, the course rules run again. */
  invalidateConfigs(): void {
    this.configs.invalidate();
    this.analyses.clear();
    this.index.invalidate();
  }

  private updateIndex(path: string, analysis: LessonAnalysis, loaded: LoadedConfig): void {
    // A lesson whose lint did not finish keeps the header it had: nothing is known about the new text.
    if (analysis.notChecked) return;
    const course = analysis.ignored ? undefined : analysis.result?.course;
    this.index.set(path, course ? { lesson: course, folder: this.folderOf(path), config: loaded.config, configKey: loaded.key } : undefined);
  }
}

export function reportOf(analysis: LessonAnalysis): LessonReport {
  return {
    messages: analysis.result && !analysis.ignored ? toMessages(analysis.result.findings, analysis.result.lines) : [],
    ...(analysis.tooLarge && !analysis.ignored ? { tooLarge: analysis.tooLarge } : {}),
    ...(analysis.notChecked && !analysis.ignored ? { notChecked: analysis.notChecked } : {}),
  };
}
