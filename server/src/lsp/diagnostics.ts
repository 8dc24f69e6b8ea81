/**
 * Diagnostics: findings as LSP diagnostics, served by pull
 * (`textDocument/diagnostic` with inter-file dependencies, and
 * `workspace/diagnostic` for the whole course) or pushed
 * (`textDocument/publishDiagnostics`) to clients without pull support.
 *
 * What each file shows:
 * - an open document: its lesson findings and its course findings;
 * - a lesson that is not open: its course findings (a duplicate ID, a broken
 *   "Up next"…), so they appear without opening the file; all its findings
 *   once the client pulls workspace diagnostics or asks to lint the course.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type MessageActionItem,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { rulesById, type LintMessage, type Severity } from '../engine/index';
import type { FindingTag } from '../engine/types';
import { rangeOfLineColumns } from './analysis';
import type { ConfigProblem } from './config-store';
import type { LessonlintHost } from './host';
import type { NotChecked } from './linter';
import type { EditScheduler } from './scheduler';
import type { LessonlintSettings } from './settings';
import { reportOf, type LessonlintWorkspace, type LessonReport } from './workspace';

export const DIAGNOSTIC_SOURCE = 'lessonlint';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAGS: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** The docs page of a rule under a base URL (settings.docsBaseUrl). */
export function ruleDocsHref(docsBaseUrl: string, ruleId: string): string {
  return `${docsBaseUrl}${encodeURIComponent(ruleId)}.md`;
}

/** One finding (lesson or course) as a diagnostic; related places become related information. */
export function diagnosticOf(message: LintMessage, docsBaseUrl: string, toUri: (path: string) => string, ownUri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOfLineColumns(message),
    severity: SEVERITIES[message.severity],
    source: DIAGNOSTIC_SOURCE,
    code: message.ruleId,
    // Findings that are not rules of the registry (the engine's lesson-too-complex guard) have no docs page.
    ...(rulesById.has(message.ruleId) ? { codeDescription: { href: ruleDocsHref(docsBaseUrl, message.ruleId) } } : {}),
    message: message.message,
  };
  if (message.related && message.related.length > 0) {
    diagnostic.relatedInformation = message.related.map((r) => ({
      location: { uri: r.filePath ? toUri(r.filePath) : ownUri, range: rangeOfLineColumns(r.range) },
      message: r.message,
    }));
  }
  if (message.tags && message.tags.length > 0) diagnostic.tags = message.tags.map((t) => TAGS[t]);
  return diagnostic;
}

/** Same ID as the CLI's (cli/read.ts FILE_RULE_IDS): not a rule, so no docs link and no suppression. */
const FILE_TOO_LARGE = 'lessonlint/file-too-large';

/** "2.9 MB", "512 KB" (KB = 1024 bytes), as the CLI prints sizes. */
function formatSize(size: number): string {
  for (const [unit, bytes] of [['MB', 1024 ** 2], ['KB', 1024]] as const) if (size >= bytes) return `${Number((size / bytes).toFixed(1))} ${unit}`;
  return `${size} bytes`;
}

function tooLargeDiagnostic(tooLarge: { length: number; limit: number }): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: FILE_TOO_LARGE,
    message: `lesson too large to check (${formatSize(tooLarge.length)} > ${formatSize(tooLarge.limit)} limit); the editor skips it to stay responsive`,
  };
}

/** Same ID as the CLI's for a lesson that ran out of time (cli/read.ts FILE_RULE_IDS.tooComplex). */
const NOT_CHECKED = 'lessonlint/too-complex';
/** The engine threw or the lint thread died: a bug, reported on the lesson rather than lost in a log. */
const LINT_FAILED = 'lessonlint/internal-error';

/** "5 s", "1.5 s", "300 ms". */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function notCheckedDiagnostic(notChecked: NotChecked): Diagnostic {
  const start = { line: 0, character: 0 };
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    ...(notChecked.reason === 'timed-out'
      ? {
          code: NOT_CHECKED,
          message: `Lesson not checked: its lint took longer than ${formatDuration(notChecked.budgetMs)}; the server stopped it to stay responsive (it is checked again after the next edit)`,
        }
      : { code: LINT_FAILED, message: `Lesson not checked: the linter failed (${notChecked.message}); please report this as a Lessonlint bug` }),
  };
}

/** A file's diagnostics: its lesson findings (when `withLesson`) and its course findings, in source order. */
export function diagnosticsOf(
  report: LessonReport | undefined,
  course: readonly LintMessage[],
  uri: string,
  docsBaseUrl: string,
  toUri: (path: string) => string,
  withLesson = true,
): Diagnostic[] {
  const messages = [...(withLesson && report ? report.messages : []), ...course].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
  const diagnostics = messages.map((m) => diagnosticOf(m, docsBaseUrl, toUri, uri));
  if (withLesson && report?.tooLarge) diagnostics.unshift(tooLargeDiagnostic(report.tooLarge));
  if (withLesson && report?.notChecked) diagnostics.unshift(notCheckedDiagnostic(report.notChecked));
  return diagnostics;
}

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** How long an open document's diagnostics wait for an index under way, so that a small course's come with its course findings. */
const INDEX_GRACE_MS = 200;

export interface DiagnosticsCapabilities {
  /** The client pulls (`textDocument/diagnostic`). */
  pull: boolean;
  /** The client honours `workspace/diagnostic/refresh`. */
  refresh: boolean;
}

interface ResultState {
  resultId: string;
  signature: string;
}

export class DiagnosticsController {
  /** Set once the client pulls workspace diagnostics: from then on, files that are not open are served by pull. */
  private workspacePulled = false;
  /** Set by `lessonlint/lintCourse`: lessons that are not open then show all their findings, not only course ones. */
  private courseLinted = false;
  /** Signature of what was last pushed, by URI. */
  private readonly pushed = new Map<string, string>();
  private readonly documentResults = new Map<string, ResultState>();
  private readonly workspaceResults = new Map<string, ResultState>();
  private nextResultId = 1;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Config files that currently show a problem. */
  private readonly configProblemFiles = new Set<string>();
  private readonly reportedConfigMessages = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: LessonlintWorkspace,
    private readonly host: LessonlintHost,
    private readonly scheduler: EditScheduler,
    private readonly settingsFor: (uri: string) => Promise<LessonlintSettings>,
    private readonly capabilities: DiagnosticsCapabilities,
  ) {}

  /** Whether files that are not open get their diagnostics pushed (rather than pulled). */
  private get pushClosed(): boolean {
    return !this.capabilities.pull || !this.workspacePulled;
  }

  /** The diagnostics of an open document's current version (lesson + course). */
  async documentDiagnostics(uri: string): Promise<Diagnostic[]> {
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return [];
    const [analysis] = await Promise.all([this.workspace.analyzeDocument(uri), this.workspace.indexedWithin(INDEX_GRACE_MS)]);
    if (!analysis) return [];
    this.courseMayHaveChanged(uri);
    const course = analysis.path !== undefined && !analysis.ignored ? this.workspace.index.findingsFor(analysis.path) : [];
    return diagnosticsOf(reportOf(analysis), course, uri, settings.docsBaseUrl, (p) => this.host.paths.toUri(p));
  }

  /** `textDocument/diagnostic`. */
  async pullDocument(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    if (!(await this.scheduler.settled(uri, token))) throw cancelledError();
    const document = this.workspace.documents.get(uri);
    const previous = this.documentResults.get(uri);
    if (document && previous && (await this.settingsFor(uri)).run === 'onSave' && this.scheduler.isDirty(uri, document.version)) {
      // Linting on save only: keep what the client shows until the next save.
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
    }
    const diagnostics = await this.documentDiagnostics(uri);
    if (token.isCancellationRequested) throw cancelledError();
    return this.report(this.documentResults, uri, diagnostics, params.previousResultId);
  }

  /** `workspace/diagnostic`: every lesson that is not open (open ones are pulled one by one). */
  async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    if (!this.workspacePulled) {
      this.workspacePulled = true;
      // Pull takes over from the course findings pushed so far.
      for (const uri of [...this.pushed.keys()]) if (!this.workspace.documents.get(uri)) this.push(uri, []);
    }
    await this.workspace.whenIndexed();
    this.courseMayHaveChanged();
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const path of this.workspace.lessonPaths()) {
      if (token.isCancellationRequested) throw cancelledError();
      const uri = this.host.paths.toUri(path);
      if (this.workspace.documents.get(uri)) continue;
      const diagnostics = await this.closedDiagnostics(path, true);
      const report = this.report(this.workspaceResults, uri, diagnostics, previous.get(uri));
      items.push({ ...report, uri, version: null });
    }
    return { items };
  }

  /** An open document settled after edits (or was opened or saved): lint it, push if pushing. */
  async documentSettled(uri: string): Promise<void> {
    const document = this.workspace.documents.get(uri);
    if (!document) return;
    if (this.capabilities.pull) {
      // The client pulls this document; keep the course (other files' findings) current.
      await this.workspace.analyzeDocument(uri);
      this.courseMayHaveChanged(uri);
      return;
    }
    const settings = await this.settingsFor(uri);
    if (settings.run === 'onSave' && this.scheduler.isDirty(uri, document.version)) {
      // Linting on save only: the course still follows the buffer, the diagnostics wait for the save.
      await this.workspace.analyzeDocument(uri);
      this.courseMayHaveChanged(uri);
      return;
    }
    const diagnostics = await this.documentDiagnostics(uri);
    const current = this.workspace.documents.get(uri);
    // A newer edit supersedes this result; its own lint will push.
    if (!current || current.version !== document.version) return;
    this.push(uri, diagnostics, document.version);
  }

  /** A document was saved: with `run: onSave`, this is when it is linted. */
  async documentSaved(uri: string): Promise<void> {
    if (this.capabilities.pull) {
      if (this.capabilities.refresh && (await this.settingsFor(uri)).run === 'onSave') this.requestRefresh();
      return;
    }
    await this.documentSettled(uri);
  }

  /** A lesson file was deleted: nothing of it is shown any more. */
  fileDeleted(uri: string): void {
    this.workspaceResults.delete(uri);
    this.push(uri, []);
    if (!this.pushClosed) this.requestRefresh();
  }

  documentOpened(uri: string): void {
    // Pulled from now on: drop what was pushed for it as a closed file.
    if (this.capabilities.pull && this.pushed.has(uri)) this.push(uri, []);
  }

  /** A document closed: it falls back to the closed-file view (course findings). */
  async documentClosed(uri: string, path: string | undefined): Promise<void> {
    this.documentResults.delete(uri);
    if (path === undefined) {
      if (!this.capabilities.pull) this.push(uri, []);
    } else if (this.pushClosed) {
      this.push(uri, await this.closedDiagnostics(path, this.courseLinted));
    } else {
      this.requestRefresh();
    }
  }

  /** Re-runs the course rules if a header changed and brings every affected file up to date. */
  courseMayHaveChanged(exceptUri?: string): void {
    // Over part of the course the rules would report what is only not indexed yet (a missing "Up next" target, say).
    if (!this.workspace.courseReady) return;
    const changed = this.workspace.index.refresh();
    if (changed.size > 0) this.courseChanged(changed, exceptUri).catch((error: unknown) => this.logError(error));
  }

  private async courseChanged(paths: Set<string>, exceptUri?: string): Promise<void> {
    let refresh = false;
    for (const path of paths) {
      const uri = this.host.paths.toUri(path);
      if (uri === exceptUri) continue;
      if (this.workspace.documents.get(uri)) {
        if (this.capabilities.pull) refresh = true;
        else await this.republishOpen(uri);
      } else if (this.pushClosed) {
        this.push(uri, await this.closedDiagnostics(path, this.courseLinted));
      } else {
        refresh = true;
      }
    }
    if (refresh) this.requestRefresh();
  }

  /** Everything may have changed (settings, configuration): bring every file up to date. */
  async refreshAll(): Promise<void> {
    if (this.workspace.courseReady) this.workspace.index.refresh();
    if (this.capabilities.pull) this.requestRefresh();
    else for (const document of this.workspace.documents.all()) await this.republishOpen(document.uri);
    if (this.pushClosed) await this.publishClosedLessons();
  }

  /** `lessonlint/lintCourse`: every lesson's findings, shown for closed files too; returns how many there are. */
  async lintCourse(token: CancellationToken): Promise<number> {
    await this.workspace.whenIndexed();
    this.courseLinted = true;
    for (const document of this.workspace.documents.all()) await this.workspace.analyzeDocument(document.uri);
    this.courseMayHaveChanged();
    let count = 0;
    for (const document of this.workspace.documents.all()) {
      if (token.isCancellationRequested) throw cancelledError();
      count += (await this.documentDiagnostics(document.uri)).length;
    }
    for (const path of this.workspace.lessonPaths()) {
      if (token.isCancellationRequested) throw cancelledError();
      if (this.workspace.isOpen(path)) continue;
      count += (await this.closedDiagnostics(path, true)).length;
    }
    if (this.pushClosed) await this.publishClosedLessons();
    else this.requestRefresh();
    return count;
  }

  /** Shows broken config files: a diagnostic on the file, or one message when the client cannot show it. */
  async showConfigProblems(problems: ReadonlyMap<string, ConfigProblem>, canPublish: boolean): Promise<void> {
    for (const path of [...this.configProblemFiles]) {
      if (problems.has(path)) continue;
      this.configProblemFiles.delete(path);
      if (canPublish) this.push(this.host.paths.toUri(path), []);
    }
    for (const problem of problems.values()) {
      if (!canPublish) {
        const text = `Lessonlint: the config file ${problem.filePath}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''} is not valid: ${problem.message}. Using the last valid configuration.`;
        if (!this.reportedConfigMessages.has(text)) {
          this.reportedConfigMessages.add(text);
          // A request (window/showMessageRequest): a client that does not answer it must not take the server down.
          this.connection.window.showErrorMessage<MessageActionItem>(text).catch((error: unknown) => this.logError(error));
        }
        continue;
      }
      this.configProblemFiles.add(problem.filePath);
      const line = Math.max(0, (problem.line ?? 1) - 1);
      const character = Math.max(0, (problem.column ?? 1) - 1);
      const text = await this.host.readFile(problem.filePath);
      const lineText = text?.split(/\r\n|\r|\n/)[line] ?? '';
      this.push(this.host.paths.toUri(problem.filePath), [
        {
          range: { start: { line, character }, end: { line, character: Math.max(character + 1, lineText.length) } },
          severity: DiagnosticSeverity.Error,
          source: DIAGNOSTIC_SOURCE,
          message: `${problem.message} (lessonlint keeps using the last valid configuration until this is fixed)`,
        },
      ]);
    }
  }

  private async republishOpen(uri: string): Promise<void> {
    const document = this.workspace.documents.get(uri);
    if (!document) return;
    this.push(uri, await this.documentDiagnostics(uri), document.version);
  }

  private async publishClosedLessons(): Promise<void> {
    const paths = new Set([...this.workspace.lessonPaths(), ...this.workspace.index.pathsWithFindings()]);
    for (const path of paths) {
      if (this.workspace.isOpen(path)) continue;
      this.push(this.host.paths.toUri(path), await this.closedDiagnostics(path, this.courseLinted));
    }
  }

  /** Diagnostics of a lesson that is not open: course findings, plus its lesson findings when `withLesson`. */
  private async closedDiagnostics(path: string, withLesson: boolean): Promise<Diagnostic[]> {
    const uri = this.host.paths.toUri(path);
    const folder = this.workspace.folderOf(path);
    const settings = await this.settingsFor(folder !== undefined ? this.host.paths.toUri(folder) : uri);
    if (!settings.enable) return [];
    // The index reads headers only: a closed lesson's own findings are linted when they are shown.
    const report = withLesson ? await this.workspace.closedReport(path) : undefined;
    return diagnosticsOf(report, this.workspace.index.findingsFor(path), uri, settings.docsBaseUrl, (p) => this.host.paths.toUri(p), withLesson);
  }

  private push(uri: string, diagnostics: Diagnostic[], version?: number): void {
    // A new document version is always answered, so the client knows its diagnostics are current.
    const signature = `${version ?? ''}\u0000${JSON.stringify(diagnostics)}`;
    if ((this.pushed.get(uri) ?? '\u0000[]') === signature) return;
    if (diagnostics.length === 0 && version === undefined) this.pushed.delete(uri);
    else this.pushed.set(uri, signature);
    this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }).catch((error: unknown) => this.logError(error));
  }

  private report(results: Map<string, ResultState>, uri: string, diagnostics: Diagnostic[], previousResultId: string | undefined) {
    const signature = JSON.stringify(diagnostics);
    const previous = results.get(uri);
    if (previous && previous.signature === signature && previous.resultId === previousResultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId } as const;
    }
    const resultId = String(this.nextResultId++);
    results.set(uri, { resultId, signature });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics } as const;
  }

  private logError(error: unknown): void {
    this.connection.console.error(`lessonlint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Asks the client to pull again; coalesces bursts (one course change touches many files). */
  private requestRefresh(): void {
    if (!this.capabilities.refresh || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      // Typed void, but it is a request: its promise rejects when the client answers with an error.
      Promise.resolve(this.connection.languages.diagnostics.refresh() as unknown).catch((error: unknown) => this.logError(error));
    }, 20);
  }
}
