/**
 * The Node server's index thread: a worker thread started for one indexing
 * run of the workspace (workspace.ts indexFolders) and stopped after it. It
 * reads each file itself and sends back only the course header, so that no
 * lesson text and none of the parses' garbage reaches the main thread, whose
 * heap V8 would otherwise let grow to several times the index it holds.
 * Like the lint thread, it runs the server bundle itself (node.ts).
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { ComplexityLimits } from '../engine/guard';
import type { IndexedFile, IndexReader } from './host';
import { indexedFileOf } from './index-reader';
import { errorText } from './linter';

/** `workerData` that tells the bundle it runs as the index thread, with the workspace folders its reads stay in. */
interface IndexWorkerData {
  lessonlintIndexThread: 1;
  folders: string[];
}

export function isIndexWorkerData(data: unknown): data is IndexWorkerData {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).lessonlintIndexThread === 1;
}

interface ToIndexThread {
  id: number;
  path: string;
  /** Longer texts are reported too large rather than parsed (the server's lesson size limit). */
  maxLength: number;
  limits: Partial<ComplexityLimits> | undefined;
}

type FromIndexThread = { id: number; file: IndexedFile };

/** The worker side: reads each file asked for (with `readFile`, which keeps to the workspace folders) and answers with its header. */
export function serveIndexJobs(port: MessagePort, readFile: (path: string) => Promise<string | undefined>): void {
  const send = (message: FromIndexThread) => port.postMessage(message);
  port.on('message', (job: ToIndexThread) => {
    void (async () => {
      try {
        send({ id: job.id, file: indexedFileOf(await readFile(job.path), job.path, job.maxLength, job.limits) });
      } catch (error) {
        send({ id: job.id, file: { kind: 'failed', message: errorText(error) } });
      }
    })();
  });
}

/**
 * The lint thread's old-generation limit (a lesson whose regions cannot be
 * told apart is parsed whole). V8's default young generation: with the
 * CLI's 24 MB (cli/pool.ts), 2,000 lessons took 4.2-4.4 s instead of
 * 3.6-4.1 s, for a peak 20 MB lower while indexing; the thread and its heap
 * are gone once the index is done.
 */
const INDEX_THREAD_LIMITS = { maxOldGenerationSizeMb: 512 };

/** The main thread's side: one index thread, for one indexing run. */
export class IndexThread implements IndexReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (file: IndexedFile) => void>();
  private nextId = 0;
  private failure: string | undefined;

  /** @param script the server bundle (dist/server/node.js) */
  constructor(script: string, folders: readonly string[]) {
    const workerData: IndexWorkerData = { lessonlintIndexThread: 1, folders: [...folders] };
    // stdout: true keeps the worker's console off the server's stdout, which carries the protocol.
    this.worker = new Worker(script, { workerData, stdout: true, resourceLimits: INDEX_THREAD_LIMITS });
    this.worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker.on('message', (message: FromIndexThread) => {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.file);
    });
    this.worker.on('error', (error) => this.fail(`the index thread failed: ${errorText(error)}`));
    this.worker.on('exit', (code) => this.fail(`the index thread stopped (exit code ${code})`));
  }

  read(path: string, maxLength: number, limits: Partial<ComplexityLimits> | undefined): Promise<IndexedFile> {
    if (this.failure !== undefined) return Promise.resolve({ kind: 'failed', message: this.failure });
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      const job: ToIndexThread = { id, path, maxLength, limits };
      this.worker.postMessage(job);
    });
  }

  dispose(): void {
    this.fail('the index thread was stopped');
    void this.worker.terminate();
  }

  /** Every read not answered yet gets `message`, and so does every later one. */
  private fail(message: string): void {
    this.failure ??= message;
    for (const resolve of this.pending.values()) resolve({ kind: 'failed', message: this.failure });
    this.pending.clear();
  }
}
