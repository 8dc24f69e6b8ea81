/**
 * Where lessons are linted: in this thread, or in a pool of worker threads
 * (dist/cli-worker.js, built from worker.ts). A worker also enforces the time
 * budget of a lesson from outside the parse: when one lesson's lint takes
 * longer than the budget, its worker is terminated — whatever the parser is
 * doing — and replaced, and the lesson is reported as not checked.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config/types';
import { lintFile, type LintJob, type LintJobResult } from './lint-file';

/** Command thread → worker: lint one lesson; the configuration travels with the first job that uses it. */
export interface ToWorker {
  id: number;
  job: LintJob;
  configId: number;
  config?: ResolvedConfig;
}

/** Worker → command thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: LintJobResult }
  | { type: 'failed'; id: number; message: string; stack?: string };

/**
 * A worker's young generation (its two semi-spaces and new large-object
 * space), in MB. V8 rounds a semi-space up to a power of two: 24 gives
 * 8 MB semi-spaces, half of V8's default (48 MB, 16 MB semi-spaces). That
 * takes 45-65 MB off the peak of a two-worker run and costs about 8% more
 * CPU (a fifth before the workers stopped pretenuring, worker.ts); 12 (4 MB
 * semi-spaces) cost 40% more lint time. docs/performance.md has the
 * measurements.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

export type LintOutcome = { kind: 'done'; result: LintJobResult } | { kind: 'timed-out' };

export interface Linter {
  lint(job: LintJob, config: ResolvedConfig): Promise<LintOutcome>;
  /** Stops the workers; call it when the run ends, also after an error. */
  close(): Promise<void>;
  /** Worker threads started, replacements included (0 in this thread). */
  readonly workersStarted: number;
}

/** Lints in this thread: no budget can be enforced here (nothing can interrupt the parser). */
export class InThreadLinter implements Linter {
  readonly workersStarted = 0;

  async lint(job: LintJob, config: ResolvedConfig): Promise<LintOutcome> {
    return { kind: 'done', result: lintFile(job, config) };
  }

  async close(): Promise<void> {}
}

interface Task {
  id: number;
  job: LintJob;
  config: ResolvedConfig;
  resolve(outcome: LintOutcome): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  /** Configuration IDs this worker has been sent. */
  configs: Set<number>;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Set when the pool ends this worker, so that its exit is expected. */
  stopping: boolean;
}

export class WorkerPool implements Linter {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Task[] = [];
  private readonly configIds = new Map<ResolvedConfig, number>();
  private nextTaskId = 0;
  private started = 0;
  /** Set when a worker cannot even start: every later task fails with it. */
  private broken: Error | undefined;

  /**
   * @param script path of dist/cli-worker.js
   * @param size most workers at once
   * @param budgetMs time a lesson's lint may take in a worker
   */
  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly budgetMs: number,
  ) {}

  get workersStarted(): number {
    return this.started;
  }

  lint(job: LintJob, config: ResolvedConfig): Promise<LintOutcome> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ id: this.nextTaskId++, job, config, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(
      workers.map((w) => {
        w.stopping = true;
        clearTimeout(w.timer);
        return w.worker.terminate();
      }),
    );
  }

  /** Gives queued tasks to idle workers, starting workers up to the pool size. */
  private pump(): void {
    for (const w of this.workers) {
      if (this.queue.length === 0) return;
      if (w.ready && !w.task) this.assign(w, this.queue.shift()!);
    }
    const starting = this.workers.filter((w) => !w.ready).length;
    const wanted = Math.min(this.size - this.workers.length, this.queue.length - starting);
    for (let i = 0; i < wanted; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const w: PoolWorker = { worker, ready: false, configs: new Set(), stopping: false };
    this.started++;
    this.workers.push(w);
    w.worker.on('message', (message: FromWorker) => this.onMessage(w, message));
    w.worker.on('error', (error) => this.onFailure(w, error));
    w.worker.on('exit', (code) => {
      if (!w.stopping) this.onFailure(w, new Error(`a lint worker stopped unexpectedly (exit code ${code})`));
    });
  }

  private assign(w: PoolWorker, task: Task): void {
    w.task = task;
    let configId = this.configIds.get(task.config);
    if (configId === undefined) {
      configId = this.configIds.size;
      this.configIds.set(task.config, configId);
    }
    const message: ToWorker = { id: task.id, job: task.job, configId };
    if (!w.configs.has(configId)) {
      message.config = task.config;
      w.configs.add(configId);
    }
    // The budget starts when the worker gets the lesson, not while it loads.
    w.timer = setTimeout(() => this.onTimeout(w), this.budgetMs);
    w.worker.postMessage(message);
  }

  private onMessage(w: PoolWorker, message: FromWorker): void {
    if (message.type === 'ready') {
      w.ready = true;
      this.pump();
      return;
    }
    const task = w.task;
    if (!task || task.id !== message.id) return;
    clearTimeout(w.timer);
    w.task = undefined;
    if (message.type === 'done') {
      task.resolve({ kind: 'done', result: message.result });
    } else {
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      task.reject(error);
    }
    this.pump();
  }

  private onTimeout(w: PoolWorker): void {
    const task = w.task;
    this.remove(w);
    task?.resolve({ kind: 'timed-out' });
    this.pump();
  }

  private onFailure(w: PoolWorker, error: Error): void {
    if (w.stopping) return;
    const task = w.task;
    const wasReady = w.ready;
    this.remove(w);
    if (task) task.reject(error);
    if (!wasReady) {
      // The worker script itself does not load: no other worker will fare better.
      this.broken = new Error(`cannot start a lint worker (${this.script}): ${error.message}`, { cause: error });
      for (const queued of this.queue.splice(0)) queued.reject(this.broken);
      return;
    }
    this.pump();
  }

  /** Ends a worker and forgets it; the pool starts another when work is queued. */
  private remove(w: PoolWorker): void {
    w.stopping = true;
    clearTimeout(w.timer);
    w.task = undefined;
    const index = this.workers.indexOf(w);
    if (index >= 0) this.workers.splice(index, 1);
    void w.worker.terminate();
  }
}
