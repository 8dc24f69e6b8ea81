/**
 * The `lessonlint` command as a user meets it: the built CLI run as a child
 * process over temporary courses; the JSON format, exit codes, output, file
 * discovery and configuration.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { formatDuration, parseDuration, parseOptions } from '../../server/src/cli/options';
import { run } from '../../server/src/cli/run';
import {
  buildCli,
  NEXT_LESSON,
  NEXT_NAME,
  parseJsonReport,
  README,
  runCli,
  SAMPLE_HYPHEN,
  SAMPLE_NAME,
  tempCourse,
  type JsonFile,
} from '../helpers/cli';
import { SAMPLE } from '../helpers/lint';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const SAMPLE_PATH = `module-04/${SAMPLE_NAME}`;
const NEXT_PATH = `module-04/${NEXT_NAME}`;

function fileOf(report: JsonFile[], filePath: string): JsonFile {
  const file = report.find((f) => f.filePath === filePath);
  assert.ok(file, `${filePath} is not in the report (${report.map((f) => f.filePath).join(', ')})`);
  return file;
}

function ruleIds(file: JsonFile): string[] {
  return file.messages.map((m) => m.ruleId);
}

describe('--format json', () => {
  test('prints exactly one JSON array with the documented fields, files sorted, every lesson present', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON, 'README.md': README });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assert.equal(result.stderr, '');
    const report = parseJsonReport(result);
    assert.ok(Array.isArray(report));
    assert.deepEqual(
      report.map((f) => f.filePath),
      [SAMPLE_PATH, NEXT_PATH],
      'README.md is not a lesson; paths are relative with / separators, sorted',
    );
    for (const file of report) {
      assert.deepEqual(Object.keys(file), ['filePath', 'messages', 'errorCount', 'warningCount', 'infoCount']);
      for (const message of file.messages) {
        const keys = Object.keys(message);
        assert.deepEqual(keys.slice(0, 7), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
        assert.ok(keys.slice(7).every((k) => k === 'fix' || k === 'related'), `unexpected fields: ${keys.join(', ')}`);
        assert.match(message.severity, /^(error|warning|info)$/);
        for (const edit of message.fix?.edits ?? []) assert.deepEqual(Object.keys(edit), ['line', 'column', 'endLine', 'endColumn', 'text']);
      }
      const sorted = [...file.messages].sort((a, b) => a.line - b.line || a.column - b.column);
      assert.deepEqual(file.messages, sorted, 'messages are sorted by line, column');
      assert.equal(file.errorCount, file.messages.filter((m) => m.severity === 'error').length);
      assert.equal(file.warningCount, file.messages.filter((m) => m.severity === 'warning').length);
      assert.equal(file.infoCount, file.messages.filter((m) => m.severity === 'info').length);
    }
    // The sample's only defect is the hyphen; its "Up next" now resolves to the lesson beside it.
    assert.deepEqual(fileOf(report, SAMPLE_PATH).messages, [
      {
        ruleId: 'title-separator',
        severity: 'warning',
        message: "The lesson ID and the title are separated by '-'; expected ' — ' (space, em dash, space)",
        line: 1,
        column: 9,
        endLine: 1,
        endColumn: 12,
        fix: { edits: [{ line: 1, column: 9, endLine: 1, endColumn: 12, text: ' — ' }] },
      },
    ]);
  });

  test('a lesson without findings appears with an empty message list', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE, [NEXT_PATH]: NEXT_LESSON });
    const report = parseJsonReport(runCli(cli, ['--format', 'json', '.'], { cwd: course }));
    assert.deepEqual(fileOf(report, SAMPLE_PATH), { filePath: SAMPLE_PATH, messages: [], errorCount: 0, warningCount: 0, infoCount: 0 });
  });

  test('course checks run over the lessons given: the sample alone has only its unresolved "Up next" warning', () => {
    const course = tempCourse({ [SAMPLE_NAME]: SAMPLE });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assert.equal(result.status, 0);
    assert.deepEqual(
      parseJsonReport(result)[0]!.messages.map((m) => [m.ruleId, m.severity, m.line]),
      [['up-next-target', 'warning', 120]],
    );
  });
});

describe('exit codes', () => {
  test('0 with warnings only; 1 with an error; 2 with a usage error', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON });
    assert.equal(runCli(cli, [], { cwd: course }).status, 0);
    const strict = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON, '.lessonlint.json': '{ "rules": { "title-separator": "error" } }' });
    assert.equal(runCli(cli, [], { cwd: strict }).status, 1);
    for (const args of [['--frobnicate'], ['--format', 'xml'], ['--max-warnings', 'many'], ['--max-file-size', 'big'], ['--stdin', 'x.md']]) {
      const result = runCli(cli, args, { cwd: course });
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^lessonlint: [^\n]+\(see lessonlint --help\)\n$/, args.join(' '));
    }
    assert.equal(runCli(cli, ['--frobnicate'], { cwd: course }).stderr, "lessonlint: unknown option '--frobnicate' (see lessonlint --help)\n");
  });

  test('--max-warnings: 1 when the warnings exceed it, with the reason on stderr', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON });
    const warnings = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course })).reduce((n, f) => n + f.warningCount, 0);
    assert.ok(warnings >= 1);
    assert.equal(runCli(cli, ['--max-warnings', String(warnings)], { cwd: course }).status, 0);
    const over = runCli(cli, ['--max-warnings', String(warnings - 1)], { cwd: course });
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`too many warnings \\(${warnings}; --max-warnings allows ${warnings - 1}\\)`));
    assert.equal(runCli(cli, ['--max-warnings', '-1'], { cwd: course }).status, 0, '-1: no limit');
  });

  test('a path that does not exist, or nothing to check, is exit 2 with the reason', () => {
    const course = tempCourse({ 'README.md': README, 'notes/ideas.md': 'Some ideas.\n' });
    const missing = runCli(cli, ['no-such-folder'], { cwd: course });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, "lessonlint: no such file or folder: 'no-such-folder' (see lessonlint --help)\n");
    const none = runCli(cli, [], { cwd: course });
    assert.equal(none.status, 2);
    assert.equal(
      none.stderr,
      'lessonlint: no lessons to check in the current folder: 2 markdown files found, 2 not lessons (no lesson ID in the H1, the front matter or the file name)\n',
    );
    const empty = tempCourse({ 'a.txt': 'text' });
    assert.equal(runCli(cli, [], { cwd: empty }).stderr, 'lessonlint: no markdown files found in the current folder\n');
  });
});

describe('stylish output', () => {
  const course = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON });

  test('groups findings under each file, without colour when piped', () => {
    const result = runCli(cli, [], { cwd: course });
    assert.doesNotMatch(result.stdout, /\x1b\[/);
    const lines = result.stdout.split('\n');
    const header = lines.indexOf(SAMPLE_PATH);
    assert.ok(header >= 0, result.stdout);
    assert.match(lines[header + 1]!, /^ {2}1:9 {2}warning {2}The lesson ID and the title are separated by '-'; expected ' — ' \(space, em dash, space\) {2}title-separator$/);
    assert.match(result.stdout, /✖ \d+ problems? \(0 errors, \d+ warnings?(, \d+ info)?\)\n/);
    assert.match(result.stdout, /potentially fixable with the `--fix` option\./);
  });

  test('--color forces colour when piped', () => {
    assert.match(runCli(cli, ['--color'], { cwd: course }).stdout, /\x1b\[33mwarning/);
  });

  test('nothing is printed when there is nothing to report', () => {
    const clean = tempCourse({ [SAMPLE_PATH]: SAMPLE, [NEXT_PATH]: NEXT_LESSON, '.lessonlint.json': '{ "rules": { "up-next-order": "off" } }' });
    const result = runCli(cli, [], { cwd: clean });
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  });

  /** Runs the CLI in this process with a fake terminal, to see what a TTY gets. */
  async function onTerminal(args: string[], env: Record<string, string> = {}): Promise<string> {
    let stdout = '';
    const code = await run(args, {
      cwd: course,
      env,
      stdout: { isTTY: true, write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      readStdin: async () => new Uint8Array(),
    });
    assert.equal(code, 0);
    return stdout;
  }

  test('colour on a terminal; never with NO_COLOR or --no-color', async () => {
    assert.match(await onTerminal([]), /\x1b\[33mwarning/);
    assert.doesNotMatch(await onTerminal([], { NO_COLOR: '1' }), /\x1b\[/);
    assert.doesNotMatch(await onTerminal(['--no-color']), /\x1b\[/);
  });
});

describe('--quiet', () => {
  test('shows errors only; hidden warnings still count for --max-warnings', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE_HYPHEN, [NEXT_PATH]: NEXT_LESSON });
    const quiet = runCli(cli, ['--quiet', '--format', 'json'], { cwd: course });
    assert.equal(quiet.status, 0);
    for (const file of parseJsonReport(quiet)) {
      assert.ok(file.messages.every((m) => m.severity === 'error'));
      assert.equal(file.warningCount, 0);
    }
    assert.equal(runCli(cli, ['--quiet'], { cwd: course }).stdout, '');
    assert.equal(runCli(cli, ['--quiet', '--max-warnings', '0'], { cwd: course }).status, 1);
  });
});

describe('--stdin', () => {
  test('lints standard input under --stdin-filename, with the config found from that name', () => {
    const course = tempCourse({ 'module-04/.lessonlint.json': '{ "rules": { "title-separator": "error" } }' });
    const result = runCli(cli, ['--stdin', '--stdin-filename', SAMPLE_PATH, '--format', 'json'], { cwd: course, input: SAMPLE_HYPHEN });
    assert.equal(result.status, 1);
    const [file] = parseJsonReport(result);
    assert.equal(file!.filePath, SAMPLE_PATH);
    assert.deepEqual(
      file!.messages.filter((m) => m.ruleId === 'title-separator').map((m) => m.severity),
      ['error'],
    );
  });

  test('text that is not a lesson is exit 2 with the reason', () => {
    const result = runCli(cli, ['--stdin'], { cwd: tempCourse({}), input: README });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^lessonlint: nothing checked: standard input is not a lesson/);
  });

  test('--fix with --stdin is a usage error', () => {
    assert.equal(runCli(cli, ['--stdin', '--fix'], { cwd: tempCourse({}), input: SAMPLE }).status, 2);
  });
});

describe('files', () => {
  test('non-lessons are skipped silently; node_modules and dot-folders are not searched', () => {
    const course = tempCourse({
      [SAMPLE_PATH]: SAMPLE,
      'README.md': README,
      'module-04/notes.md': '# Notes\n\nTo do: record slide 3 again.\n',
      [`node_modules/pkg/${SAMPLE_NAME}`]: SAMPLE_HYPHEN,
      [`.drafts/${SAMPLE_NAME}`]: SAMPLE_HYPHEN,
    });
    const report = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
    assert.deepEqual(report.map((f) => f.filePath), [SAMPLE_PATH]);
  });

  test('a file whose name is a lesson ID is checked even when its content is not lesson-like', () => {
    const course = tempCourse({ 'L1.1.1-intro.md': 'Just a paragraph.\n' });
    const report = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
    assert.deepEqual(report.map((f) => f.filePath), ['L1.1.1-intro.md']);
    assert.ok(ruleIds(report[0]!).includes('title-missing'), ruleIds(report[0]!).join(', '));
  });

  test('globs select files; a file named twice is checked once', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE, [NEXT_PATH]: NEXT_LESSON, [`module-03/L3.1.1-x.md`]: SAMPLE });
    const report = parseJsonReport(runCli(cli, ['--format', 'json', 'module-04/L4.3*.md', `./${NEXT_PATH}`], { cwd: course }));
    assert.deepEqual(report.map((f) => f.filePath), [NEXT_PATH]);
  });

  test('symbolic links are followed inside the searched folder only, and a file reached twice is checked once', () => {
    const outside = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE, [NEXT_PATH]: NEXT_LESSON });
    symlinkSync(join(outside, SAMPLE_NAME), join(course, 'outside.md'));
    symlinkSync(join(course, 'module-04'), join(course, 'module-04-again'));
    symlinkSync(course, join(course, 'module-04', 'loop'));
    const result = runCli(cli, ['--format', 'json', '--debug'], { cwd: course });
    assert.deepEqual(parseJsonReport(result).map((f) => f.filePath).sort(), [SAMPLE_PATH, NEXT_PATH]);
    assert.match(result.stderr, /skipped outside\.md: a link to outside the searched folder/);
  });

  test('--ignore-pattern and the config\'s ignores skip files', () => {
    const course = tempCourse({
      [SAMPLE_PATH]: SAMPLE,
      [NEXT_PATH]: NEXT_LESSON,
      [`drafts/L9.1.1-draft.md`]: SAMPLE_HYPHEN,
      '.lessonlint.yaml': 'ignores:\n  - drafts\n',
    });
    assert.deepEqual(parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course })).map((f) => f.filePath), [SAMPLE_PATH, NEXT_PATH]);
    const withCli = parseJsonReport(runCli(cli, ['--format', 'json', '--ignore-pattern', `**/${NEXT_NAME}`], { cwd: course }));
    assert.deepEqual(withCli.map((f) => f.filePath), [SAMPLE_PATH]);
    const all = runCli(cli, ['--ignore-pattern', 'module-04', 'module-04'], { cwd: course });
    assert.equal(all.status, 2);
    assert.match(all.stderr, /2 markdown files found, 2 ignored by ignore patterns/);
  });
});

describe('configuration', () => {
  test('the nearest config file applies alone; a parent config does not cascade into it', () => {
    const course = tempCourse({
      '.lessonlint.json': '{ "rules": { "title-separator": "off" } }',
      [SAMPLE_PATH]: SAMPLE_HYPHEN,
      [NEXT_PATH]: NEXT_LESSON,
      'module-04/.lessonlint.jsonc': '// module 4 starts from the defaults\n{}\n',
      [`module-03/L3.1.1-x.md`]: replaceH1(SAMPLE_HYPHEN, '# L3.1.1 - Copy'),
    });
    const report = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
    assert.ok(ruleIds(fileOf(report, SAMPLE_PATH)).includes('title-separator'), 'module-04 config: defaults apply');
    assert.ok(!ruleIds(fileOf(report, 'module-03/L3.1.1-x.md')).includes('title-separator'), 'course config: rule off');
  });

  test('extends starts from another file; --config replaces the search for every lesson', () => {
    const course = tempCourse({
      'shared/strict.yaml': 'rules:\n  title-separator: error\n',
      'module-04/.lessonlint.json': '{ "extends": "../shared/strict.yaml" }',
      [SAMPLE_PATH]: SAMPLE_HYPHEN,
      [NEXT_PATH]: NEXT_LESSON,
      'quiet.json': '{ "rules": { "title-separator": "off" } }',
    });
    const extended = runCli(cli, ['--format', 'json', 'module-04'], { cwd: course });
    assert.equal(extended.status, 1);
    assert.deepEqual(fileOf(parseJsonReport(extended), SAMPLE_PATH).messages.filter((m) => m.ruleId === 'title-separator').map((m) => m.severity), ['error']);
    const explicit = runCli(cli, ['--format', 'json', '--config', 'quiet.json', 'module-04'], { cwd: course });
    assert.equal(explicit.status, 0);
    assert.ok(!ruleIds(fileOf(parseJsonReport(explicit), SAMPLE_PATH)).includes('title-separator'));
  });

  test('an unknown rule name is exit 2 with file:line:col and the rule meant, no stack trace', () => {
    const course = tempCourse({ [SAMPLE_PATH]: SAMPLE, '.lessonlint.jsonc': '{\n  "rules": {\n    "title-separatr": "error"\n  }\n}\n' });
    const result = runCli(cli, [], { cwd: course });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      `lessonlint: ${join(course, '.lessonlint.jsonc')}:3:5: unknown rule 'title-separatr' in rules (did you mean 'title-separator'?)\n`,
    );
  });

  test('--print-config prints the effective configuration of a lesson as JSON', () => {
    const course = tempCourse({ 'module-04/.lessonlint.yaml': 'rules:\n  title-separator: error\n  section-unknown: "off"\ntemplate:\n  wordsPerMinute: 150\nignores: [old]\nlimits:\n  maxLines: 40000\n' });
    const result = runCli(cli, ['--print-config', SAMPLE_PATH], { cwd: course });
    assert.equal(result.status, 0);
    const printed = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(printed), ['rules', 'template', 'ignores', 'limits']);
    assert.equal(printed.rules['title-separator'], 'error');
    assert.equal(printed.rules['section-unknown'], 'off');
    assert.equal(printed.template.wordsPerMinute, 150);
    assert.deepEqual(printed.ignores, [`${join(course, 'module-04')}/old`]);
    assert.equal(printed.limits.maxLines, 40000);
    assert.equal(printed.limits.maxNesting, 100, 'limits not set keep their defaults');
  });
});

describe('--version and --help', () => {
  test('print to stdout and exit 0', () => {
    const cwd = tempCourse({});
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(runCli(cli, ['--version'], { cwd }), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = runCli(cli, ['--help'], { cwd });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: lessonlint \[options\] \[paths or globs\.\.\.\]/);
    for (const option of [
      '--format',
      '--output-file',
      '--config',
      '--print-config',
      '--fix',
      '--quiet',
      '--max-warnings',
      '--baseline',
      '--write-baseline',
      '--cache',
      '--cache-location',
      '--jobs',
      '--max-lesson-time',
      '--stdin',
      '--stdin-filename',
      '--ignore-pattern',
      '.lessonlintignore',
      '--max-file-size',
      '--no-color',
      '--debug',
      '--version',
      '--help',
    ]) {
      assert.ok(help.stdout.includes(option), option);
    }
  });
});

describe('option values', () => {
  test('--max-lesson-time takes seconds, milliseconds or minutes; messages state it back', () => {
    assert.deepEqual(['10s', '500ms', '1.5s', '2m', '30', ' 250 ms '].map(parseDuration), [10_000, 500, 1500, 120_000, 30_000, 250]);
    assert.deepEqual(['', 's', '-1s', '0', '1h', '1e3'].map(parseDuration), [undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual([10_000, 1500, 1000, 500].map(formatDuration), ['10 s', '1.5 s', '1 s', '500 ms']);
  });

  test('--jobs defaults to the number of cores; --max-lesson-time to 10 s, given or not', () => {
    assert.equal(parseOptions([], 8).jobs, 8);
    assert.equal(parseOptions(['--jobs', '3'], 8).jobs, 3);
    assert.deepEqual([parseOptions([]).maxLessonTime, parseOptions([]).maxLessonTimeGiven], [10_000, false]);
    assert.deepEqual([parseOptions(['--max-lesson-time', '2s']).maxLessonTime, parseOptions(['--max-lesson-time', '2s']).maxLessonTimeGiven], [2000, true]);
  });

  test('a first argument "report" is the report command; "./report" is a folder to lint', () => {
    assert.deepEqual([parseOptions(['report', 'course']).command, parseOptions(['report', 'course']).patterns], ['report', ['course']]);
    assert.deepEqual([parseOptions(['./report']).command, parseOptions(['./report']).patterns], ['lint', ['./report']]);
  });
});

describe('bin/lessonlint.js', () => {
  const ROOT = join(__dirname, '..', '..');
  const bin = join(ROOT, 'bin', 'lessonlint.js');

  test('is an executable node script that loads dist/cli.js', () => {
    assert.equal(readFileSync(bin, 'utf8'), "#!/usr/bin/env node\nrequire('../dist/cli.js');\n");
    assert.ok((statSync(bin).mode & 0o111) !== 0, 'executable');
  });

  test('runs the built CLI', { skip: !existsSync(join(ROOT, 'dist', 'cli.js')) && 'dist/cli.js is not built (npm test builds it)' }, () => {
    const result = runCli(bin, ['--version'], { cwd: tempCourse({}) });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('the launcher (cli.js) without the command bundle beside it', () => {
  test('says which file is missing and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessonlint-launcher-'));
    copyFileSync(cli, join(dir, 'cli.js'));
    const result = runCli(join(dir, 'cli.js'), ['--version'], { cwd: tempCourse({}) });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `lessonlint: internal error: ${join(dir, 'cli-command.js')} is missing (run \`npm run build\`)\n`);
  });
});

describe('internal errors', () => {
  async function failingRun(args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await run(args, {
      cwd: tempCourse({}),
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      readStdin: () => Promise.reject(new Error('stdin closed unexpectedly')),
    });
    return { code, stderr };
  }

  test('are one line on stderr and exit 2; the stack trace only with --debug', async () => {
    assert.deepEqual(await failingRun(['--stdin']), {
      code: 2,
      stderr: 'lessonlint: internal error: stdin closed unexpectedly (run with --debug for details)\n',
    });
    const debug = await failingRun(['--stdin', '--debug']);
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /^lessonlint: internal error: stdin closed unexpectedly\nError: stdin closed unexpectedly\n\s+at /);
  });
});

function replaceH1(text: string, h1: string): string {
  return text.replace(/^# .*$/m, h1);
}
