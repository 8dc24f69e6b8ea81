/**
 * `--format github`: workflow commands escaped as the Actions runner expects
 * (data: % \r \n; properties also : and ,), parsed back to what was meant,
 * and the markdown step summary.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LintMessage } from '../../server/src/engine/index';
import { escapeData, escapeProperty, formatGithub, githubCommand, githubStepSummary } from '../../server/src/formats/github';
import { fileResult } from '../../server/src/formats/types';
import { defectFixtures, lintTexts } from '../fixtures/formats/course';

const TOOL = { name: 'lessonlint', version: '0.1.0' };

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'quiz-answer-missing', severity: 'error', message: 'Quiz item 2 has no answer', line: 73, column: 1, endLine: 73, endColumn: 58, ...overrides };
}

/**
 * Reads a workflow command back as the runner does (ActionCommand.TryParseV2):
 * `::name k=v,k=v::data`, properties split at ',' then at the first '=', and
 * the escapes undone in the reverse order.
 */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (s: string) => s.replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, data: match[3]!.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%') };
}

describe('escaping', () => {
  test('data escapes %, CR and LF (and % first, so escapes are not double-read)', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeData('%0A'), '%250A');
  });

  test('properties also escape : and ,', () => {
    assert.equal(escapeProperty('a:b,c%d\ne\rf'), 'a%3Ab%2Cc%25d%0Ae%0Df');
  });
});

describe('workflow commands', () => {
  test('one command with file, line, col, endLine, endColumn and title', () => {
    assert.equal(
      githubCommand('module-04/L4.2.2.md', message()),
      '::error file=module-04/L4.2.2.md,line=73,col=1,endLine=73,endColumn=58,title=quiz-answer-missing::Quiz item 2 has no answer',
    );
  });

  test('warning and info map to ::warning and ::notice', () => {
    assert.match(githubCommand('a.md', message({ severity: 'warning' })), /^::warning /);
    assert.match(githubCommand('a.md', message({ severity: 'info' })), /^::notice /);
  });

  test('a range over several lines leaves the columns out (GitHub takes columns only on one line)', () => {
    const parsed = parseCommand(githubCommand('a.md', message({ line: 3, column: 5, endLine: 6, endColumn: 2 })));
    assert.deepEqual(parsed.properties, { file: 'a.md', line: '3', endLine: '6', title: 'quiz-answer-missing' });
  });

  test('hostile file names and messages survive the round trip', () => {
    const nasty = "Expected 'A:' — got 100%, then\r\nline two, key=value :: end";
    const path = 'mod:1,2/100% x=y.md';
    const line = githubCommand(path, message({ message: nasty }));
    assert.equal(line.split('\n').length, 1, 'one command is one line');
    const parsed = parseCommand(line);
    assert.equal(parsed.command, 'error');
    assert.equal(parsed.data, nasty);
    assert.equal(parsed.properties.file, path);
    assert.equal(parsed.properties.col, '1');
    assert.equal(parsed.properties.title, 'quiz-answer-missing');
  });

  test('on the defect fixtures: one line per finding, each parsing back to its message', () => {
    const course = lintTexts(defectFixtures());
    const output = formatGithub(course.results);
    const lines = output.trimEnd().split('\n');
    const messages = course.results.flatMap((r) => r.messages.map((m) => ({ filePath: r.filePath, m })));
    assert.ok(messages.length > 0);
    assert.equal(lines.length, messages.length);
    lines.forEach((line, i) => {
      const { filePath, m } = messages[i]!;
      const parsed = parseCommand(line);
      assert.equal(parsed.command, { error: 'error', warning: 'warning', info: 'notice' }[m.severity]);
      assert.equal(parsed.properties.file, filePath);
      assert.equal(parsed.properties.line, String(m.line));
      assert.equal(parsed.properties.title, m.ruleId);
      assert.equal(parsed.data, m.message);
    });
  });

  test('no findings, no output', () => {
    assert.equal(formatGithub([fileResult('a.md', [])]), '');
  });
});

describe('step summary', () => {
  const results = [
    fileResult('module-04/L4.2.2.md', [
      message(),
      message({ severity: 'warning', ruleId: 'title-separator', message: 'Separator is `-` | expected <em> **—**', line: 1, column: 9, endLine: 1, endColumn: 12 }),
    ]),
    fileResult('module-04/L4.3.1.md', [message({ severity: 'info', ruleId: 'up-next-title', message: 'Title differs', line: 90, column: 4 })]),
    fileResult('module-05/L5.1.1.md', []),
  ];

  test('totals, findings per rule with docs links, and each finding', () => {
    const md = githubStepSummary(results, { tool: TOOL, rules: [{ id: 'title-separator', description: 'The H1 uses " — ".', defaultSeverity: 'warning', fixable: true, specSection: '1' }] });
    assert.match(md, /^## lessonlint 0\.1\.0\n/);
    assert.match(md, /❌ 1 error, 1 warning, 1 info in 2 of 3 lessons\./);
    assert.match(md, /\| \[quiz-answer-missing\]\(https:\/\/github\.com\/lessonlint\/lessonlint\/blob\/main\/docs\/rules\/quiz-answer-missing\.md\) \| 1 \| 0 \| 0 \|/);
    assert.match(md, /\| \[title-separator\]\([^)]+\) \| 0 \| 1 \| 0 \| The H1 uses " — "\. \|/);
    assert.match(md, /\| module-04\/L4\.2\.2\.md \| 73:1 \| error \| quiz-answer-missing \| Quiz item 2 has no answer \|/);
  });

  test('message text is escaped: it cannot break the table or inject markup', () => {
    const md = githubStepSummary(results, { tool: TOOL });
    assert.ok(md.includes('Separator is \\`-\\` \\| expected \\<em\\> \\*\\*—\\*\\*'));
    const row = md.split('\n').find((l) => l.includes('Separator is'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 5, 'the row still has five cells');
  });

  test('links findings to the file when a blob URL is given', () => {
    const md = githubStepSummary(results, { tool: TOOL, blobBaseUrl: 'https://github.com/o/r/blob/abc123/' });
    assert.match(md, /\[module-04\/L4\.2\.2\.md\]\(https:\/\/github\.com\/o\/r\/blob\/abc123\/module-04\/L4\.2\.2\.md#L73\)/);
  });

  test('long lists are cut at maxRows with a count of the rest', () => {
    const md = githubStepSummary(results, { tool: TOOL, maxRows: 1 });
    assert.equal(md.split('\n').filter((l) => /^\| module-/.test(l)).length, 1);
    assert.match(md, /… and 2 more findings \(see the SARIF or JSON output\)\./);
  });

  test('a clean run says so', () => {
    assert.equal(githubStepSummary([fileResult('a.md', []), fileResult('b.md', [])], { tool: TOOL }), '## lessonlint 0.1.0\n\n✅ No findings in 2 lessons.\n\n');
  });
});
