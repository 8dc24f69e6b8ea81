/**
 * The status bar item for the active lesson: estimated vs declared speaking
 * minutes and the lesson's error count. Clicking it opens the preview.
 */
import * as vscode from 'vscode';
import { looksLikeLesson } from './lessons';
import type { LessonModels } from './models';
import { statusText, statusTooltip, type LessonCounts } from './statusText';

export const LESSON_CONTEXT_KEY = 'lessonlint.activeEditorIsLesson';

function countsFor(uri: vscode.Uri): LessonCounts {
  const mine = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lessonlint');
  return {
    errors: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

export class LessonStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lessonlint.lesson', vscode.StatusBarAlignment.Right, 100);
  private watching: { uri: string; subscription: vscode.Disposable } | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly models: LessonModels) {
    this.item.name = 'Lessonlint: lesson';
    this.item.command = 'lessonlint.openPreviewToSide';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.follow();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      models.onDidChange((model) => {
        if (model.uri === this.watching?.uri) this.update();
      }),
    ];
    this.follow();
  }

  /** Watches the active editor's document when it is a lesson; hides the item otherwise. */
  private follow(): void {
    // Focus on a webview (the preview beside the lesson) leaves no active text editor: keep the lesson shown.
    if (!vscode.window.activeTextEditor && this.watching && vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === this.watching?.uri)) return;
    const document = vscode.window.activeTextEditor?.document;
    const isLesson = document?.languageId === 'markdown' && looksLikeLesson(document.getText());
    void vscode.commands.executeCommand('setContext', LESSON_CONTEXT_KEY, isLesson);
    const uri = isLesson ? document.uri.toString() : undefined;
    if (uri === this.watching?.uri) return;
    this.watching?.subscription.dispose();
    this.watching = uri && document ? { uri, subscription: this.models.watch(document.uri) } : undefined;
    if (document && uri) void this.models.refresh(document.uri);
    this.update();
  }

  private update(): void {
    const uri = this.watching ? vscode.Uri.parse(this.watching.uri) : undefined;
    const model = uri && this.models.peek(uri);
    if (!uri || !model || !model.isLesson) return this.item.hide();
    const counts = countsFor(uri);
    this.item.text = statusText(model, counts);
    this.item.tooltip = statusTooltip(model, counts);
    this.item.backgroundColor = counts.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.watching?.subscription.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
