/**
 * `.lessonlintignore` (gitignore syntax) in the current folder and in the
 * folders named on the command line, beside `--ignore-pattern` and the
 * config's `ignores`; when everything is left out, the reason and exit 2.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildCli, NEXT_LESSON, NEXT_NAME, parseJsonReport, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse } from '../helpers/cli';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const paths = (cwd: string, args: string[] = []) => parseJsonReport(runCli(cli, ['--format', 'json', ...args], { cwd })).map((f) => f.filePath);

describe('.lessonlintignore', () => {
  const lessons = {
    [`module-04/${SAMPLE_NAME}`]: SAMPLE_HYPHEN,
    [`module-04/${NEXT_NAME}`]: NEXT_LESSON,
    [`drafts/${SAMPLE_NAME}`]: SAMPLE_HYPHEN,
    [`drafts/keep/${NEXT_NAME}`]: NEXT_LESSON,
    [`archive/${NEXT_NAME}`]: NEXT_LESSON,
  };

  test('in the current folder: gitignore patterns, comments and negation', () => {
    const cwd = tempCourse({
      ...lessons,
      '.lessonlintignore': '# work in progress\ndrafts/*\n!drafts/keep/\n/archive\n',
    });
    assert.deepEqual(paths(cwd), [`drafts/keep/${NEXT_NAME}`, `module-04/${SAMPLE_NAME}`, `module-04/${NEXT_NAME}`]);
  });

  test('a pattern without a slash matches at any depth; one with a slash is anchored to the file\'s folder', () => {
    const cwd = tempCourse({ ...lessons, '.lessonlintignore': `${NEXT_NAME}\nmodule-04/${SAMPLE_NAME}\n` });
    assert.deepEqual(paths(cwd), [`drafts/${SAMPLE_NAME}`]);
  });

  test('in a folder given on the command line (the course root), relative to that folder', () => {
    const cwd = tempCourse({
      ...Object.fromEntries(Object.entries(lessons).map(([path, text]) => [`course/${path}`, text])),
      'course/.lessonlintignore': 'drafts/\n',
    });
    assert.deepEqual(paths(cwd, ['course']), [`course/archive/${NEXT_NAME}`, `course/module-04/${SAMPLE_NAME}`, `course/module-04/${NEXT_NAME}`]);
  });

  test('adds to --ignore-pattern and the config\'s ignores', () => {
    const cwd = tempCourse({ ...lessons, '.lessonlintignore': 'drafts/\n', '.lessonlint.json': '{ "ignores": ["archive"] }' });
    assert.deepEqual(paths(cwd, ['--ignore-pattern', `**/${NEXT_NAME}`]), [`module-04/${SAMPLE_NAME}`]);
  });

  test('when it leaves nothing to check: exit 2, and the reason counts each kind of skip', () => {
    const cwd = tempCourse({ ...lessons, 'README.md': '# Course\n\nNot a lesson.\n', '.lessonlintignore': 'drafts\narchive\n' });
    const result = runCli(cli, ['--ignore-pattern', 'module-04'], { cwd });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'lessonlint: no lessons to check in the current folder: 6 markdown files found, 3 ignored by .lessonlintignore, 2 ignored by ignore patterns, 1 not lessons (no lesson ID in the H1, the front matter or the file name)\n',
    );
  });

  test('--debug names the ignore file and each file it skips', () => {
    const cwd = tempCourse({ ...lessons, '.lessonlintignore': 'drafts/\narchive/\n' });
    const result = runCli(cli, ['--debug'], { cwd });
    assert.match(result.stderr, /^lessonlint: debug: ignore file: \.lessonlintignore$/m);
    assert.match(result.stderr, new RegExp(`^lessonlint: debug: skipped drafts/${SAMPLE_NAME.replace(/\./g, '\\.')}: ignored by \\.lessonlintignore$`, 'm'));
  });

  test('applies to --stdin-filename', () => {
    const cwd = tempCourse({ '.lessonlintignore': 'drafts/\n' });
    const result = runCli(cli, ['--stdin', '--stdin-filename', `drafts/${SAMPLE_NAME}`], { cwd, input: SAMPLE_HYPHEN });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `lessonlint: nothing checked: drafts/${SAMPLE_NAME} is ignored by .lessonlintignore\n`);
  });
});
