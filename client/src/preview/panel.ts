/**
 * The Lesson Preview webview: one panel that shows the lesson of the active
 * editor, re-rendered (debounced, see ../models.ts) as it is edited, and that
 * follows the editor to another lesson.
 */
import * as vscode from 'vscode';
import type { PreviewModel } from '../../../server/src/protocol';
import { looksLikeLesson } from '../lessons';
import type { LessonModels } from '../models';
import { createNonce, renderLessonBody, renderPreviewDocument } from './render';

export const PREVIEW_VIEW_TYPE = 'lessonlint.preview';

/** What the webview reported after it last swapped in new content. */
export interface PreviewRender {
  uri: string;
  version: number;
  title?: string;
  findings: number;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; uri: string; version: number; title?: string; findings: number }
  | { type: 'reveal'; line: number; column: number };

interface PanelState {
  uri?: string;
}

export class LessonPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.Uri | undefined;
  private watching: vscode.Disposable | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private lastUpdate: { type: 'update'; uri: string; version: number; html: string } | undefined;
  private version = 0;
  private lastRender: PreviewRender | undefined;
  private readonly renderEmitter = new vscode.EventEmitter<PreviewRender>();
  /** Fires when the webview has shown new content. */
  readonly onDidRender = this.renderEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly models: LessonModels,
  ) {
    this.subscriptions = [
      this.renderEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || editor.document.languageId !== 'markdown') return;
        if (editor.document.uri.toString() === this.document?.toString()) return;
        if (looksLikeLesson(editor.document.getText())) void this.setDocument(editor.document.uri);
      }),
      models.onDidChange((model) => {
        if (this.panel && model.uri === this.document?.toString()) this.post(model);
      }),
    ];
  }

  get rendered(): PreviewRender | undefined {
    return this.lastRender;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens (or reveals) the preview for `uri`. */
  async show(uri: vscode.Uri, toSide: boolean): Promise<void> {
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.reveal(toSide ? undefined : column, toSide);
    } else {
      this.attach(
        vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Lesson Preview', { viewColumn: column, preserveFocus: toSide }, this.webviewOptions()),
      );
    }
    await this.setDocument(uri);
  }

  /** Restores a panel that VS Code kept across a reload. */
  async restore(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    if (this.panel) return panel.dispose(); // one preview at a time
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    if (state?.uri) await this.setDocument(vscode.Uri.parse(state.uri));
    else this.setBody('<p class="status">Open a lesson to preview it.</p>', 'Lesson Preview');
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      enableFindWidget: true,
      // The page loads nothing but its own stylesheet and script.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'client', 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'preview-icon.svg');
    this.panelSubscriptions = [
      panel.onDidDispose(() => this.detach()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
    ];
  }

  private detach(): void {
    this.panelSubscriptions.forEach((s) => s.dispose());
    this.panelSubscriptions = [];
    this.watching?.dispose();
    this.watching = undefined;
    this.panel = undefined;
    this.document = undefined;
    this.lastUpdate = undefined;
  }

  private async setDocument(uri: vscode.Uri): Promise<void> {
    if (!this.panel) return;
    if (uri.toString() !== this.document?.toString()) {
      this.watching?.dispose();
      this.document = uri;
      this.watching = this.models.watch(uri);
      this.lastUpdate = undefined;
      this.setBody(`<p class="status">Loading ${escapeText(basename(uri))}…</p>`, basename(uri));
    }
    const model = this.models.peek(uri) ?? (await this.models.refresh(uri));
    if (model && model.uri === this.document?.toString()) this.post(model);
    else if (!model && uri.toString() === this.document?.toString() && !this.lastUpdate) {
      this.setBody('<p class="status">The Lessonlint server did not answer; see the "Lessonlint" output channel.</p>', basename(uri));
    }
  }

  /** A new page: used when the lesson changes, so that no stale content is ever shown. */
  private setBody(body: string, title: string): void {
    if (!this.panel) return;
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'client', 'media', name)).toString();
    webview.html = renderPreviewDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      body,
      title,
    });
  }

  private post(model: PreviewModel): void {
    if (!this.panel) return;
    this.panel.title = `Preview ${model.id ?? basename(vscode.Uri.parse(model.uri))}`;
    this.lastUpdate = { type: 'update', uri: model.uri, version: ++this.version, html: renderLessonBody(model) };
    void this.panel.webview.postMessage(this.lastUpdate);
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        // A fresh page (first load, or the panel was hidden and shown again) gets the latest content.
        if (this.lastUpdate) void this.panel?.webview.postMessage(this.lastUpdate);
        break;
      case 'rendered':
        this.lastRender = { uri: message.uri, version: message.version, title: message.title, findings: message.findings };
        this.renderEmitter.fire(this.lastRender);
        break;
      case 'reveal':
        void this.reveal(message.line, message.column);
        break;
    }
  }

  private async reveal(line: number, column: number): Promise<void> {
    if (!this.document || !Number.isInteger(line) || !Number.isInteger(column)) return;
    const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document?.toString());
    await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** Registers the serializer that brings the preview back after a window reload. */
export function registerPreviewSerializer(preview: LessonPreview): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => preview.restore(panel, state as PanelState | undefined),
  });
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
