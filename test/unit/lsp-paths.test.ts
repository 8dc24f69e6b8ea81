/** URIs ↔ course paths, and the settings parsers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileSystemPaths, UriPaths, isInside } from '../../server/src/lsp/paths';
import { DEFAULT_SETTINGS, DEFAULT_TUNING, parseSettings, parseTuning } from '../../server/src/lsp/settings';

test("Node: file URIs are paths with '/' separators; other schemes are outside the course", () => {
  const paths = new FileSystemPaths();
  assert.equal(paths.toPath('file:///home/a/course/L4.2.2%20x.md'), '/home/a/course/L4.2.2 x.md');
  assert.equal(paths.toPath('untitled:Untitled-1'), undefined);
  assert.equal(paths.toPath('git:/home/a/course/x.md?ref'), undefined);
  assert.equal(paths.toUri('/home/a/other.md'), 'file:///home/a/other.md');
});

test("the client's own spelling of a URI is used to answer it", () => {
  const paths = new FileSystemPaths();
  const clientUri = 'file:///c%3A/course/a.md';
  const path = paths.toPath(clientUri)!;
  assert.equal(path, 'c:/course/a.md');
  assert.equal(paths.toUri(path), clientUri);
});

test('browser: only the schemes and authorities of workspace folders are course files', () => {
  const paths = new UriPaths();
  assert.equal(paths.addFolder('vscode-vfs://github/acme/course'), '/acme/course');
  assert.equal(paths.toPath('vscode-vfs://github/acme/course/m4/a.md'), '/acme/course/m4/a.md');
  assert.equal(paths.toPath('vscode-vfs://gitlab/acme/course/m4/a.md'), undefined);
  assert.equal(paths.toUri('/acme/course/m4/b.md'), 'vscode-vfs://github/acme/course/m4/b.md');
});

test('isInside respects folder boundaries', () => {
  assert.ok(isInside('/course/a.md', '/course'));
  assert.ok(isInside('/course', '/course'));
  assert.ok(!isInside('/course-2/a.md', '/course'));
});

test('settings and tuning: unknown or ill-typed values fall back to the defaults', () => {
  assert.deepEqual(parseSettings({ enable: 'no', run: 'sometimes' }), DEFAULT_SETTINGS);
  assert.deepEqual(parseSettings({ enable: false, run: 'onSave' }), { ...DEFAULT_SETTINGS, enable: false, run: 'onSave' });
  assert.deepEqual(parseTuning({ debounceMs: -5, maxLessonLength: 'big', lintBudgetMs: 0 }), DEFAULT_TUNING);
  assert.deepEqual(parseTuning({ debounceMs: 0, maxLessonLength: 10, lintBudgetMs: 250 }), { debounceMs: 0, maxLessonLength: 10, lintBudgetMs: 250 });
});
