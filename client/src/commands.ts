/**
 * The extension's commands. Each also takes arguments, so that tasks,
 * keybindings and the end-to-end tests can run them without prompts.
 */
import * as vscode from 'vscode';
import {
  LINT_COURSE_REQUEST,
  NEXT_LESSON_ID_REQUEST,
  type NextLessonIdParams,
  type NextLessonIdResult,
} from '../../server/src/protocol';
import {
  EXCLUDED_FOLDERS_GLOB,
  leadingLessonId,
  lessonFileName,
  lessonSkeleton,
  moduleFolderName,
  parseLessonId,
  parsePositiveInteger,
} from './lessons';
import type { LessonPreview } from './preview/panel';
import type { LessonlintServer } from './server';

export interface NewLessonArgs {
  module?: number;
  unit?: number;
  title?: string;
  /** Folder to create the lesson in; by default the folder of the module's other lessons. */
  folder?: vscode.Uri;
}

export function registerCommands(server: LessonlintServer, preview: LessonPreview): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('lessonlint.newLesson', (args?: NewLessonArgs | vscode.Uri) =>
      newLesson(server, args instanceof vscode.Uri ? { folder: args } : (args ?? {})),
    ),
    vscode.commands.registerCommand('lessonlint.openPreview', (uri?: vscode.Uri) => openPreview(server, preview, uri, false)),
    vscode.commands.registerCommand('lessonlint.openPreviewToSide', (uri?: vscode.Uri) => openPreview(server, preview, uri, true)),
    vscode.commands.registerCommand('lessonlint.lintCourse', () => lintCourse(server)),
    vscode.commands.registerCommand('lessonlint.restartServer', async () => {
      await server.restart();
      void vscode.window.setStatusBarMessage('Lessonlint server restarted', 3000);
    }),
    vscode.commands.registerCommand('lessonlint.showOutput', () => server.output.show(true)),
  ];
}

async function openPreview(server: LessonlintServer, preview: LessonPreview, uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open a lesson to preview it.');
    return;
  }
  await server.start();
  await preview.show(target, toSide);
}

/** Runs the course lint; the findings land in the Problems panel. Returns their number. */
async function lintCourse(server: LessonlintServer): Promise<number | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Lessonlint: open the folder of a course to lint it.');
    return undefined;
  }
  const count = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Lessonlint: linting the course' },
    () => server.sendRequest<number>(LINT_COURSE_REQUEST, {}),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.setStatusBarMessage(`Lessonlint: ${count} finding${count === 1 ? '' : 's'} in the course`, 5000);
  return count;
}

/** The module and unit of the active lesson, as defaults for the prompts. */
function activeLessonParts() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const name = editor.document.uri.path.slice(editor.document.uri.path.lastIndexOf('/') + 1);
  const id = leadingLessonId(name) ?? leadingLessonId(editor.document.lineAt(0).text);
  return id ? parseLessonId(id) : undefined;
}

async function askNumber(prompt: string, value: number | undefined): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'New Lesson',
    prompt,
    value: value === undefined ? '' : String(value),
    validateInput: (text) => (parsePositiveInteger(text) === undefined ? 'A positive whole number, e.g. 4' : undefined),
  });
  return answer === undefined ? undefined : parsePositiveInteger(answer);
}

/**
 * "New Lesson…": asks for the module and unit, takes the next free lesson ID
 * from the server (which knows the whole course), asks for a title, creates
 * the file next to the module's other lessons and fills in the skeleton.
 */
async function newLesson(server: LessonlintServer, args: NewLessonArgs): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder && !args.folder) {
    void vscode.window.showInformationMessage('Lessonlint: open the folder of a course to add a lesson to it.');
    return undefined;
  }
  const current = activeLessonParts();
  const module = args.module ?? (await askNumber('Module number', current?.module));
  if (module === undefined) return undefined;
  const unit = args.unit ?? (await askNumber(`Unit number in module ${module}`, current?.module === module ? current.unit : 1));
  if (unit === undefined) return undefined;

  const next = await server.sendRequest<NextLessonIdResult>(NEXT_LESSON_ID_REQUEST, { module, unit } satisfies NextLessonIdParams);
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `New Lesson ${next.id}`,
      prompt: `Title of ${next.id}`,
      placeHolder: 'Harmful fine-tuning',
      validateInput: (text) => (text.trim() ? undefined : 'The lesson needs a title'),
    }));
  if (!title?.trim()) return undefined;

  const target = vscode.Uri.joinPath(args.folder ?? (await moduleFolder(module, folder!.uri)), lessonFileName(next.id, title.trim()));
  if (await exists(target)) {
    void vscode.window.showErrorMessage(`Lessonlint: ${vscode.workspace.asRelativePath(target)} already exists.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new Uint8Array());
  const editor = await vscode.window.showTextDocument(target);
  await editor.insertSnippet(
    new vscode.SnippetString(lessonSkeleton({ id: next.id, title: title.trim(), module, moduleTitle: next.moduleTitle })),
    new vscode.Position(0, 0),
  );
  await editor.document.save();
  return target;
}

/** The folder that holds most of the module's lessons, else `<workspace>/module-NN`. */
async function moduleFolder(module: number, root: vscode.Uri): Promise<vscode.Uri> {
  const lessons = await vscode.workspace.findFiles(`**/L${module}.[0-9]*.[0-9]*.md`, EXCLUDED_FOLDERS_GLOB, 200);
  const counts = new Map<string, { uri: vscode.Uri; count: number }>();
  for (const lesson of lessons) {
    const dir = vscode.Uri.joinPath(lesson, '..');
    const entry = counts.get(dir.toString()) ?? { uri: dir, count: 0 };
    entry.count++;
    counts.set(dir.toString(), entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.uri.path.localeCompare(b.uri.path))[0];
  return best?.uri ?? vscode.Uri.joinPath(root, moduleFolderName(module));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
