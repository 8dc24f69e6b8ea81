/**
 * What the client does when the language server process dies: restart it,
 * tell the author once (not on every crash), and give up after too many
 * crashes in a short time, so a server that dies at start-up does not loop.
 * Pure, so it is tested without VS Code.
 */
export interface RestartDecision {
  restart: boolean;
  /** A message to show the author, or undefined to stay quiet. */
  message?: string;
}

export class RestartPolicy {
  private crashes: number[] = [];
  private notified = false;

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  onServerClosed(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    if (this.crashes.length > this.maxCrashes) {
      return {
        restart: false,
        message: `The Lessonlint server stopped ${this.crashes.length} times in ${Math.round(this.windowMs / 60_000)} minutes and will not be restarted. Run "Lessonlint: Restart Server" to try again; details are in the Lessonlint output.`,
      };
    }
    if (this.notified) return { restart: true };
    this.notified = true;
    return { restart: true, message: 'The Lessonlint server stopped unexpectedly and was restarted. Details are in the Lessonlint output.' };
  }

  /** After a manual restart, the next crash is news again. */
  reset(): void {
    this.crashes = [];
    this.notified = false;
  }
}
