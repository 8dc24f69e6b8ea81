/** §3 Framework tags: what an author sees for each kind of tag problem. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConfigFile } from '../../server/src/engine/index';
import { SAMPLE, fix, lint, lintRule, sampleWith } from '../helpers/lint';

const TAG_RULES = [
  'tag-missing',
  'tag-separator',
  'tag-unrecognized',
  'tag-malformed',
  'tag-unknown-id',
  'tag-upstream-only',
  'tag-deprecated',
  'tag-edition',
  'tag-duplicate',
];

const SAMPLE_TAGS = '**Framework tags:** OWASP LLM03 · MITRE ATLAS AML.T0049';
/** Line of the tags in the sample, and the column where the first tag starts. */
const TAGS_LINE = 5;
const FIRST_TAG_COLUMN = '**Framework tags:** '.length + 1;

/** The sample with its framework tags replaced by `tags` (written after the label). */
function withTags(tags: string): string {
  return sampleWith(SAMPLE_TAGS, `**Framework tags:** ${tags}`.trimEnd());
}

/** The sample with its tags moved into a front matter block (`yaml` is the block's content). */
function withFrontMatter(yaml: string, inlineTags = false): string {
  const body = inlineTags ? SAMPLE : sampleWith(`  \n${SAMPLE_TAGS}`, '');
  return `---\n${yaml}---\n${body}`;
}

function tagFindings(text: string, config?: ConfigFile) {
  return lint(text, config ? { config } : {}).filter((m) => TAG_RULES.includes(m.ruleId));
}

const course = (owaspLlmEdition: string): ConfigFile => ({ template: { owaspLlmEdition } }) as ConfigFile;

test('the sample lesson gets no framework tag finding', () => {
  assert.deepEqual(tagFindings(SAMPLE), []);
});

test('canonical tags of every framework, with and without an edition, get no finding', () => {
  const text = withTags(
    'OWASP LLM04 · OWASP LLM05:2025 · OWASP ML02 · OWASP ML06:2023 · OWASP ASI01 · MITRE ATLAS AML.TA0004 · ' +
      'MITRE ATLAS AML.T0018.000 · MITRE ATLAS AML.M0008 · MITRE ATLAS AML.CS0000',
  );
  assert.deepEqual(tagFindings(text), []);
});

test('front matter tags are checked like inline ones, and agreeing forms are not repeats', () => {
  assert.deepEqual(tagFindings(withFrontMatter('frameworks: [OWASP LLM03, MITRE ATLAS AML.T0049]\n')), []);
  assert.deepEqual(tagFindings(withFrontMatter('frameworks: [OWASP LLM03, MITRE ATLAS AML.T0049]\n', true)), []);
});

describe('tag-malformed', () => {
  const cases: Array<[written: string, canonical: string]> = [
    ['LLM3', 'OWASP LLM03'],
    ['OWASP-LLM03', 'OWASP LLM03'],
    ['owasp llm03', 'OWASP LLM03'],
    ['ATLAS AML.T49', 'MITRE ATLAS AML.T0049'],
    ['AML.T0049', 'MITRE ATLAS AML.T0049'],
    ['OWASP LLM04 (2025)', 'OWASP LLM04:2025'],
  ];
  for (const [written, canonical] of cases) {
    test(`'${written}' is a warning fixed to '${canonical}'`, () => {
      const text = withTags(`${written} · OWASP ML02`);
      const findings = lintRule('tag-malformed', text);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding!.severity, 'warning');
      assert.match(finding!.message, new RegExp(`^Framework tag '${written.replace(/[.()]/g, '\\$&')}' is not spelled canonically \\(.+\\); expected '${canonical}'$`));
      assert.deepEqual(
        [finding!.line, finding!.column, finding!.endLine, finding!.endColumn],
        [TAGS_LINE, FIRST_TAG_COLUMN, TAGS_LINE, FIRST_TAG_COLUMN + written.length],
      );
      assert.equal(fix(text), withTags(`${canonical} · OWASP ML02`), 'only the tag itself is replaced');
    });
  }

  test('the message says what is wrong', () => {
    const [finding] = lintRule('tag-malformed', withTags('LLM3'));
    assert.equal(
      finding!.message,
      `Framework tag 'LLM3' is not spelled canonically (missing the "OWASP" prefix; the number has two digits (LLM03)); expected 'OWASP LLM03'`,
    );
  });

  test('in the front matter the fix keeps the quotes', () => {
    const text = withFrontMatter(`frameworks: ["owasp llm03", 'AML.T0049']\n`);
    assert.equal(lintRule('tag-malformed', text).length, 2);
    assert.ok(fix(text).startsWith(`---\nframeworks: ["OWASP LLM03", 'MITRE ATLAS AML.T0049']\n---\n`));
  });

  test('a YAML string with escapes is reported but not rewritten', () => {
    const text = withFrontMatter('frameworks: "owasp\\x20llm03"\n');
    const [finding] = lintRule('tag-malformed', text);
    assert.match(finding!.message, /expected 'OWASP LLM03'$/);
    assert.equal(lint(text).find((m) => m.ruleId === 'tag-malformed')!.fix, undefined);
  });

  test('a misspelled tag whose ID does not exist gets both findings', () => {
    const text = withTags('owasp llm99');
    assert.deepEqual(
      tagFindings(text).map((m) => m.ruleId),
      ['tag-malformed', 'tag-unknown-id'],
    );
    assert.match(lintRule('tag-unknown-id', text)[0]!.message, /^OWASP LLM99 is not in/);
  });
});

describe('tag-unrecognized', () => {
  test('another framework is an error that says what is expected', () => {
    const findings = lintRule('tag-unrecognized', withTags('OWASP LLM03 · NIST 800-53'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(
      findings[0]!.message,
      "'NIST 800-53' is not a framework tag Lessonlint knows (expected OWASP LLMnn, OWASP MLnn, OWASP ASInn or MITRE ATLAS AML.…)",
    );
    const column = FIRST_TAG_COLUMN + 'OWASP LLM03 · '.length;
    assert.deepEqual([findings[0]!.column, findings[0]!.endColumn], [column, column + 'NIST 800-53'.length]);
  });

  test('a specific reason is added', () => {
    const [finding] = lintRule('tag-unrecognized', withTags('OWASP LLM123'));
    assert.match(finding!.message, /: OWASP IDs have two digits \(LLM01…LLM10\)$/);
  });

  test('a bare T0049 is not guessed to be ATLAS (it may be ATT&CK)', () => {
    const text = withTags('T0049');
    assert.deepEqual(tagFindings(text).map((m) => m.ruleId), ['tag-unrecognized']);
    assert.match(lintRule('tag-unrecognized', text)[0]!.message, /: not clearly a MITRE ATLAS ID$/);
  });

  test('a very long tag is quoted shortened', () => {
    const [finding] = lintRule('tag-unrecognized', withTags('X'.repeat(300)));
    assert.ok(finding!.message.startsWith(`'${'X'.repeat(59)}…' is not a framework tag`));
  });
});

describe('tag-unknown-id', () => {
  test('an OWASP ID outside the list names the framework, the edition and the range', () => {
    const findings = lintRule('tag-unknown-id', withTags('OWASP LLM11'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(
      findings[0]!.message,
      'OWASP LLM11 is not in the OWASP Top 10 for Large Language Model Applications, 2025 edition; its entries run LLM01…LLM10',
    );
  });

  test("the edition in the message is the course's", () => {
    const [finding] = lintRule('tag-unknown-id', withTags('OWASP LLM11'), { config: course('2023') });
    assert.match(finding!.message, /, 2023 edition;/);
  });

  test('an edition that does not exist is an error', () => {
    const [finding] = lintRule('tag-unknown-id', withTags('OWASP LLM04:2019'));
    assert.equal(
      finding!.message,
      'OWASP LLM04:2019: the OWASP Top 10 for Large Language Model Applications has no 2019 edition (known editions: 2023, 2025, 2026)',
    );
    assert.deepEqual(lintRule('tag-edition', withTags('OWASP LLM04:2019')), [], 'no edition warning on top');
    assert.match(lintRule('tag-unknown-id', withTags('OWASP ML01:2025'))[0]!.message, /has no 2025 edition \(known editions: only 2023\)$/);
  });

  test('an unknown ATLAS ID names the pinned data and the upstream record', () => {
    const [finding] = lintRule('tag-unknown-id', withTags('MITRE ATLAS AML.T0999'));
    assert.equal(
      finding!.message,
      'MITRE ATLAS AML.T0999 is not in the MITRE ATLAS 5.6.0 catalog, nor among the upstream additions known up to 2026.09',
    );
  });

  test('an unknown sub-technique lists the ones that exist', () => {
    const [finding] = lintRule('tag-unknown-id', withTags('MITRE ATLAS AML.T0018.009'));
    assert.match(finding!.message, /; AML\.T0018 \(Manipulate AI Model\) has the sub-techniques AML\.T0018\.000, AML\.T0018\.001, AML\.T0018\.002$/);
  });
});

describe('tag-upstream-only', () => {
  test('an ATLAS ID known only upstream is a warning, not an unknown-ID error', () => {
    const text = withTags('MITRE ATLAS AML.T0113');
    assert.deepEqual(tagFindings(text).map((m) => m.ruleId), ['tag-upstream-only']);
    const [finding] = lintRule('tag-upstream-only', text);
    assert.equal(finding!.severity, 'warning');
    assert.equal(
      finding!.message,
      'AML.T0113 is not in the pinned ATLAS 5.6.0 catalog, but is known upstream (2026.05 or 2026.06): Steal Web Session Cookie; ' +
        'the upstream record is unverified, so confirm the ID on atlas.mitre.org',
    );
  });

  test('an ID from a known upstream range has no name to give', () => {
    const [finding] = lintRule('tag-upstream-only', withTags('MITRE ATLAS AML.CS0065'));
    assert.match(finding!.message, /^AML\.CS0065 is not in the pinned ATLAS 5\.6\.0 catalog, but is known upstream \(2026\.09 or earlier\); /);
  });
});

describe('tag-deprecated', () => {
  test('a retired ID is a warning that names its replacement', () => {
    const text = withTags('MITRE ATLAS AML.T0045');
    assert.deepEqual(tagFindings(text).map((m) => m.ruleId), ['tag-deprecated']);
    const finding = lint(text).find((m) => m.ruleId === 'tag-deprecated')!;
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.tags, ['deprecated']);
    assert.equal(
      finding.message,
      'MITRE ATLAS AML.T0045 (ML Intellectual Property Theft) is retired since MITRE ATLAS 4.5.0; ' +
        'use MITRE ATLAS AML.T0048.004 (External Harms: AI Intellectual Property Theft) instead',
    );
  });

  test('a retirement known only upstream says so', () => {
    const [finding] = lintRule('tag-deprecated', withTags('MITRE ATLAS AML.T0058'));
    assert.match(finding!.message, /is retired upstream since MITRE ATLAS 2026\.07 \(an unverified record; the pinned 5\.6\.0 catalog still has it\)/);
    assert.match(finding!.message, /use MITRE ATLAS AML\.T0115\.001 \(Publish Poisoned AI Artifacts: Models\) instead$/);
  });
});

describe('tag-edition', () => {
  test("a tag of another edition names the entry in both editions", () => {
    const findings = lintRule('tag-edition', withTags('OWASP LLM03:2023 · MITRE ATLAS AML.T0049'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(
      findings[0]!.message,
      'OWASP LLM03:2023 (Training Data Poisoning) is from the 2023 edition; this course uses 2025, where it is LLM04 Data and Model Poisoning',
    );
    assert.deepEqual([findings[0]!.column, findings[0]!.endColumn], [FIRST_TAG_COLUMN, FIRST_TAG_COLUMN + 'OWASP LLM03:2023'.length]);
  });

  test("the course's own edition, written out, is fine", () => {
    assert.deepEqual(lintRule('tag-edition', withTags('OWASP LLM03:2025')), []);
    assert.deepEqual(lintRule('tag-edition', withTags('OWASP LLM03:2023'), { config: course('2023') }), []);
  });

  test("the course's edition comes from the template", () => {
    const [finding] = lintRule('tag-edition', withTags('OWASP LLM03:2025'), { config: course('2026') });
    assert.equal(finding!.message, 'OWASP LLM03:2025 (Supply Chain) is from the 2025 edition; this course uses 2026, where it is LLM04 Supply Chain');
  });

  test('an editorial mapping is worded as one', () => {
    const [finding] = lintRule('tag-edition', withTags('OWASP LLM10:2023'));
    assert.match(finding!.message, /this course uses 2025, where it roughly corresponds to LLM10 Unbounded Consumption and LLM02 Sensitive Information Disclosure$/);
  });

  test('an ID that the named edition lacks is only an unknown-ID error', () => {
    const text = withTags('OWASP LLM11:2023');
    assert.deepEqual(tagFindings(text).map((m) => m.ruleId), ['tag-unknown-id']);
  });
});

describe('tag-duplicate', () => {
  test('LLM03 and LLM03:2025 are the same tag under the 2025 default: a warning on the second', () => {
    const text = withTags('OWASP LLM03 · MITRE ATLAS AML.T0049 · OWASP LLM03:2025');
    const findings = lint(text, { filePath: 'L4.2.2-x.md' }).filter((m) => m.ruleId === 'tag-duplicate');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding!.severity, 'warning');
    assert.deepEqual(finding!.tags, ['unnecessary']);
    assert.equal(
      finding!.message,
      "Framework tag 'OWASP LLM03:2025' repeats 'OWASP LLM03' (both are OWASP LLM03:2025 Supply Chain); list each tag once",
    );
    const column = FIRST_TAG_COLUMN + 'OWASP LLM03 · MITRE ATLAS AML.T0049 · '.length;
    assert.deepEqual([finding!.line, finding!.column, finding!.endColumn], [TAGS_LINE, column, column + 'OWASP LLM03:2025'.length]);
    assert.deepEqual(finding!.related, [
      {
        filePath: 'L4.2.2-x.md',
        range: { line: TAGS_LINE, column: FIRST_TAG_COLUMN, endLine: TAGS_LINE, endColumn: FIRST_TAG_COLUMN + 'OWASP LLM03'.length },
        message: "First given as 'OWASP LLM03'",
      },
    ]);
  });

  test('under another course edition they are different tags', () => {
    const findings = tagFindings(withTags('OWASP LLM03 · OWASP LLM03:2025'), course('2026'));
    assert.deepEqual(findings.map((m) => m.ruleId), ['tag-edition']);
  });

  test('a repeat gets only the duplicate finding', () => {
    const findings = tagFindings(withTags('LLM3 · owasp llm03 · NIST · NIST'));
    assert.deepEqual(findings.map((m) => m.ruleId), ['tag-malformed', 'tag-duplicate', 'tag-unrecognized', 'tag-duplicate']);
    assert.equal(findings[3]!.message, "Framework tag 'NIST' is given twice; list each tag once");
  });

  test('a repeat in a front matter list', () => {
    const findings = lintRule('tag-duplicate', withFrontMatter('frameworks:\n  - MITRE ATLAS AML.T0049\n  - MITRE ATLAS AML.T0049\n'));
    assert.equal(findings.length, 1);
    assert.deepEqual([findings[0]!.line, findings[0]!.column], [4, 5]);
  });
});

describe('tag-missing', () => {
  test('an empty inline field is an error on the field', () => {
    const findings = lintRule('tag-missing', withTags(''));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(
      findings[0]!.message,
      "The 'Framework tags' field has no tags (expected one or more tags separated by ' · ', e.g. 'OWASP LLM04 · MITRE ATLAS AML.T0018')",
    );
    assert.deepEqual([findings[0]!.line, findings[0]!.column, findings[0]!.endColumn], [TAGS_LINE, 1, FIRST_TAG_COLUMN - 1]);
  });

  test('an empty front matter field is an error', () => {
    for (const yaml of ['frameworks: []\n', 'frameworks:\n']) {
      const findings = lintRule('tag-missing', withFrontMatter(yaml));
      assert.equal(findings.length, 1, yaml);
      assert.match(findings[0]!.message, /^The 'frameworks' field has no tags/);
      assert.equal(findings[0]!.line, 2);
    }
  });

  test('a lesson without the field is not this rule’s finding', () => {
    assert.deepEqual(lintRule('tag-missing', sampleWith(`  \n${SAMPLE_TAGS}`, '')), []);
  });
});

describe('tag-separator', () => {
  test('a comma between tags is a warning on the separator, fixed to " · "', () => {
    const text = withTags('OWASP LLM03, MITRE ATLAS AML.T0049');
    const findings = lintRule('tag-separator', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(findings[0]!.message, "Framework tags are separated by ','; expected ' · ' (space, middle dot, space)");
    const column = FIRST_TAG_COLUMN + 'OWASP LLM03'.length;
    assert.deepEqual([findings[0]!.line, findings[0]!.column, findings[0]!.endColumn], [TAGS_LINE, column, column + 2]);
    assert.equal(fix(text), SAMPLE);
  });

  test('a middle dot without spaces', () => {
    const text = withTags('OWASP LLM03·MITRE ATLAS AML.T0049');
    assert.equal(
      lintRule('tag-separator', text)[0]!.message,
      "The '·' between framework tags needs one space on each side; expected ' · '",
    );
    assert.equal(fix(text), SAMPLE);
  });

  test('a front matter list needs no separator', () => {
    assert.deepEqual(lintRule('tag-separator', withFrontMatter('frameworks: [OWASP LLM03, MITRE ATLAS AML.T0049]\n')), []);
  });
});
