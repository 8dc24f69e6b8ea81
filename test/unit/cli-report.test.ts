/**
 * `lessonlint report [paths]`: the course report in markdown, HTML or JSON,
 * byte-stable (docs/report-example.md and .html are the report on
 * examples/course and must stay what the CLI generates), with findings and
 * files that could not be checked counted, and its own options.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { CourseReport } from '../../server/src/report/index';
import { buildCli, NEXT_LESSON, NEXT_NAME, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse } from '../helpers/cli';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const ROOT = join(__dirname, '..', '..');

describe('the checked-in example report', () => {
  for (const [format, file] of [
    ['markdown', 'docs/report-example.md'],
    ['html', 'docs/report-example.html'],
  ] as const) {
    test(`${file} is what 'lessonlint report --format ${format} examples/course' prints, the same bytes every run`, () => {
      const first = runCli(cli, ['report', '--format', format, 'examples/course'], { cwd: ROOT });
      assert.deepEqual([first.status, first.stderr], [0, '']);
      const second = runCli(cli, ['report', '--format', format, 'examples/course'], { cwd: ROOT });
      assert.equal(second.stdout, first.stdout, 'no time stamp or other varying content');
      assert.ok(
        readFileSync(join(ROOT, file), 'utf8') === first.stdout,
        `${file} is out of date; regenerate it with: node bin/lessonlint.js report --format ${format} examples/course -o ${file}`,
      );
    });
  }

  test('describes the example course: six lessons over modules 3 and 4, no findings', () => {
    const report = JSON.parse(runCli(cli, ['report', '--format', 'json', 'examples/course'], { cwd: ROOT }).stdout) as CourseReport;
    assert.deepEqual(
      [report.totals.lessons, report.totals.modules, report.totals.declaredMinutes, report.totals.findings],
      [6, 2, 30, { error: 0, warning: 0, info: 0 }],
    );
    assert.deepEqual(
      report.modules.map((m) => [m.number, m.lessons.map((l) => l.id)]),
      [
        [3, ['L3.1.1', 'L3.1.2', 'L3.2.1']],
        [4, ['L4.2.1', 'L4.2.2', 'L4.3.1']],
      ],
    );
    const llm = report.coverage.frameworks.find((f) => f.framework === 'owasp-llm')!;
    assert.deepEqual(llm.entries.find((e) => e.id === 'LLM01')!.lessons, [
      'examples/course/module-03/L3.1.1-direct-prompt-injection.md',
      'examples/course/module-03/L3.1.2-indirect-prompt-injection.md',
      'examples/course/module-03/L3.2.1-jailbreaks-and-guardrail-evasion.md',
    ]);
  });
});

describe('lessonlint report', () => {
  test('counts every finding, course findings and files that could not be checked included; findings do not fail it', () => {
    const cwd = tempCourse({
      [SAMPLE_NAME]: SAMPLE_HYPHEN,
      [NEXT_NAME]: NEXT_LESSON,
      'L4.4.1-image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'L4.4.2-copy.md': SAMPLE_HYPHEN,
    });
    const result = runCli(cli, ['report', '--format', 'json'], { cwd });
    assert.equal(result.status, 0);
    const report = JSON.parse(result.stdout) as CourseReport;
    assert.deepEqual(
      report.findingsByRule.map((r) => [r.ruleId, r.error, r.warning, r.lessons]),
      [
        ['course-duplicate-id', 2, 0, 2],
        ['lessonlint/binary-file', 1, 0, 1],
        ['title-file-name-mismatch', 1, 0, 1],
        ['title-separator', 0, 2, 2],
        ['up-next-order', 0, 0, 1],
      ],
    );
    assert.equal(report.totals.lessons, 4);
    const image = report.modules.flatMap((m) => m.lessons).find((l) => l.filePath === 'L4.4.1-image.md');
    assert.deepEqual(image, { filePath: 'L4.4.1-image.md', findings: { error: 1, warning: 0, info: 0 } });
  });

  test('--output-file writes the report; stdout stays empty', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    const printed = runCli(cli, ['report', '--format', 'html'], { cwd });
    const written = runCli(cli, ['report', '--format', 'html', '-o', 'out/report.html'], { cwd });
    assert.deepEqual([written.status, written.stdout], [0, '']);
    assert.equal(readFileSync(join(cwd, 'out', 'report.html'), 'utf8'), printed.stdout);
    assert.match(printed.stdout, /^<!DOCTYPE html>/);
  });

  test('options of the lint run, or a lint format, are usage errors that point at its help', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    const fix = runCli(cli, ['report', '--fix'], { cwd });
    assert.deepEqual([fix.status, fix.stderr], [2, "lessonlint: '--fix' is not an option of lessonlint report (see lessonlint report --help)\n"]);
    const sarif = runCli(cli, ['report', '--format', 'sarif'], { cwd });
    assert.deepEqual([sarif.status, sarif.stderr], [2, "lessonlint: unknown report format 'sarif' (expected markdown, html, json) (see lessonlint report --help)\n"]);
    const help = runCli(cli, ['report', '--help'], { cwd });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: lessonlint report \[options\] \[paths or globs\.\.\.\]/);
  });

  test('nothing to report is exit 2 with the reason', () => {
    const result = runCli(cli, ['report'], { cwd: tempCourse({ 'README.md': '# Course\n' }) });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^lessonlint: no lessons to check in the current folder: 1 markdown file found, 1 not lessons/);
  });
});
