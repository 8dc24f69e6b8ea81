/**
 * .github/lessonlint-problem-matcher.json turns the CLI's stylish output into
 * annotations. The runner's matching (actions/runner IssueMatcher and
 * OutputManager: colour codes stripped, a multi-line pattern whose last line
 * loops, a non-matching line ending the loop, an empty severity group taking
 * the matcher's default) is reproduced here and run over real stylish output.
 *
 * Severities: the runner knows error, warning and notice only, so the
 * pattern captures "error"/"warning" and leaves the group empty for "info",
 * which then gets the matcher's default, "notice".
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatStylish } from '../../server/src/cli/format/stylish';
import type { LintMessage } from '../../server/src/engine/index';
import { fileResult, type FileResult } from '../../server/src/formats/types';
import { defectFixtures, lintTexts } from '../fixtures/formats/course';

interface PatternConfig {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}
interface MatcherConfig {
  owner: string;
  severity?: string;
  pattern: PatternConfig[];
}
interface Issue {
  file?: string;
  line?: string;
  column?: string;
  severity?: string;
  message?: string;
  code?: string;
}

const CONFIG = JSON.parse(readFileSync(join(__dirname, '..', '..', '.github', 'lessonlint-problem-matcher.json'), 'utf8')) as { problemMatcher: MatcherConfig[] };
const COLOUR = /\x1b\[[0-9;]*m?/g;

/** The runner's IssueMatcher for one matcher config. */
function runMatcher(config: MatcherConfig, output: string): Issue[] {
  const patterns = config.pattern.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const group = (m: RegExpExecArray, index: number | undefined) => (index === undefined ? undefined : (m[index] ?? ''));
  const partial = (running: Issue | null, p: PatternConfig, m: RegExpExecArray): Issue => ({
    file: running?.file ?? group(m, p.file),
    line: running?.line ?? group(m, p.line),
    column: running?.column ?? group(m, p.column),
    severity: running?.severity ?? group(m, p.severity),
    message: running?.message ?? group(m, p.message),
    code: running?.code ?? group(m, p.code),
  });
  let state: Array<Issue | null> = new Array(patterns.length - 1).fill(null);
  const issues: Issue[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(COLOUR, '');
    for (let i = patterns.length - 1; i >= 0; i--) {
      const running = i > 0 ? state[i - 1]! : null;
      if (i > 0 && running === null) continue;
      const p = patterns[i]!;
      const isLast = i === patterns.length - 1;
      const m = p.re.exec(line);
      if (m) {
        if (isLast) {
          state = new Array(patterns.length - 1).fill(null);
          if (p.loop) state[i - 1] = running;
          const issue = partial(running, p, m);
          if (!issue.severity) issue.severity = config.severity;
          issues.push(issue);
          break;
        }
        state[i] = partial(running, p, m);
      } else if (isLast) {
        state[i - 1] = null;
      } else {
        state[i] = null;
      }
    }
  }
  return issues;
}

function expectedIssues(results: readonly FileResult[]): Issue[] {
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath,
      line: String(m.line),
      column: String(m.column),
      severity: m.severity === 'info' ? 'notice' : m.severity,
      message: m.message,
      code: m.ruleId,
    })),
  );
}

function message(overrides: Partial<LintMessage>): LintMessage {
  return { ruleId: 'quiz-answer-missing', severity: 'error', message: 'Quiz item 2 has no answer', line: 73, column: 1, endLine: 73, endColumn: 58, ...overrides };
}

describe('problem matcher for the stylish output', () => {
  const [matcher] = CONFIG.problemMatcher;

  test('is a valid runner config: owner, a known default severity, message group, loop only on the last pattern', () => {
    assert.equal(CONFIG.problemMatcher.length, 1);
    assert.ok(matcher!.owner);
    assert.ok(['error', 'warning', 'notice'].includes(matcher!.severity!));
    assert.ok(matcher!.pattern.some((p) => p.message !== undefined));
    assert.deepEqual(matcher!.pattern.map((p) => Boolean(p.loop)), [false, true]);
  });

  for (const colour of [false, true]) {
    test(`finds every finding of the defect fixtures in stylish output${colour ? ' with colours' : ''}`, () => {
      const course = lintTexts(defectFixtures());
      const issues = runMatcher(matcher!, formatStylish(course.results, colour));
      assert.ok(issues.length > 0);
      assert.deepEqual(issues, expectedIssues(course.results));
    });
  }

  test('info becomes a notice, and an info line does not end the file\'s run of findings', () => {
    const results = [
      fileResult('module-04/L4.2.2.md', [
        message({ severity: 'info', ruleId: 'up-next-title', message: 'Title differs', line: 1, column: 4 }),
        message({ severity: 'warning', ruleId: 'title-separator', message: "Separated by '-'  (two spaces inside)", line: 10, column: 9 }),
        message({ line: 100, column: 12 }),
      ]),
      fileResult('module-04/clean.md', []),
      fileResult('module 5/L5.1.1.md', [message({ severity: 'info', ruleId: 'outline-title-match', message: 'A hint: titles share no words', line: 7 })]),
    ];
    const issues = runMatcher(matcher!, formatStylish(results, false));
    assert.deepEqual(issues, expectedIssues(results));
    assert.deepEqual(issues.map((i) => i.severity), ['notice', 'warning', 'error', 'notice']);
  });

  test('findings of files the CLI cannot check (IDs with a slash) are annotated too', () => {
    const results = [
      fileResult('module-04/L4.9.9.md', [
        message({ ruleId: 'lessonlint/binary-file', message: 'Not a text file: a NUL byte at offset 12', line: 1, column: 13 }),
        message({ ruleId: 'lessonlint/too-complex', message: 'Lesson not checked: it took longer than 10 s', line: 1, column: 1 }),
      ]),
    ];
    const issues = runMatcher(matcher!, formatStylish(results, false));
    assert.deepEqual(issues, expectedIssues(results));
  });
});
