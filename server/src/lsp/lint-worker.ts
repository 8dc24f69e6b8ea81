/**
 * The Node server's lint thread: one worker thread, reused for every lint,
 * that runs the engine on the texts the main thread sends, one at a time.
 * The main thread keeps the time budget: when a lint runs past it, the
 * worker is terminated, whatever the parser is doing, and a new one is
 * started; the lesson is reported as not checked. So a slow lesson never
 * blocks the server: requests, other documents' results and cancellations
 * are handled on the main thread meanwhile.
 *
 * The worker runs the server bundle itself (node.ts starts the lint loop
 * instead of the server when it finds itself in this worker), so there is
 * no second file to ship or to find.
 */
import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import type { Root } from 'mdast';
import { LineIndex, type LessonLintResult, type ResolvedConfig } from '../engine/index';
import type { Lesson, Section } from '../engine/model/types';
import { errorText, fixNow, InThreadLinter, lintNow, type FixOutcome, type LessonLinter, type LintOutcome, type LintRequest } from './linter';

/** `workerData` that tells the bundle it runs as the lint thread. */
export const LINT_WORKER_DATA = Object.freeze({ lessonlintLintThread: 1 });

export function isLintWorkerData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).lessonlintLintThread === 1;
}

type JobKind = 'lint' | 'fix';

/**
 * A job. The configuration crosses only when it is not the one of the
 * previous job (typing in one lesson lints with the same one each time): a
 * job without it uses the thread's last one.
 */
interface ToWorker {
  id: number;
  kind: JobKind;
  text: string;
  filePath?: string;
  config?: ResolvedConfig;
}

/** The lint result without its line index (a class; rebuilt on the main thread from the text), its lesson detached (`detachedLesson`). */
type LintedResult = Omit<LessonLintResult, 'lines'>;

const NO_TREE: Root = Object.freeze({ type: 'root', children: [] }) as unknown as Root;

/**
 * The lesson model as it crosses to the main thread: without the text (the
 * main thread sent it) and without the mdast (the tree and the sections'
 * nodes). The server's features read the model, never the tree; only the
 * rules do, and they run here. The tree is most of what a structured clone
 * of the lesson would copy: on the sample lesson the message falls from
 * 90 KB to 21 KB, and the hand-over (end of the lint to the result on the
 * main thread) from about 0.8 ms to 0.4 ms.
 */
export function detachedLesson(lesson: Lesson): Lesson {
  const sections = new Map<Section, Section>(lesson.sections.map((section) => [section, { ...section, nodes: [] }]));
  const detached = (section: Section) => sections.get(section) ?? { ...section, nodes: [] };
  return {
    ...lesson,
    text: '',
    tree: NO_TREE,
    sections: [...sections.values()],
    ...(lesson.videoScript ? { videoScript: { ...lesson.videoScript, section: detached(lesson.videoScript.section) } } : {}),
  };
}

/** A linted result from the worker, completed with what stayed on this side: the text and its line index. */
function attachedResult(result: LintedResult, text: string): LessonLintResult {
  result.lesson.text = text;
  return { ...result, lines: new LineIndex(text) };
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'linted'; id: number; result: LintedResult }
  | { type: 'fixed'; id: number; text: string; applied: number }
  | { type: 'failed'; id: number; message: string };

/** The worker side: answers each job with its result, or with the error it threw. */
export function serveLintJobs(port: MessagePort): void {
  const send = (message: FromWorker) => port.postMessage(message);
  let config: ResolvedConfig | undefined;
  port.on('message', (job: ToWorker) => {
    try {
      config = job.config ?? config;
      if (!config) throw new Error('a lint job came without a configuration');
      const request: LintRequest = { text: job.text, config, ...(job.filePath !== undefined ? { filePath: job.filePath } : {}) };
      if (job.kind === 'lint') {
        const { lesson, findings, course } = lintNow(request);
        send({ type: 'linted', id: job.id, result: { lesson: detachedLesson(lesson), findings, ...(course ? { course } : {}) } });
      } else {
        send({ type: 'fixed', id: job.id, ...fixNow(request) });
      }
    } catch (error) {
      send({ type: 'failed', id: job.id, message: errorText(error) });
    }
  });
  send({ type: 'ready' });
}

interface Job {
  kind: JobKind;
  request: LintRequest;
  isStale?: () => boolean;
  resolve(outcome: LintOutcome | FixOutcome): void;
}

export interface WorkerLinterOptions {
  /** The script the worker runs: the server bundle (dist/server/node.js). */
  script: string;
  /** How long one job may run in the worker before it is stopped. */
  budgetMs: number;
  log: (message: string) => void;
  /** Heap limits of the worker: a lint that needs more is stopped instead of exhausting the server's memory. */
  resourceLimits?: ResourceLimits;
}

/** Workers that die before they are ready, in a row, before the linter gives up on threads. */
const MAX_FAILED_STARTS = 3;

export class WorkerLinter implements LessonLinter {
  private thread: Worker | undefined;
  private ready = false;
  /** The configuration the thread holds (that of the last job posted to it). */
  private threadConfig: ResolvedConfig | undefined;
  private running: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failedStarts = 0;
  /** Set when no worker can start here: lints then run in the main thread, without a budget. */
  private fallback: InThreadLinter | undefined;
  private disposed = false;
  /** Workers started so far, replacements included. */
  workersStarted = 0;

  constructor(private readonly options: WorkerLinterOptions) {
    // Started now, so that the first lint does not wait for the worker to load.
    this.spawn();
  }

  lint(request: LintRequest, isStale?: () => boolean): Promise<LintOutcome> {
    if (this.fallback) return this.fallback.lint(request, isStale);
    return this.enqueue({ kind: 'lint', request, ...(isStale ? { isStale } : {}) }) as Promise<LintOutcome>;
  }

  fixAll(request: LintRequest): Promise<FixOutcome> {
    if (this.fallback) return this.fallback.fixAll(request);
    return this.enqueue({ kind: 'fix', request }) as Promise<FixOutcome>;
  }

  dispose(): void {
    this.disposed = true;
    const pending = [...(this.running ? [this.running.job] : []), ...this.queue.splice(0)];
    if (this.running) clearTimeout(this.running.timer);
    this.running = undefined;
    this.discardThread();
    for (const job of pending) job.resolve({ kind: 'not-checked', reason: 'failed', message: 'the server is shutting down' });
  }

  private enqueue(job: Omit<Job, 'resolve'>): Promise<LintOutcome | FixOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'not-checked', reason: 'failed', message: 'the server is shutting down' });
    return new Promise((resolve) => {
      this.queue.push({ ...job, resolve });
      this.pump();
    });
  }

  /** Starts the next job when the worker is free (and a worker when there is none). */
  private pump(): void {
    if (this.running || this.disposed) return;
    // Jobs a newer edit made useless are dropped here, before they cost a lint.
    while (this.queue[0]?.isStale?.()) this.queue.shift()!.resolve({ kind: 'superseded' });
    const job = this.queue[0];
    if (!job) return;
    if (!this.thread) this.spawn();
    if (!this.thread || !this.ready) return;
    this.queue.shift();
    const id = this.nextId++;
    // The budget starts when the worker gets the job, not while it loads.
    const timer = setTimeout(() => this.timedOut(id), this.options.budgetMs);
    this.running = { id, job, timer };
    const { text, filePath, config } = job.request;
    const message: ToWorker = { id, kind: job.kind, text, ...(filePath !== undefined ? { filePath } : {}), ...(config !== this.threadConfig ? { config } : {}) };
    this.threadConfig = config;
    this.thread.postMessage(message);
  }

  private spawn(): void {
    if (this.thread || this.disposed) return;
    let thread: Worker;
    try {
      // stdout: true keeps the worker's console off the server's stdout, which carries the protocol.
      thread = new Worker(this.options.script, {
        workerData: LINT_WORKER_DATA,
        stdout: true,
        ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
      });
    } catch (error) {
      this.startFailed(errorText(error));
      return;
    }
    this.thread = thread;
    this.ready = false;
    this.threadConfig = undefined;
    this.workersStarted++;
    thread.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    thread.on('message', (message: FromWorker) => {
      if (thread === this.thread) this.received(message);
    });
    thread.on('error', (error) => {
      if (thread === this.thread) this.threadDied(errorText(error));
    });
    thread.on('exit', (code) => {
      if (thread === this.thread) this.threadDied(`the lint thread stopped (exit code ${code})`);
    });
  }

  private received(message: FromWorker): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.failedStarts = 0;
      this.pump();
      return;
    }
    const running = this.running;
    if (!running || running.id !== message.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    const { job } = running;
    if (message.type === 'linted') job.resolve({ kind: 'done', result: attachedResult(message.result, job.request.text) });
    else if (message.type === 'fixed') job.resolve({ kind: 'done', text: message.text, applied: message.applied });
    else job.resolve({ kind: 'not-checked', reason: 'failed', message: message.message });
    this.pump();
  }

  private timedOut(id: number): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    this.running = undefined;
    this.discardThread();
    this.options.log(`lessonlint: a lint ran past its ${this.options.budgetMs} ms budget${running.job.request.filePath ? ` (${running.job.request.filePath})` : ''}; its thread was stopped and replaced`);
    running.job.resolve({ kind: 'not-checked', reason: 'timed-out', budgetMs: this.options.budgetMs });
    this.spawn();
    this.pump();
  }

  private threadDied(reason: string): void {
    const wasReady = this.ready;
    const running = this.running;
    if (running) clearTimeout(running.timer);
    this.running = undefined;
    this.discardThread();
    if (running) {
      this.options.log(`lessonlint: the lint thread failed: ${reason}`);
      running.job.resolve({ kind: 'not-checked', reason: 'failed', message: reason });
    }
    if (!wasReady) return this.startFailed(reason);
    this.pump();
  }

  private startFailed(reason: string): void {
    this.failedStarts++;
    if (this.failedStarts < MAX_FAILED_STARTS) return this.pump();
    // No thread will start here: lint in this thread rather than not at all.
    this.options.log(`lessonlint: cannot start a lint thread (${reason}); linting in the main thread, without a time budget`);
    this.fallback = new InThreadLinter();
    for (const job of this.queue.splice(0)) {
      const outcome = job.kind === 'lint' ? this.fallback.lint(job.request, job.isStale) : this.fallback.fixAll(job.request);
      void outcome.then(job.resolve);
    }
  }

  private discardThread(): void {
    const thread = this.thread;
    this.thread = undefined;
    this.ready = false;
    if (thread) void thread.terminate();
  }
}
