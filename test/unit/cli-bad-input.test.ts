/**
 * Input that is not a well-formed UTF-8 lesson: each gives a finding or a
 * one-line error and the right exit code, never a crash, a stack trace or a
 * hang.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { firstInvalidUtf8 } from '../../server/src/cli/read';
import { buildCli, parseJsonReport, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse, type CliRun } from '../helpers/cli';
import { SAMPLE } from '../helpers/lint';

let cli: string;
before(async () => {
  cli = await buildCli();
});

const utf8 = (text: string) => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function assertNoStackTrace(result: CliRun): void {
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

/** A lesson of about `bytes` bytes: the sample with long core content. */
function largeLesson(bytes: number): string {
  const paragraph = `${'Backdoored models keep their trigger behaviour through safety training. '.repeat(10)}\n\n`;
  const filler = paragraph.repeat(Math.ceil(bytes / paragraph.length));
  const at = SAMPLE.indexOf('## Real-world example');
  return SAMPLE.slice(0, at) + filler + SAMPLE.slice(at);
}

describe('bad input', () => {
  test('a binary file is a lessonlint/binary-file finding at the NUL byte', () => {
    const course = tempCourse({ 'L1.1.1-diagram.md': concat(utf8('# L1.1.1 — Diagram\n\nPNG'), new Uint8Array([0, 1, 2, 255])) });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assert.equal(result.status, 1);
    assert.deepEqual(parseJsonReport(result), [
      {
        filePath: 'L1.1.1-diagram.md',
        messages: [
          {
            ruleId: 'lessonlint/binary-file',
            severity: 'error',
            message: 'binary file (NUL byte at line 3, column 4), not a markdown lesson',
            line: 3,
            column: 4,
            endLine: 3,
            endColumn: 5,
          },
        ],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
      },
    ]);
  });

  test('a UTF-16 file is reported as such', () => {
    const course = tempCourse({ 'L1.1.1-x.md': new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00]) });
    const [file] = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
    assert.equal(file!.messages[0]!.ruleId, 'lessonlint/invalid-utf8');
    assert.equal(file!.messages[0]!.message, 'file is UTF-16 encoded; save it as UTF-8');
  });

  test('invalid UTF-8 is a finding at the line and column of the bad byte', () => {
    const course = tempCourse({ [SAMPLE_NAME]: concat(utf8('# L4.2.2 — Title\n\nCafé na'), new Uint8Array([0xc3, 0x28]), utf8('ve\n')) });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assert.equal(result.status, 1);
    const [message] = parseJsonReport(result)[0]!.messages;
    assert.deepEqual(message, {
      ruleId: 'lessonlint/invalid-utf8',
      severity: 'error',
      message: 'invalid UTF-8 at byte offset 28 (line 3, column 8); save the file as UTF-8',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 9,
    });
  });

  test('firstInvalidUtf8 finds overlong forms, surrogates, truncation; accepts all valid sequences', () => {
    assert.equal(firstInvalidUtf8(utf8('plain ascii, é, €, 𝄞')), -1);
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf])), 1, 'overlong /');
    assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'UTF-16 surrogate');
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x82])), 2, 'truncated');
    assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(firstInvalidUtf8(new Uint8Array([0x80])), 0, 'lone continuation byte');
  });

  test('an empty lesson file is checked without a crash; an empty non-lesson is skipped', () => {
    const course = tempCourse({ 'L1.1.1-empty.md': '', 'notes.md': '' });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assertNoStackTrace(result);
    assert.equal(result.status, 1, 'an empty lesson lacks its H1: an error');
    const report = parseJsonReport(result);
    assert.deepEqual(report.map((f) => f.filePath), ['L1.1.1-empty.md']);
    assert.ok(report[0]!.messages.some((m) => m.ruleId === 'title-missing'));
  });

  test('CRLF line breaks and a BOM give the same findings at the same positions as LF', () => {
    const lf = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN }) }));
    const crlf = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN.replace(/\n/g, '\r\n') }) }));
    const bom = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: `\uFEFF${SAMPLE_HYPHEN.replace(/\n/g, '\r\n')}` }) }));
    assert.ok(lf[0]!.messages.some((m) => m.ruleId === 'title-separator'));
    assert.deepEqual(crlf, lf);
    assert.deepEqual(bom, lf);
  });

  test('a 5 MB lesson above the size limit is a finding, at once', () => {
    const course = tempCourse({ [SAMPLE_NAME]: largeLesson(5.2 * 1024 * 1024) });
    const result = runCli(cli, ['--format', 'json'], { cwd: course });
    assert.equal(result.status, 1);
    const [message] = parseJsonReport(result)[0]!.messages;
    assert.equal(message!.ruleId, 'lessonlint/file-too-large');
    assert.equal(message!.message, 'lesson too large to check (5.2 MB > 2 MB limit); raise the limit with --max-file-size');
  });

  test('a 1 MB lesson is within the default limit; a 5 MB one is checked when the limit allows it', () => {
    const oneMb = runCli(cli, ['--format', 'json'], { cwd: tempCourse({ [SAMPLE_NAME]: largeLesson(1024 * 1024) }) });
    assertNoStackTrace(oneMb);
    assert.ok(parseJsonReport(oneMb)[0]!.messages.every((m) => !m.ruleId.startsWith('lessonlint/')));
    const fiveMb = runCli(cli, ['--format', 'json', '--max-file-size', '8MB'], { cwd: tempCourse({ [SAMPLE_NAME]: largeLesson(5 * 1024 * 1024) }) });
    assertNoStackTrace(fiveMb);
    assert.notEqual(fiveMb.status, 2, fiveMb.stderr);
    assert.ok(parseJsonReport(fiveMb)[0]!.messages.every((m) => !m.ruleId.startsWith('lessonlint/')));
  });

  test('the largest lessons lint in a worker without running out of memory, with default limits and with raised ones', async () => {
    // Shaped like real lessons (lists, tables, slides), which cost the parser far more memory than plain paragraphs.
    const { bigLesson } = await import('../../scripts/bench/course.mjs');
    const nearLimit = runCli(cli, ['--format', 'json', '--max-lesson-time', '120s'], { cwd: tempCourse({ [SAMPLE_NAME]: bigLesson(1_950_000) }) });
    assertNoStackTrace(nearLimit);
    assert.equal(nearLimit.status, 1, nearLimit.stderr);
    assert.ok(parseJsonReport(nearLimit)[0]!.messages.every((m) => !m.ruleId.includes('too-')));
    const raised = tempCourse({ [SAMPLE_NAME]: bigLesson(5_000_000), '.lessonlint.json': '{ "limits": { "maxBytes": 6000000, "maxLines": 300000, "maxNestedLines": 1000000 } }' });
    const beyond = runCli(cli, ['--format', 'json', '--max-file-size', '8MB', '--max-lesson-time', '120s'], { cwd: raised });
    assertNoStackTrace(beyond);
    assert.equal(beyond.status, 1, beyond.stderr);
    assert.ok(parseJsonReport(beyond)[0]!.messages.every((m) => !m.ruleId.includes('too-')));
  });

  test('standard input above the size limit is a finding too', () => {
    const result = runCli(cli, ['--stdin', '--stdin-filename', SAMPLE_NAME, '--format', 'json', '--max-file-size', '10KB'], {
      cwd: tempCourse({}),
      input: SAMPLE + 'x'.repeat(20 * 1024),
    });
    assert.equal(parseJsonReport(result)[0]!.messages[0]!.ruleId, 'lessonlint/file-too-large');
  });

  test('a broken config file is exit 2 with file:line:col on one line, no stack trace', () => {
    const course = tempCourse({ [SAMPLE_NAME]: SAMPLE, '.lessonlint.json': '{\n  "rules": {\n    "title-separator": "error"\n    "section-missing": "off"\n  }\n}\n' });
    for (const format of ['stylish', 'json']) {
      const result = runCli(cli, ['--format', format], { cwd: course });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `lessonlint: ${join(course, '.lessonlint.json')}:4:5: invalid JSON: expected ',' between entries\n`);
    }
    const yaml = tempCourse({ [SAMPLE_NAME]: SAMPLE, '.lessonlint.yaml': 'rules:\n  title-separator: [error\n' });
    const result = runCli(cli, [], { cwd: yaml });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^lessonlint: .*\.lessonlint\.yaml:\d+:\d+: invalid YAML: [^\n]+\n$/);
  });
});
