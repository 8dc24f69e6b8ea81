/**
 * Entry of the Node language server (`dist/server/node.js`):
 * `lessonlint-language-server --stdio`, or `--node-ipc` as the VS Code client
 * starts it (`--socket=<port>` and `--pipe=<name>` work too). Files are read
 * from disk; the course folders are watched through the client, or with
 * fs.watch when the client cannot watch files. Lints run in a worker thread
 * under a time budget: this same file, started as that worker, runs the lint
 * loop instead of the server (lint-worker.ts).
 *
 * On a fatal error (an exception nothing caught) the server writes one line
 * to stderr and exits with code 1, for the client to restart it.
 */
import { existsSync, readFileSync, realpathSync, watch, type FSWatcher } from 'node:fs';
import { readFile, readdir, realpath } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../config/index';
import type { HostFileChange, IndexReader, LessonlintHost } from './host';
import { IndexThread, isIndexWorkerData, serveIndexJobs } from './index-thread';
import { isLintWorkerData, serveLintJobs, WorkerLinter } from './lint-worker';
import type { LessonLinter } from './linter';
import { ResilientMessageReader, type ProtocolProblem } from './message-reader';
import { FileSystemPaths, isInside, isMarkdownPath } from './paths';
import { SERVER_NAME, startServer, type RunningServer } from './server';

/** Folders never searched for lessons. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);
/** A workspace bigger than this is not a course; stop listing rather than walk a whole disk. */
const MAX_FILES = 50_000;
/** Folders whose listings are asked for at once: one after the other, 2,000 lessons were listed in 100 ms, not 30. */
const FOLDERS_LISTED_AT_ONCE = 32;

/** The workspace folders, remembered as they are registered, for the symbolic-link check. */
class FolderPaths extends FileSystemPaths {
  readonly folders = new Set<string>();

  override addFolder(uri: string): string | undefined {
    const path = super.addFolder(uri);
    if (path !== undefined) this.folders.add(path);
    return path;
  }
}

/** The file operations FolderBoundFiles reads with. */
interface FileAccess {
  realpath(path: string): Promise<string>;
  readText(path: string): Promise<string>;
}

/** The server's thread reads asynchronously: it must keep answering messages. */
const ASYNC_ACCESS: FileAccess = { realpath, readText: (path) => readFile(path, 'utf8') };

/**
 * The index thread has nothing else to do while it reads: one synchronous
 * call each costs it a fraction of the promise-based calls' open, fstat,
 * read and close round trips.
 */
const SYNC_ACCESS: FileAccess = {
  realpath: async (path) => realpathSync(path),
  readText: async (path) => readFileSync(path, 'utf8'),
};

/**
 * Reads files from disk, only inside the workspace folders: a file read
 * through a link (a linked config file, a watched path under a linked
 * folder) is read only when the link leads inside a folder, so nothing in a
 * course reaches files elsewhere. Shared by the server and its index thread.
 */
class FolderBoundFiles {
  private readonly folderRealPaths = new Map<string, Promise<string | undefined>>();
  private readonly refused = new Set<string>();

  constructor(
    private readonly folders: () => Iterable<string>,
    private readonly access: FileAccess = ASYNC_ACCESS,
  ) {}

  private async realPathOf(path: string): Promise<string> {
    return (await this.access.realpath(path)).replace(/\\/g, '/');
  }

  async readFile(path: string): Promise<string | undefined> {
    try {
      const real = await this.realPathOf(path);
      if (real !== path && !(await this.insideFolders(real))) {
        if (!this.refused.has(path)) {
          this.refused.add(path);
          process.stderr.write(`lessonlint: not reading ${path}: it is a symbolic link to ${real}, outside the workspace folders\n`);
        }
        return undefined;
      }
      return await this.access.readText(real);
    } catch {
      return undefined;
    }
  }

  private async insideFolders(real: string): Promise<boolean> {
    for (const folder of this.folders()) {
      let folderReal = this.folderRealPaths.get(folder);
      if (!folderReal) {
        folderReal = this.realPathOf(folder).catch(() => undefined);
        this.folderRealPaths.set(folder, folderReal);
      }
      const resolved = await folderReal;
      if (resolved !== undefined && isInside(real, resolved)) return true;
    }
    return false;
  }
}

/** Files come from disk (FolderBoundFiles); folders are listed without following symbolic links. */
class NodeHost implements LessonlintHost {
  readonly paths = new FolderPaths();
  private readonly files = new FolderBoundFiles(() => this.paths.folders);

  readFile(path: string): Promise<string | undefined> {
    return this.files.readFile(path);
  }

  async listFiles(folderPath: string): Promise<string[]> {
    const files: string[] = [];
    const pending = [folderPath];
    while (pending.length > 0 && files.length < MAX_FILES) {
      const batch = pending.splice(-FOLDERS_LISTED_AT_ONCE);
      const listings = await Promise.all(batch.map((dir) => readdir(dir, { withFileTypes: true }).catch(() => [])));
      listings.forEach((entries, i) => {
        const dir = batch[i]!;
        for (const entry of entries) {
          const path = `${dir.endsWith('/') ? dir : `${dir}/`}${entry.name}`;
          // Dirents of symbolic links are neither directories nor files: links are never followed here.
          if (entry.isDirectory()) {
            // Hidden folders (.git, .vscode…) and build output hold no lessons.
            if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
          } else if (entry.isFile() && (isMarkdownPath(entry.name) || CONFIG_FILE_NAMES.includes(entry.name))) {
            files.push(path);
          }
        }
      });
    }
    return files.sort();
  }

  watchFolders(folderPaths: readonly string[], onChange: (changes: HostFileChange[]) => void): () => void {
    const watchers: FSWatcher[] = [];
    let batch = new Map<string, HostFileChange>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const changes = [...batch.values()];
      batch = new Map();
      onChange(changes);
    };
    for (const folder of folderPaths) {
      try {
        watchers.push(
          watch(folder, { recursive: true }, (_event, name) => {
            if (!name) return;
            const path = `${folder}/${name.replace(/\\/g, '/')}`;
            batch.set(path, { path, kind: existsSync(path) ? 'changed' : 'deleted' });
            timer ??= setTimeout(flush, 100);
          }),
        );
      } catch {
        // Recursive watching is not available here; the course then updates only from open documents.
      }
    }
    return () => {
      for (const watcher of watchers) watcher.close();
      if (timer) clearTimeout(timer);
    };
  }

  createIndexReader(): IndexReader {
    // The index thread is this bundle too; it reads with the same folder bounds.
    return new IndexThread(__filename, [...this.paths.folders]);
  }

  createLinter(budgetMs: number, log: (message: string) => void): LessonLinter {
    // The worker is this bundle; the heap limit stops a runaway lint before it takes the server's memory with it.
    return new WorkerLinter({ script: __filename, budgetMs, log, resourceLimits: { maxOldGenerationSizeMb: LINT_HEAP_MB } });
  }
}

/**
 * Old-generation heap of the lint thread. Measured: a 2 MB lesson (the
 * largest the complexity guard admits) lints within 150 MB, not within 100.
 */
const LINT_HEAP_MB = 512;

/** One line for stderr: the error and where it was thrown. */
function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error).replace(/\s+/g, ' ');
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '))?.trim();
  return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`.replace(/\s+/g, ' ');
}

/** Exits on an error nothing caught: the server's state is unknown from there on, and a restart is cheap. */
function exitOnFatalErrors(): void {
  let exiting = false;
  const fatal = (error: unknown) => {
    if (exiting) return;
    exiting = true;
    try {
      process.stderr.write(`${SERVER_NAME}: fatal error, exiting: ${oneLine(error)}\n`);
    } finally {
      process.exit(1);
    }
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

/**
 * The stdio connection, read with the resilient reader (message-reader.ts):
 * malformed messages are answered or skipped, never the end of the session.
 */
function stdioConnection(): Connection {
  let connection: Connection | undefined;
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new ResilientMessageReader(process.stdin, (problem: ProtocolProblem) => {
    if (problem.code === undefined) {
      connection?.console.warn(`lessonlint: ${problem.message}`);
      return;
    }
    const response: ResponseMessage = { jsonrpc: '2.0', id: problem.id ?? null, error: { code: problem.code, message: problem.message } };
    // A write fails only when the client is gone; the end of stdin then ends the server.
    writer.write(response).catch(() => undefined);
  });
  // Whatever writes to stdout besides the writer would corrupt the protocol: console output goes to stderr.
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) console[method] = console.error;
  connection = createConnection(ProposedFeatures.all, reader, writer);
  return connection;
}

/** The client closed stdin: exit, with 0 only after an orderly shutdown (as vscode-languageserver does for its own streams). */
function exitWhenInputEnds(server: RunningServer): void {
  const exit = () => {
    const orderly = server.shutdownRequested();
    if (!orderly) process.stderr.write(`${SERVER_NAME}: the client closed the connection without a shutdown request; exiting\n`);
    process.exit(orderly ? 0 : 1);
  };
  // 'end' when the pipe closes, 'close' also when it breaks.
  process.stdin.once('end', exit);
  process.stdin.once('close', exit);
}

const TRANSPORTS = ['--stdio', '--node-ipc'];
const args = process.argv.slice(2);

if (!isMainThread) {
  if (isLintWorkerData(workerData)) serveLintJobs(parentPort!);
  else if (isIndexWorkerData(workerData)) {
    const folders = workerData.folders;
    const files = new FolderBoundFiles(() => folders, SYNC_ACCESS);
    serveIndexJobs(parentPort!, (path) => files.readFile(path));
  }
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n\n` +
      'The Lessonlint language server. Speaks the Language Server Protocol; with no\n' +
      'transport option it talks over stdin/stdout. See docs/language-server.md.\n',
  );
} else {
  exitOnFatalErrors();
  // With no transport option the server talks over stdin/stdout too.
  const stdio = args.includes('--stdio') || !args.some((a) => TRANSPORTS.includes(a) || a.startsWith('--socket') || a.startsWith('--pipe'));
  const server = startServer(stdio ? stdioConnection() : createConnection(ProposedFeatures.all), new NodeHost());
  if (stdio) exitWhenInputEnds(server);
}
