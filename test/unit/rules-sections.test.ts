/** §4 section rules: what an author sees for missing, misplaced, doubled, empty, unknown and stray sections. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_TEMPLATE } from '../../server/src/engine/config/template';
import { KNOWN_SECTION_VIEWS, parseLesson } from '../../server/src/engine/model/parse';
import { skeletonOf } from '../../server/src/lsp/section-skeleton';
import { SAMPLE, fix, lint, lintRule, sampleWith } from '../helpers/lint';

const SECTION_RULES = ['section-missing', 'section-order', 'section-duplicate', 'section-empty', 'section-unknown', 'section-preamble'];

function sectionFindings(text: string) {
  return lint(text).filter((m) => SECTION_RULES.includes(m.ruleId));
}

/** The sample's text of one H2 section, heading through the blank line before the next H2. */
function sectionText(title: string): string {
  const start = SAMPLE.indexOf(`## ${title}`);
  const next = SAMPLE.indexOf('\n## ', start + 3);
  return SAMPLE.slice(start, next < 0 ? SAMPLE.length : next + 1);
}

function lineOf(text: string, search: string): number {
  return text.slice(0, text.indexOf(search)).split('\n').length;
}

test('the sample lesson has no section finding', () => {
  assert.deepEqual(sectionFindings(SAMPLE), []);
});

describe('section-missing', () => {
  const withoutKeyTerms = sampleWith(sectionText('Key terms'), '');

  test('a section missing in the middle is one finding, on the next section, naming both neighbours', () => {
    const findings = sectionFindings(withoutKeyTerms);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding!.ruleId, 'section-missing');
    assert.equal(finding!.severity, 'error');
    assert.equal(
      finding!.message,
      "Section 'Key terms' is missing (template for Theory lessons); expected a '## Key terms' heading between 'Real-world example' and 'References'",
    );
    const referencesLine = lineOf(withoutKeyTerms, '## References');
    assert.deepEqual([finding!.line, finding!.column, finding!.endLine, finding!.endColumn], [referencesLine, 4, referencesLine, 14]);
  });

  test('the fix inserts the heading right before the next section, and only the new empty section is left to write', () => {
    const fixed = fix(withoutKeyTerms);
    assert.ok(fixed.includes('detection).\n\n## Key terms\n\n## References\n'), 'heading inserted between Real-world example and References');
    const left = sectionFindings(fixed);
    assert.deepEqual(
      left.map((m) => [m.ruleId, m.line]),
      [['section-empty', lineOf(fixed, '## Key terms')]],
      'no missing/order/unknown/duplicate finding after the fix; section-empty asks for the content',
    );
  });

  test('several missing sections are inserted in template order by --fix', () => {
    const text = sampleWith(sectionText('Real-world example') + sectionText('Key terms'), '');
    assert.deepEqual(
      lintRule('section-missing', text).map((m) => m.message.slice(0, 38)),
      ["Section 'Key terms' is missing (templa", "Section 'Real-world example' is missin"],
    );
    const fixed = fix(text);
    assert.ok(/## Core content[\s\S]*\n## Real-world example\n\n## Key terms\n\n## References\n/.test(fixed));
    assert.deepEqual(lintRule('section-missing', fixed), []);
  });

  test('a missing last section is inserted at the end, with the file’s CRLF line breaks', () => {
    const productionNotes = sectionText('Production notes');
    const text = SAMPLE.slice(0, SAMPLE.indexOf(productionNotes)).replace(/\n+$/, '\n').replace(/\n/g, '\r\n');
    const [finding] = lintRule('section-missing', text);
    assert.match(finding!.message, /'Production notes' is missing .* after 'Slide outline', at the end of the lesson$/);
    const fixed = fix(text);
    assert.ok(fixed.endsWith('~5 min."\r\n\r\n## Production notes\r\n'), JSON.stringify(fixed.slice(-60)));
    assert.ok(!/[^\r]\n/.test(fixed), 'every inserted line break is CRLF');
    assert.deepEqual(lintRule('section-missing', fixed), []);
  });

  test('a lesson with no section at all is one finding, not nine', () => {
    const text = SAMPLE.slice(0, SAMPLE.indexOf('## Learning objectives'));
    const findings = sectionFindings(text);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /^The lesson has none of the template's sections for Theory lessons; expected 'Learning objectives', 'Core content', .*'Production notes', in that order$/);
    assert.equal(findings[0]!.line, 1);
  });

  test('the template depends on the lesson type: a Lab needs no video script', () => {
    const lab = sampleWith('**Type:** Theory', '**Type:** Lab');
    assert.deepEqual(lintRule('section-missing', lab), []);
    const unknown = lintRule('section-unknown', lab).map((m) => m.message);
    assert.ok(unknown.some((m) => m.startsWith("Section 'Video script (~600 words, ~4.5 min)' is not part of the template for Lab lessons (only of Theory)")));
  });

  test('a course template with its own section list is followed', () => {
    const config = { template: { sections: { default: ['Learning objectives', 'Core content', 'Glossary'] } } };
    const text = sampleWith('**Type:** Theory', '**Type:** Seminar');
    const missing = lintRule('section-missing', text, { config });
    assert.deepEqual(missing.map((m) => m.message), [
      "Section 'Glossary' is missing (template for Seminar lessons); expected a '## Glossary' heading after 'Core content', at the end of the lesson",
    ]);
  });
});

describe('section-order', () => {
  test('two swapped sections are one finding', () => {
    const text = sampleWith(sectionText('Key terms') + sectionText('References'), sectionText('References') + sectionText('Key terms'));
    const findings = sectionFindings(text);
    assert.deepEqual(findings.map((m) => [m.ruleId, m.message]), [
      ['section-order', "Section 'References' is out of order; the template puts it after 'Key terms' and before 'Quiz items'"],
    ]);
    assert.equal(findings[0]!.line, lineOf(text, '## References'));
  });

  test('a missing section does not make the following sections out of order', () => {
    const text = sampleWith(sectionText('Core content'), '');
    assert.deepEqual(
      sectionFindings(text).map((m) => m.ruleId),
      ['section-missing'],
    );
  });

  test('a section moved to the top is reported alone, not every section after it', () => {
    const notes = sectionText('Production notes');
    const text = SAMPLE.replace(notes, '').replace('## Learning objectives', notes.trimEnd() + '\n\n## Learning objectives');
    assert.deepEqual(sectionFindings(text).map((m) => m.message), [
      "Section 'Production notes' is out of order; the template puts it after 'Slide outline'",
    ]);
  });
});

describe('section-duplicate', () => {
  test('a section given twice is one finding on the second heading, naming the first line', () => {
    const keyTerms = sectionText('Key terms');
    const text = sampleWith(keyTerms, keyTerms + keyTerms.replace('## Key terms', '## Key Terms:'));
    const findings = sectionFindings(text);
    const first = lineOf(text, '## Key terms');
    const second = lineOf(text, '## Key Terms:');
    assert.deepEqual(findings.map((m) => [m.ruleId, m.line, m.column, m.endColumn, m.message]), [
      ['section-duplicate', second, 4, 14, `Section 'Key terms' is given again (first on line ${first}); expected it once — merge the two`],
    ]);
  });
});

describe('section-empty', () => {
  test('a section holding only a comment is empty, and the message says what belongs there', () => {
    const text = sampleWith(sectionText('Key terms'), '## Key terms\n\n<!-- lessonlint-disable-next-line key-term-format -->\n\n');
    assert.deepEqual(lintRule('section-empty', text).map((m) => m.message), [
      "Section 'Key terms' is empty; expected a bulleted list of 'Term — definition' items",
    ]);
  });

  test('H3 headings alone are not content, H3 sub-sections with text are', () => {
    const headingsOnly = sampleWith(sectionText('Real-world example'), '## Real-world example\n\n### The paper\n\n### Reproductions\n\n');
    assert.deepEqual(lintRule('section-empty', headingsOnly).map((m) => m.message), [
      "Section 'Real-world example' is empty (its sub-headings have nothing under them); expected text under the heading",
    ]);
    const withText = sampleWith(sectionText('Real-world example'), '## Real-world example\n\n### The paper\n\nThe paper is the example.\n\n');
    assert.deepEqual(lintRule('section-empty', withText), []);
  });

  test('two headings in a row: the first section is empty', () => {
    const text = sampleWith(sectionText('Real-world example'), '## Real-world example\n');
    const [finding] = lintRule('section-empty', text);
    assert.equal(finding!.line, lineOf(text, '## Real-world example'));
    assert.deepEqual([finding!.column, finding!.endColumn], [4, 22]);
  });
});

describe('section-unknown', () => {
  test('case, trailing punctuation and the video script parenthesis do not matter', () => {
    const text = sampleWith('## Key terms', '## KEY TERMS:').replace('## Video script (~600 words, ~4.5 min)', '## Video Script (~600 words, ~4.5 min).');
    assert.deepEqual(sectionFindings(text), []);
  });

  test('an extra section is a warning listing the template’s sections', () => {
    const text = sampleWith(sectionText('Key terms'), sectionText('Key terms') + '## Summary\n\nBackdoors survive alignment.\n\n');
    const findings = sectionFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(findings[0]!.message, /^Unknown section 'Summary': the template for Theory lessons has no such section; expected one of 'Learning objectives', 'Core content'/);
  });

  test('a near miss of a missing section is one finding with a suggestion (not also "missing")', () => {
    assert.deepEqual(sectionFindings(sampleWith('## References', '## Refrences')).map((m) => m.message), [
      "Unknown section 'Refrences'; did you mean 'References' (which is missing)?",
    ]);
    assert.deepEqual(sectionFindings(sampleWith('## Learning objectives', '## Objectives')).map((m) => m.message), [
      "Unknown section 'Objectives'; did you mean 'Learning objectives' (which is missing)?",
    ]);
  });

  test('the same words punctuated differently are fixed to the template’s spelling', () => {
    const text = sampleWith('## Real-world example', '## Real world example');
    const [finding] = lintRule('section-unknown', text);
    assert.equal(finding!.message, "Section heading 'Real world example' is not spelled as in the template; expected 'Real-world example'");
    assert.equal(fix(text), SAMPLE);
  });
});

describe('section-preamble', () => {
  test('a paragraph between the metadata and the first section is a warning on that paragraph', () => {
    const text = sampleWith('AML.T0049\n\n## Learning', 'AML.T0049\n\nThis lesson follows L4.2.1.\n\n## Learning');
    const findings = sectionFindings(text);
    assert.deepEqual(findings.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]), [['section-preamble', 'warning', 7, 1, 7, 28]]);
    assert.equal(findings[0]!.message, "Text between the metadata and the first section ('Learning objectives') belongs to no section; move it into a section such as 'Core content'");
  });

  test('metadata lines cut off by a blank line are named as such', () => {
    const text = sampleWith('Supply Chain  \n', 'Supply Chain\n\n');
    const [finding] = lintRule('section-preamble', text);
    assert.match(finding!.message, /^These metadata lines are separated from the metadata paragraph by a blank line/);
    assert.deepEqual([finding!.line, finding!.column], [6, 1]);
  });

  test('comments (lessonlint directives) before the first section are fine', () => {
    const text = sampleWith('AML.T0049\n\n## Learning', 'AML.T0049\n\n<!-- lessonlint-disable objective-action-verb -->\n\n## Learning');
    assert.deepEqual(lintRule('section-preamble', text), []);
  });
});

test('CRLF line endings: the sample lints the same, and spans stay on the right columns', () => {
  const crlf = SAMPLE.replace(/\n/g, '\r\n');
  assert.deepEqual(sectionFindings(crlf), []);
  const swapped = crlf.replace('## Key terms', '## TMP').replace('## References', '## Key terms').replace('## TMP', '## References');
  const lf = SAMPLE.replace('## Key terms', '## TMP').replace('## References', '## Key terms').replace('## TMP', '## References');
  assert.deepEqual(sectionFindings(swapped), sectionFindings(lf));
});

test('a byte order mark does not shift the preamble span', () => {
  const text = '\ufeff' + sampleWith('AML.T0049\n\n## Learning', 'AML.T0049\n\nStray.\n\n## Learning');
  const [finding] = lintRule('section-preamble', text);
  assert.deepEqual([finding!.line, finding!.column, finding!.endColumn], [7, 1, 7]);
});

describe('skeleton-placeholder', () => {
  const quiz = '## Quiz items';
  const quizEnd = SAMPLE.indexOf('## Video script');

  test("every '…' a section skeleton inserts is flagged where it stands, and nothing else", () => {
    const lesson = parseLesson(SAMPLE);
    for (const key of [...Object.values(KNOWN_SECTION_VIEWS), 'real-world example']) {
      const skeleton = skeletonOf(key, lesson, DEFAULT_TEMPLATE).join('\n');
      const text = `${SAMPLE.slice(0, quizEnd)}${skeleton}\n\n${SAMPLE.slice(quizEnd)}`;
      const flagged = lintRule('skeleton-placeholder', text).map((m) => text.split('\n')[m.line - 1]!.slice(m.column - 1, m.endColumn - 1));
      assert.deepEqual(flagged, [...skeleton].filter((c) => c === '…'), `${key}: ${skeleton}`);
    }
  });

  test('the message says what is left to do, at the placeholder itself', () => {
    const text = sampleWith(`${quiz}\n\n1. Q:`, `${quiz}\n\n1. Q: …?\n   A: …\n2. Q:`);
    const findings = lintRule('skeleton-placeholder', text);
    assert.deepEqual(
      findings.map((f) => [f.line, f.column, f.message]),
      [
        [71, 7, "Placeholder '…' left to fill in; expected the lesson's own words here"],
        [72, 7, "Placeholder '…' left to fill in; expected the lesson's own words here"],
      ],
    );
  });

  test('an ellipsis in prose, a quoted elision or code is not a placeholder', () => {
    const text = sampleWith('## Core content\n\n', '## Core content\n\nIt waits… then acts ("New policy: …"), as […] says; `a …` and\n\n    Q: …?\n\n');
    assert.deepEqual(lintRule('skeleton-placeholder', text), []);
  });
});
