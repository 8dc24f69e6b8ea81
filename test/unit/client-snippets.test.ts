/**
 * The snippets (snippets/lessonlint.code-snippets) and the lesson skeleton
 * that "New Lesson…" inserts: the same text, in the template's order, and a
 * lesson the engine parses as such once the placeholders are filled in.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lessonSkeleton } from '../../client/src/lessons';
import { THEORY_SECTIONS } from '../../server/src/engine/config/template';
import { parseLesson } from '../../server/src/engine/index';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'lessonlint.code-snippets'), 'utf8')) as Record<string, Snippet>;
const bodyOf = (name: string) => {
  const body = snippets[name]?.body;
  assert.ok(body, `snippet "${name}" exists`);
  return Array.isArray(body) ? body.join('\n') : body;
};

/** What the user gets when accepting every default: placeholders → their text, choices → the first option. */
function expand(snippet: string): string {
  let text = snippet;
  // Innermost first, until no placeholder is left.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+:((?:\\.|[^$}\\])*)\}/g, (_, value: string) => value)
      .replace(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g, (_, options: string) => options.split(/(?<!\\),/)[0]!);
  }
  return text.replace(/(?<!\\)\$\d+/g, '').replace(/\\([$}\\,|])/g, '$1');
}

describe('snippets', () => {
  it('offers every snippet the issue lists', () => {
    const expected = [
      'Lesson skeleton',
      'Learning objective',
      'Key term',
      'Reference',
      'Quiz item',
      'Slide marker',
      'Slide outline item',
      'Framework tags line',
      'Disable a rule for the next line',
      'Disable a rule',
      'Enable a rule',
    ];
    for (const name of expected) assert.ok(snippets[name], `missing snippet "${name}"`);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 10, `"${name}" has a description`);
      assert.ok([snippet.prefix].flat().length > 0, `"${name}" has a prefix`);
    }
  });

  it('the "Lesson skeleton" snippet is exactly the skeleton New Lesson inserts, without its values', () => {
    assert.equal(bodyOf('Lesson skeleton') + '\n', lessonSkeleton());
  });

  it('numbers the skeleton tab stops 1..N in reading order (template order), ending at $0', () => {
    const stops = [...bodyOf('Lesson skeleton').matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1));
    assert.ok(bodyOf('Lesson skeleton').endsWith('$0'));
  });

  it('the skeleton, filled in with its defaults, parses as a lesson with every template section in order', () => {
    const lesson = parseLesson(expand(lessonSkeleton()), 'L1.1.1-lesson-title.md');
    assert.equal(lesson.isLesson, true);
    assert.equal(lesson.title?.id?.value, 'L1.1.1');
    assert.equal(lesson.title?.separator?.value.trim(), '—');
    assert.deepEqual(
      lesson.sections.map((s) => s.heading.text.replace(/\s*\(.*\)$/, '')),
      THEORY_SECTIONS,
    );
    assert.deepEqual(
      lesson.metadata.map((f) => f.key),
      ['type', 'duration', 'status', 'module', 'frameworks'],
    );
    assert.equal(lesson.quiz?.length, 3);
    assert.ok(lesson.quiz?.every((q) => q.question?.text.value && q.answer?.text.value));
    assert.equal(lesson.videoScript?.slides.length, 1);
    assert.equal(lesson.videoScript?.slides[0]?.wellFormed, true);
  });

  it('fills in the values New Lesson knows and escapes them', () => {
    const text = lessonSkeleton({ id: 'L4.2.3', title: 'Costs $5}', module: 4, moduleTitle: 'Data Poisoning, Backdoors & Supply Chain' });
    assert.ok(text.startsWith('# L4.2.3 — Costs \\$5\\}\n'), text.slice(0, 40));
    assert.match(text, /^\*\*Module:\*\* Module 4 — Data Poisoning, Backdoors & Supply Chain {2}$/m);
    const lesson = parseLesson(expand(text), 'L4.2.3-costs-5.md');
    assert.equal(lesson.title?.title?.value, 'Costs $5}');
    // Tab stops still start at 1 (the type) when ID and title are known.
    assert.match(text, /\*\*Type:\*\* \$\{1\|Theory,/);
  });

  it('small snippets expand to what the template expects', () => {
    assert.equal(expand(bodyOf('Quiz item')), '1. Q: Question?\n   A: Answer.');
    assert.equal(expand(bodyOf('Slide marker')), '[SLIDE 1 — Title]\n\nNarration.');
    assert.equal(expand(bodyOf('Key term')), '- Term — definition');
    assert.equal(expand(bodyOf('Slide outline item')), '1. Title — what the slide shows');
    assert.equal(expand(bodyOf('Framework tags line')), '**Framework tags:** OWASP LLM01 · MITRE ATLAS AML.T0051');
    assert.equal(expand(bodyOf('Disable a rule for the next line')), '<!-- lessonlint-disable-next-line rule-id -->');
    assert.equal(expand(bodyOf('Disable a rule')), '<!-- lessonlint-disable rule-id -->\n\n<!-- lessonlint-enable rule-id -->');
  });
});
