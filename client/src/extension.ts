/**
 * Desktop entry (`main`): the language server runs as a Node child process
 * (dist/server/node.js) talking over IPC.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateLessonlint, type LessonlintApi } from './activate';

export function activate(context: vscode.ExtensionContext): LessonlintApi {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateLessonlint(context, (clientOptions) => new LanguageClient('lessonlint', 'Lessonlint', serverOptions, clientOptions));
}

export function deactivate(): void {
  // The clients are disposed with the extension context's subscriptions.
}
