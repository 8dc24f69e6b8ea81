/**
 * Web entry (`browser`, VS Code for the Web): the language server runs in a
 * web worker (dist/server/browser.js). It has no file system: it asks this
 * client for course files (READ_FILE_REQUEST / LIST_FILES_REQUEST, see ./server.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateLessonlint, type LessonlintApi } from './activate';

// The DOM lib is not in the project's tsconfig; a worker is all this file needs of it.
declare const Worker: new (scriptURL: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): LessonlintApi {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
  return activateLessonlint(context, (clientOptions) => {
    const worker = new Worker(serverMain.toString(true));
    return new LanguageClient('lessonlint', 'Lessonlint', clientOptions, worker);
  });
}

export function deactivate(): void {
  // The clients are disposed with the extension context's subscriptions.
}
