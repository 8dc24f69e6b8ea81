/**
 * The language server, transport-agnostic: it takes a connection (stdio, IPC
 * or a browser worker port) and a host (file access) and wires the LSP
 * messages to the workspace state and the feature modules.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type FileEvent,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/index';
import {
  LINT_COURSE_REQUEST,
  NEXT_LESSON_ID_REQUEST,
  PREVIEW_MODEL_REQUEST,
  type NextLessonIdParams,
  type NextLessonIdResult,
  type PreviewModel,
  type PreviewModelParams,
} from '../protocol';
import type { LessonAnalysis } from './analysis';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { codeLenses } from './code-lens';
import { complete } from './completion';
import { ConfigStore } from './config-store';
import { definition } from './definition';
import { cancelledError, DiagnosticsController } from './diagnostics';
import { foldingRanges } from './folding';
import type { HostFileChange, LessonlintHost } from './host';
import { hover } from './hover';
import { InThreadLinter, type LessonLinter } from './linter';
import { isMarkdownPath } from './paths';
import { previewModel } from './preview-model';
import { EditScheduler } from './scheduler';
import { parseTuning, SETTINGS_SECTION, SettingsStore } from './settings';
import { documentSymbols, flattenSymbols } from './symbols';
import { reportOf, LessonlintWorkspace } from './workspace';
import { workspaceSymbols } from './workspace-symbols';

export const SERVER_NAME = 'lessonlint-language-server';

export interface RunningServer {
  /** Whether the client sent `shutdown` (an exit after it is orderly). */
  shutdownRequested(): boolean;
}

export function startServer(connection: Connection, host: LessonlintHost): RunningServer {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);
  /** Runs background work triggered by a notification; a failure is logged, never fatal. */
  const background = (work: Promise<unknown>) => {
    work.catch((error: unknown) => log(`lessonlint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  let capabilities: ClientCapabilities = {};
  let initialized = false;
  let shutdownRequested = false;
  let linter: LessonLinter | undefined;
  let workspace: LessonlintWorkspace;
  let settings: SettingsStore;
  let scheduler: EditScheduler;
  let diagnostics: DiagnosticsController;
  let stopWatching: (() => void) | undefined;

  const settingsFor = (uri: string) => {
    const path = host.paths.toPath(uri);
    const folder = path === undefined ? undefined : workspace.folderOf(path);
    return settings.settingsFor(folder === undefined ? uri : host.paths.toUri(folder));
  };
  const canPublish = () => capabilities.textDocument?.publishDiagnostics !== undefined;
  const showConfigProblems = () => diagnostics.showConfigProblems(workspace.configs.problems, canPublish());

  connection.onInitialize((params): InitializeResult => {
    if (initialized) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is already initialized');
    capabilities = params.capabilities ?? {};
    const tuning = parseTuning(params.initializationOptions);
    const configs = new ConfigStore(host, log);
    linter = host.createLinter?.(tuning.lintBudgetMs, log) ?? new InThreadLinter();
    workspace = new LessonlintWorkspace(host, documents, configs, tuning, linter, log);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    for (const folder of folders) workspace.addFolder(folder.uri);
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    settings = new SettingsStore(
      capabilities.workspace?.configuration ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }) : undefined,
      initial,
      log,
    );
    scheduler = new EditScheduler(tuning.debounceMs, (uri) => background(diagnostics.documentSettled(uri)));
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnostics = new DiagnosticsController(connection, workspace, host, scheduler, settingsFor, {
      pull,
      refresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    });
    initialized = true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'lessonlint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        documentSymbolProvider: { label: 'Lessonlint' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME },
    };
  });

  connection.onInitialized(() => {
    // First: the index thread starts up meanwhile (the recursive watch below takes 65 ms for 2,000 lessons).
    background(
      workspace.indexFolders().then(async () => {
        diagnostics.courseMayHaveChanged();
        await showConfigProblems();
      }),
    );
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      background(connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      const watchers = [
        { globPattern: '**/*.{md,markdown}', kind },
        { globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}`, kind },
        // Files named in `extends` may have any config-file name.
        { globPattern: '**/*.{json,jsonc,yaml,yml}', kind },
      ];
      background(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    } else if (host.watchFolders) {
      stopWatching = host.watchFolders(workspace.folderPaths(), (changes) => background(filesChanged(changes)));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        background(
          (async () => {
            for (const folder of event.removed) workspace.removeFolder(folder.uri);
            const added = event.added.map((f) => workspace.addFolder(f.uri)).filter((p): p is string => p !== undefined);
            await workspace.indexFolders(added);
            await diagnostics.refreshAll();
          })(),
        );
      });
    }
  });

  connection.onShutdown(() => {
    shutdownRequested = true;
    stopWatching?.();
    linter?.dispose();
  });

  // ── Documents ─────────────────────────────────────────────────────────────
  // Notifications that come before `initialize` are dropped, as LSP says.

  documents.onDidOpen((event) => {
    if (!initialized) return;
    const { uri, version } = event.document;
    scheduler.opened(uri, version);
    diagnostics.documentOpened(uri);
    background(diagnostics.documentSettled(uri).then(showConfigProblems));
  });

  documents.onDidChangeContent((event) => {
    if (!initialized) return;
    // Opening fires this too; the open itself was handled above.
    if (!scheduler.isDirty(event.document.uri, event.document.version)) return;
    scheduler.changed(event.document.uri);
  });

  documents.onDidSave((event) => {
    if (!initialized) return;
    scheduler.saved(event.document.uri, event.document.version);
    background(diagnostics.documentSaved(event.document.uri));
  });

  documents.onDidClose((event) => {
    if (!initialized) return;
    const uri = event.document.uri;
    scheduler.closed(uri);
    workspace.documentClosed(uri);
    const path = host.paths.toPath(uri);
    background(
      (async () => {
        // The buffer may have held unsaved text: the disk has the last word now.
        if (path !== undefined) await workspace.refreshFromDisk(path);
        await diagnostics.documentClosed(uri, path);
        diagnostics.courseMayHaveChanged();
      })(),
    );
  });

  // ── Files, configuration, settings ────────────────────────────────────────

  async function filesChanged(changes: readonly HostFileChange[]): Promise<void> {
    let configChanged = false;
    for (const change of changes) {
      if (workspace.configs.affects(change.path)) configChanged = true;
      else if (isMarkdownPath(change.path) && workspace.folderOf(change.path) !== undefined) {
        if (change.kind === 'deleted') {
          if (!workspace.isOpen(change.path)) {
            workspace.forget(change.path);
            diagnostics.fileDeleted(host.paths.toUri(change.path));
          }
        } else {
          await workspace.refreshFromDisk(change.path);
        }
      }
    }
    if (configChanged) await configurationChanged();
    else diagnostics.courseMayHaveChanged();
  }

  async function configurationChanged(): Promise<void> {
    workspace.invalidateConfigs();
    for (const document of documents.all()) await workspace.analyzeDocument(document.uri);
    await workspace.indexFolders();
    await showConfigProblems();
    await diagnostics.refreshAll();
  }

  const KINDS: Record<number, HostFileChange['kind']> = {
    [FileChangeType.Created]: 'created',
    [FileChangeType.Changed]: 'changed',
    [FileChangeType.Deleted]: 'deleted',
  };
  connection.onDidChangeWatchedFiles((params) => {
    if (!initialized || !Array.isArray(params?.changes)) return;
    const changes = params.changes
      .map((c: FileEvent) => ({ path: host.paths.toPath(c.uri), kind: KINDS[c.type] ?? 'changed' }))
      .filter((c): c is HostFileChange => c.path !== undefined);
    background(filesChanged(changes));
  });

  connection.onDidChangeConfiguration((params) => {
    if (!initialized) return;
    settings.changed(params?.settings);
    background(diagnostics.refreshAll());
  });

  // ── Diagnostics ───────────────────────────────────────────────────────────

  connection.languages.diagnostics.on((params, token) => {
    checkDocument(params);
    return diagnostics.pullDocument(params, token);
  });
  connection.languages.diagnostics.onWorkspace((params, token) => {
    checkInitialized();
    return diagnostics.pullWorkspace({ ...params, previousResultIds: Array.isArray(params?.previousResultIds) ? params.previousResultIds : [] }, token);
  });

  // ── Language features ─────────────────────────────────────────────────────

  /** The current analysis of an open document, or cancellation when the client gave up meanwhile. */
  async function analysisFor(uri: string, token: CancellationToken): Promise<LessonAnalysis | undefined> {
    const analysis = await workspace.analyzeDocument(uri);
    if (token.isCancellationRequested) throw cancelledError();
    return analysis;
  }

  const lessonsWithId = (id: string) => workspace.index.lessonsWithId(id);

  connection.onCodeAction(async (params, token) => {
    checkDocument(params);
    if (!isRange(params.range) || !Array.isArray(params.context?.diagnostics) || !params.context.diagnostics.every((d) => isRange(d?.range))) {
      throw invalidParams('a code action request needs a range and context.diagnostics with valid ranges');
    }
    const uri = params.textDocument.uri;
    if (!(await settingsFor(uri)).enable) return [];
    const analysis = await analysisFor(uri, token);
    if (!analysis) return [];
    const path = analysis.path;
    const actions = await codeActions(analysis, params.context, {
      courseFindings: path !== undefined ? workspace.index.findingsFor(path) : [],
      ...(path !== undefined ? { courseFindingsWith: (lesson) => workspace.index.findingsWith(path, lesson) } : {}),
      versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      linter: linter!,
    });
    if (token.isCancellationRequested) throw cancelledError();
    return actions;
  });

  connection.onHover(async (params, token) => {
    checkPosition(params);
    const analysis = await analysisFor(params.textDocument.uri, token);
    return analysis ? hover(analysis, params.position, { lessonsWithId }) : null;
  });

  connection.onCompletion(async (params, token) => {
    checkPosition(params);
    const document = documents.get(params.textDocument.uri);
    if (!document || !mayComplete(document, params.position)) return null;
    const analysis = await analysisFor(params.textDocument.uri, token);
    if (!analysis) return null;
    const folder = analysis.path === undefined ? undefined : workspace.folderOf(analysis.path);
    return complete(analysis, params.position, {
      courseLessons: () => workspace.index.lessons().filter((e) => e.folder === folder),
      snippetSupport: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    });
  });

  connection.onDocumentSymbol(async (params, token) => {
    checkDocument(params);
    const analysis = await analysisFor(params.textDocument.uri, token);
    if (!analysis) return [];
    const symbols = documentSymbols(analysis);
    return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flattenSymbols(symbols, analysis.uri);
  });

  connection.onFoldingRanges(async (params, token) => {
    checkDocument(params);
    const analysis = await analysisFor(params.textDocument.uri, token);
    return analysis ? foldingRanges(analysis) : [];
  });

  connection.onCodeLens(async (params, token) => {
    checkDocument(params);
    if (!(await settingsFor(params.textDocument.uri)).enable) return [];
    const analysis = await analysisFor(params.textDocument.uri, token);
    return analysis ? codeLenses(analysis) : [];
  });

  connection.onDefinition(async (params, token) => {
    checkPosition(params);
    const analysis = await analysisFor(params.textDocument.uri, token);
    if (!analysis) return null;
    return definition(analysis, params.position, {
      lessonsWithId,
      toUri: (path) => host.paths.toUri(path),
      linkSupport: capabilities.textDocument?.definition?.linkSupport === true,
    });
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    checkInitialized();
    await workspace.whenIndexed();
    if (token.isCancellationRequested) throw cancelledError();
    return workspaceSymbols(typeof params?.query === 'string' ? params.query : '', workspace.index.lessons(), (path) => host.paths.toUri(path));
  });

  // ── Lessonlint requests ───────────────────────────────────────────────────

  connection.onRequest(PREVIEW_MODEL_REQUEST, async (params: PreviewModelParams, token): Promise<PreviewModel | null> => {
    checkInitialized();
    if (typeof params?.uri !== 'string') throw invalidParams("'uri' must be a string");
    const path = host.paths.toPath(params.uri);
    const analysis = documents.get(params.uri) ? await workspace.analyzeDocument(params.uri) : path !== undefined ? await workspace.analyzePath(path) : undefined;
    if (token.isCancellationRequested) throw cancelledError();
    if (!analysis) return null;
    diagnostics.courseMayHaveChanged();
    const course = path !== undefined && !analysis.ignored ? workspace.index.findingsFor(path) : [];
    return previewModel(analysis, [...reportOf(analysis).messages, ...course]);
  });

  // Sent without parameters (the handler then gets only the token) or with an empty object.
  connection.onRequest(LINT_COURSE_REQUEST, (...args: unknown[]) => {
    checkInitialized();
    return diagnostics.lintCourse(args[args.length - 1] as CancellationToken);
  });

  connection.onRequest(NEXT_LESSON_ID_REQUEST, async (params: NextLessonIdParams): Promise<NextLessonIdResult> => {
    checkInitialized();
    if (!Number.isInteger(params?.module) || !Number.isInteger(params?.unit)) throw invalidParams("'module' and 'unit' must be integers");
    await workspace.whenIndexed();
    const lessons = workspace.index.lessons().map((e) => e.lesson);
    let last = 0;
    for (const lesson of lessons) {
      const parts = lesson.id?.parts;
      if (parts && parts[0] === params.module && parts[1] === params.unit) last = Math.max(last, parts[2] ?? 0);
    }
    const moduleTitle = lessons
      .filter((l) => l.module?.number === params.module && l.module.title)
      .sort((a, b) => a.filePath.localeCompare(b.filePath))[0]?.module?.title;
    return { id: `L${params.module}.${params.unit}.${last + 1}`, ...(moduleTitle ? { moduleTitle } : {}) };
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownRequested: () => shutdownRequested };

  // ── Parameter checks ──────────────────────────────────────────────────────
  // Malformed parameters get an LSP error instead of whatever a handler would throw on them.

  function checkInitialized(): void {
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet (send initialize first)');
  }

  function checkDocument(params: { textDocument?: { uri?: unknown } } | undefined): void {
    checkInitialized();
    if (typeof params?.textDocument?.uri !== 'string') throw invalidParams("'textDocument.uri' must be a string");
  }

  function checkPosition(params: { textDocument?: { uri?: unknown }; position?: unknown } | undefined): void {
    checkDocument(params);
    // A position past the end of a line or of the document is valid: it is clamped, as LSP says.
    if (!isPosition(params?.position)) throw invalidParams("'position' must have a 'line' and a 'character' that are non-negative integers");
  }
}

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** An LSP uinteger: 0 to 2^31 - 1. */
function isUinteger(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2 ** 31 - 1;
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null | undefined;
  return typeof position === 'object' && position !== null && isUinteger(position.line) && isUinteger(position.character);
}

function isRange(value: unknown): boolean {
  const range = value as { start?: unknown; end?: unknown } | null | undefined;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

/**
 * Whether a completion request can be one of ours, judged from the cursor's
 * line and where the first H2 is, so that typing a space in prose does not
 * lint the lesson just to find nothing to offer.
 */
function mayComplete(document: TextDocument, position: { line: number; character: number }): boolean {
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position }).slice(-2000);
  if (/^##[ \t]/.test(before) || /\[[ \t]*SLIDE[ \t]/i.test(before) || /\bup\s+next\b/i.test(before)) return true;
  // Metadata values follow a `Label:` before the first section, or sit in the front matter.
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const text = document.getText();
  if (text.startsWith('---')) {
    const fence = text.indexOf('\n---', 3);
    if (fence < 0 || lineStart <= fence) return true;
  }
  return before.includes(':') && !text.startsWith('## ') && text.lastIndexOf('\n## ', lineStart) < 0;
}
