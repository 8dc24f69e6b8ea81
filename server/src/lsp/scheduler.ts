/**
 * Debouncing edits: a document is re-linted once it has been quiet for a
 * short while, so typing a word costs one lint, not one per key. A newer edit
 * restarts the wait, which is how it cancels the work the older one asked for.
 */
import { RAL, type CancellationToken, type Disposable } from 'vscode-languageserver';

interface Pending {
  timer: Disposable;
  waiters: Array<(settled: boolean) => void>;
}

export class EditScheduler {
  private readonly pending = new Map<string, Pending>();
  /** Version of each open document when it was last opened or saved (for `run: onSave`). */
  private readonly savedVersions = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly onSettled: (uri: string) => void,
  ) {}

  /** An edit arrived: (re)start the quiet period. */
  changed(uri: string): void {
    const previous = this.pending.get(uri);
    previous?.timer.dispose();
    const settle = () => this.settle(uri, true);
    // Without a quiet period the lint starts once this message is handled: a 0 ms timer would first wait a timer tick (1 ms or more) for nothing.
    const timer = this.delayMs > 0 ? RAL().timer.setTimeout(settle, this.delayMs) : RAL().timer.setImmediate(settle);
    const entry: Pending = { timer, waiters: previous?.waiters ?? [] };
    this.pending.set(uri, entry);
  }

  /** Resolves true once no edit is waiting for `uri`; false when the token is cancelled first. */
  settled(uri: string, token?: CancellationToken): Promise<boolean> {
    const entry = this.pending.get(uri);
    if (!entry) return Promise.resolve(!token?.isCancellationRequested);
    return new Promise((resolve) => {
      let subscription: { dispose(): void } | undefined;
      const waiter = (settled: boolean) => {
        subscription?.dispose();
        resolve(settled && !token?.isCancellationRequested);
      };
      entry.waiters.push(waiter);
      subscription = token?.onCancellationRequested(() => {
        const current = this.pending.get(uri);
        if (current) current.waiters = current.waiters.filter((w) => w !== waiter);
        resolve(false);
      });
    });
  }

  opened(uri: string, version: number): void {
    this.savedVersions.set(uri, version);
  }

  saved(uri: string, version: number): void {
    this.savedVersions.set(uri, version);
  }

  /** Whether the document has edits that were not saved since it was opened or last saved. */
  isDirty(uri: string, version: number): boolean {
    const saved = this.savedVersions.get(uri);
    return saved !== undefined && saved !== version;
  }

  closed(uri: string): void {
    this.savedVersions.delete(uri);
    this.settle(uri, false);
  }

  private settle(uri: string, run: boolean): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    entry.timer.dispose();
    this.pending.delete(uri);
    if (run) this.onSettled(uri);
    for (const waiter of entry.waiters) waiter(run);
  }
}
