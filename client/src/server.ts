/**
 * The connection to the Lessonlint language server, shared by the desktop
 * (IPC child process) and web (worker) entries: they differ only in how the
 * client is created. The server starts lazily, the first time a lesson or a
 * course needs it, and can be restarted.
 */
import * as vscode from 'vscode';
import { CloseAction, DiagnosticPullMode, ErrorAction, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import {
  LIST_FILES_REQUEST,
  READ_FILE_REQUEST,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../server/src/protocol';
import { CONFIG_FILE_NAMES, COURSE_FILE_GLOB, EXCLUDED_FOLDERS_GLOB } from './lessons';
import { RestartPolicy } from './restartPolicy';

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** Where lessons live: local files, unsaved buffers and the web's virtual file systems, never diff or git views. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'memfs', 'vscode-remote'];
const CONFIG_PATTERN = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

export const DOCUMENT_SELECTOR = [
  ...SCHEMES.map((scheme) => ({ scheme, language: 'markdown' })),
  // Config files too: a broken one gets its diagnostics on the file itself.
  ...SCHEMES.map((scheme) => ({ scheme, pattern: CONFIG_PATTERN })),
];

export class LessonlintServer implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<BaseLanguageClient> | undefined;
  private readonly startedEmitter = new vscode.EventEmitter<void>();
  private readonly restartPolicy = new RestartPolicy();
  /** Fires each time the server has (re)started. */
  readonly onDidStart = this.startedEmitter.event;

  constructor(
    private readonly createClient: ClientFactory,
    readonly output: vscode.OutputChannel,
  ) {}

  get isStarted(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Starts the server unless it runs already; resolves once it is initialized. */
  start(): Promise<BaseLanguageClient> {
    this.starting ??= this.doStart().catch((error: unknown) => {
      this.starting = undefined;
      this.output.appendLine(`Lessonlint server failed to start: ${String(error)}`);
      throw error;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    const previous = this.starting;
    this.starting = undefined;
    if (previous) {
      const client = await previous.catch(() => undefined);
      await client?.dispose().catch((error: unknown) => this.output.appendLine(`stopping the server: ${String(error)}`));
    }
    this.client = undefined;
    this.restartPolicy.reset();
    await this.start();
  }

  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    const client = await this.start();
    return client.sendRequest<R>(method, params);
  }

  async dispose(): Promise<void> {
    this.startedEmitter.dispose();
    const client = await this.starting?.catch(() => undefined);
    await client?.dispose();
  }

  private async doStart(): Promise<BaseLanguageClient> {
    const client = this.createClient({
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      diagnosticPullOptions: {
        onChange: true,
        onSave: true,
        // `lessonlint.run: onSave`: pull no diagnostics while typing (the server also honours it).
        filter: (document, mode) =>
          mode === DiagnosticPullMode.onType && vscode.workspace.getConfiguration('lessonlint', document).get('run') === 'onSave',
      },
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler: {
        // A broken message is logged by the client; the server keeps serving.
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          const decision = this.restartPolicy.onServerClosed(Date.now());
          this.output.appendLine(`Lessonlint server stopped; ${decision.restart ? 'restarting' : 'not restarting'}.`);
          if (decision.message) void vscode.window.showWarningMessage(decision.message);
          return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
        },
      },
    });
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readCourseFile(params));
    client.onRequest(LIST_FILES_REQUEST, (params: ListFilesParams) => listCourseFiles(params));
    this.client = client;
    await client.start();
    this.startedEmitter.fire();
    return client;
  }
}

/**
 * READ_FILE_REQUEST: the browser server has no file system and asks for
 * course files. Only lessons (markdown) and configuration data are handed
 * out: config files, and the JSON/YAML files a config `extends`.
 */
async function readCourseFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri);
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  if (!/\.(md|jsonc?|ya?ml)$/i.test(name)) return null;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target));
  } catch {
    return null;
  }
}

/** LIST_FILES_REQUEST: the lessons and config files under a workspace folder. */
async function listCourseFiles({ folderUri }: ListFilesParams): Promise<ListFilesResult> {
  const folder = vscode.Uri.parse(folderUri);
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, COURSE_FILE_GLOB), EXCLUDED_FOLDERS_GLOB);
  return files.map((f) => f.toString());
}
