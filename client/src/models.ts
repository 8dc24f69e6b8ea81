/**
 * Lesson models (PREVIEW_MODEL_REQUEST) for the documents that the preview
 * and the status bar are showing, refreshed after a short quiet time when the
 * text or its findings change. A newer request makes an older answer stale.
 */
import * as vscode from 'vscode';
import { PREVIEW_MODEL_REQUEST, type PreviewModel, type PreviewModelParams } from '../../server/src/protocol';
import type { LessonlintServer } from './server';

/** Quiet time after the last keystroke before the model is asked for again. */
export const MODEL_DEBOUNCE_MS = 250;

export class LessonModels implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PreviewModel>();
  /** A fresh model for a watched document. */
  readonly onDidChange = this.changed.event;
  private readonly watchers = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  private readonly latest = new Map<string, PreviewModel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: LessonlintServer) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document.uri.toString());
      }),
      // Findings can change without an edit here (another lesson of the course changed).
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((uri) => this.schedule(uri.toString()))),
      server.onDidStart(() => [...this.watchers.keys()].forEach((uri) => this.schedule(uri, 0))),
    ];
  }

  /** Keeps `uri`'s model fresh until the returned disposable is disposed. */
  watch(uri: vscode.Uri): vscode.Disposable {
    const key = uri.toString();
    this.watchers.set(key, (this.watchers.get(key) ?? 0) + 1);
    return new vscode.Disposable(() => {
      const count = (this.watchers.get(key) ?? 1) - 1;
      if (count > 0) return void this.watchers.set(key, count);
      this.watchers.delete(key);
      this.latest.delete(key);
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
    });
  }

  /** The last model received for `uri`, if any. */
  peek(uri: vscode.Uri): PreviewModel | undefined {
    return this.latest.get(uri.toString());
  }

  /** Asks the server now; resolves to undefined when a newer request overtook this one or the server failed. */
  async refresh(uri: vscode.Uri): Promise<PreviewModel | undefined> {
    const key = uri.toString();
    const mine = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, mine);
    let model: PreviewModel | null;
    try {
      model = await this.server.sendRequest<PreviewModel | null>(PREVIEW_MODEL_REQUEST, { uri: key } satisfies PreviewModelParams);
    } catch (error) {
      this.server.output.appendLine(`lesson model for ${key}: ${String(error)}`);
      return undefined;
    }
    if (this.generation.get(key) !== mine || !model) return undefined;
    if (this.watchers.has(key)) this.latest.set(key, model);
    this.changed.fire(model);
    return model;
  }

  private schedule(key: string, delay = MODEL_DEBOUNCE_MS): void {
    if (!this.watchers.has(key) || !this.server.isStarted) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(vscode.Uri.parse(key));
      }, delay),
    );
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
  }
}
