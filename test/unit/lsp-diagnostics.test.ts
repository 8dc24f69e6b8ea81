/** Findings as LSP diagnostics. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LintMessage } from '../../server/src/engine/index';
import { diagnosticOf, diagnosticsOf, ruleDocsHref } from '../../server/src/lsp/diagnostics';
import { parseSettings } from '../../server/src/lsp/settings';

const toUri = (path: string) => `file://${path}`;

test('a course finding: 0-based range, rule code and docs link, related information in the other lesson', () => {
  const message: LintMessage = {
    ruleId: 'course-duplicate-id',
    severity: 'error',
    message: 'Lesson ID L4.2.2 is also used by b.md',
    line: 1,
    column: 3,
    endLine: 1,
    endColumn: 9,
    related: [{ filePath: '/course/b.md', range: { line: 1, column: 3, endLine: 1, endColumn: 9 }, message: 'L4.2.2 is also the ID of this lesson' }],
  };
  assert.deepEqual(diagnosticOf(message, 'https://docs.example/rules/', toUri, 'file:///course/a.md'), {
    range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } },
    severity: 1,
    source: 'lessonlint',
    code: 'course-duplicate-id',
    codeDescription: { href: 'https://docs.example/rules/course-duplicate-id.md' },
    message: 'Lesson ID L4.2.2 is also used by b.md',
    relatedInformation: [
      {
        location: { uri: 'file:///course/b.md', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } } },
        message: 'L4.2.2 is also the ID of this lesson',
      },
    ],
  });
});

test('finding tags become diagnostic tags; info is Information', () => {
  const message: LintMessage = { ruleId: 'tag-deprecated', severity: 'info', message: 'm', line: 5, column: 1, endLine: 5, endColumn: 4, tags: ['deprecated', 'unnecessary'] };
  const diagnostic = diagnosticOf(message, 'https://x/', toUri, 'file:///a.md');
  assert.equal(diagnostic.severity, 3);
  assert.deepEqual(diagnostic.tags, [2, 1]);
});

test("the docs base URL comes from the settings and ends in '/'", () => {
  const { docsBaseUrl } = parseSettings({ docsBaseUrl: 'https://intranet.example/lessonlint/rules' });
  assert.equal(ruleDocsHref(docsBaseUrl, 'title-separator'), 'https://intranet.example/lessonlint/rules/title-separator.md');
  assert.equal(parseSettings({ docsBaseUrl: 42 }).docsBaseUrl, parseSettings(undefined).docsBaseUrl);
});

test('a file: lesson and course findings in source order; the size diagnostic first; course only when closed', () => {
  const at = (ruleId: string, line: number): LintMessage => ({ ruleId, severity: 'warning', message: ruleId, line, column: 1, endLine: line, endColumn: 2 });
  const report = { messages: [at('b-rule', 9), at('a-rule', 2)], tooLarge: { length: 3e6, limit: 2e6 } };
  const all = diagnosticsOf(report, [at('course-rule', 5)], 'file:///a.md', 'https://x/', toUri);
  assert.deepEqual(all.map((d) => d.code), ['lessonlint/file-too-large', 'a-rule', 'course-rule', 'b-rule']);
  assert.match(all[0]!.message, /^lesson too large to check \(2\.9 MB > 1\.9 MB limit\)/);
  assert.equal(all[0]!.codeDescription, undefined, 'not a rule: no docs page');
  const closed = diagnosticsOf(report, [at('course-rule', 5)], 'file:///a.md', 'https://x/', toUri, false);
  assert.deepEqual(closed.map((d) => d.code), ['course-rule']);
});

test("a finding that is not a registry rule (the engine's complexity guard) has no docs link", () => {
  const message: LintMessage = { ruleId: 'lesson-too-complex', severity: 'error', message: 'too deep', line: 1, column: 1, endLine: 1, endColumn: 1 };
  const diagnostic = diagnosticOf(message, 'https://x/', toUri, 'file:///a.md');
  assert.equal(diagnostic.code, 'lesson-too-complex');
  assert.equal(diagnostic.codeDescription, undefined);
});
