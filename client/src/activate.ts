/**
 * Activation shared by the desktop and web entries.
 *
 * The extension activates on markdown (and on folders holding lessons or a
 * config file), but starts the language server only for a course: when the
 * workspace holds lesson files or a `.lessonlint.*` config, or when a
 * markdown file that is a lesson is opened. Markdown notes in other folders
 * cost nothing but this check.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CONFIG_FILE_GLOB, EXCLUDED_FOLDERS_GLOB, LESSON_FILE_GLOB, looksLikeLesson } from './lessons';
import { LessonModels } from './models';
import { LessonPreview, registerPreviewSerializer, type PreviewRender } from './preview/panel';
import { LessonlintServer, type ClientFactory } from './server';
import { LessonStatusBar } from './statusBar';

/** What `activate` returns: used by the end-to-end tests, and by other extensions if they wish. */
export interface LessonlintApi {
  /** Starts the server if needed; resolves when it is ready. */
  whenServerReady(): Promise<void>;
  isServerStarted(): boolean;
  /** What the Lesson Preview last showed (reported by the webview itself). */
  previewRendered(): PreviewRender | undefined;
  onDidRenderPreview: vscode.Event<PreviewRender>;
}

export function activateLessonlint(context: vscode.ExtensionContext, createClient: ClientFactory): LessonlintApi {
  const output = vscode.window.createOutputChannel('Lessonlint');
  const server = new LessonlintServer(createClient, output);
  const models = new LessonModels(server);
  const preview = new LessonPreview(context.extensionUri, models);
  context.subscriptions.push(
    output,
    server,
    models,
    preview,
    registerPreviewSerializer(preview),
    new LessonStatusBar(models),
    ...registerCommands(server, preview),
  );

  const startForCourse = () =>
    server.start().catch(() => {
      // Already logged; the output channel tells the user what went wrong.
    });
  const isLesson = (document: vscode.TextDocument) => document.languageId === 'markdown' && looksLikeLesson(document.getText());

  void holdsCourse().then((course) => {
    if (course || vscode.workspace.textDocuments.some(isLesson)) void startForCourse();
  });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!server.isStarted && isLesson(document)) void startForCourse();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(async () => {
      if (!server.isStarted && (await holdsCourse())) void startForCourse();
    }),
  );

  return {
    whenServerReady: async () => {
      await server.start();
    },
    isServerStarted: () => server.isStarted,
    previewRendered: () => preview.rendered,
    onDidRenderPreview: preview.onDidRender,
  };
}

/** Whether a workspace folder holds a lesson file or a Lessonlint config file. */
async function holdsCourse(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  for (const glob of [CONFIG_FILE_GLOB, LESSON_FILE_GLOB]) {
    if ((await vscode.workspace.findFiles(glob, EXCLUDED_FOLDERS_GLOB, 1)).length > 0) return true;
  }
  return false;
}
