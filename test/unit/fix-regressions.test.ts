/** Defects the fuzzer found (scripts/fuzz.mjs); each test fails on the code before its fix. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLesson } from '../../server/src/engine/index';
import { SAMPLE, fix, lintRule, sampleWith } from '../helpers/lint';

test('a text starting with two BOMs keeps its spans on the right characters', () => {
  const text = '\uFEFF\uFEFF\n' + SAMPLE;
  const lesson = parseLesson(text, 'L4.2.2-x.md');
  assert.equal(text.slice(lesson.title!.id!.span.start, lesson.title!.id!.span.end), 'L4.2.2');
});

test('no fix appends a missing section when the lesson ends inside an unclosed comment (it would be swallowed)', () => {
  const cut = SAMPLE.indexOf('## Production notes');
  const text = SAMPLE.slice(0, cut) + '<!-- a note that never closes\n';
  const [finding] = lintRule('section-missing', text);
  assert.ok(finding, 'the missing section is still reported');
  assert.equal(finding.fix, undefined);
  assert.equal(fix(text), text);
});

test('no fix appends a missing section when the lesson ends inside an unclosed code fence', () => {
  const cut = SAMPLE.indexOf('## Production notes');
  const text = SAMPLE.slice(0, cut) + '```\ncode that runs to the end\n';
  assert.equal(lintRule('section-missing', text)[0]?.fix, undefined);
});

test('renaming a misspelt section heading is not offered when the heading holds markup it would delete', () => {
  const text = sampleWith('## Real-world example', '## Real <!-- keep me --> world example');
  const [finding] = lintRule('section-unknown', text);
  assert.ok(finding, 'the misspelt heading is still reported');
  assert.equal(finding.fix, undefined);
  assert.ok(fix(text).includes('<!-- keep me -->'));
});

for (const [name, ending] of [
  ['an indented unclosed comment', '   <!-- a note that never closes\n'],
  ['an unclosed <script> block', '<script>\nnot closed\n'],
  ['an unclosed <pre> block', '<pre>\nnot closed\n'],
  ['an unclosed CDATA block', '<![CDATA[\nnot closed\n'],
]) {
  test(`no fix appends a missing section when the lesson ends inside ${name}`, () => {
    const cut = SAMPLE.indexOf('## Production notes');
    const text = SAMPLE.slice(0, cut) + ending;
    assert.ok(lintRule('section-missing', text)[0], 'the missing section is still reported');
    assert.equal(fix(text), text);
  });
}

test('a closed HTML block at the end still gets the fix', () => {
  const cut = SAMPLE.indexOf('## Production notes');
  const text = SAMPLE.slice(0, cut) + '<!-- a closed note -->\n';
  assert.ok(lintRule('section-missing', text)[0]?.fix);
});
