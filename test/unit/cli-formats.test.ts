/**
 * `--format sarif|github|junit` and `--output-file`, end to end: the built
 * CLI over the defect fixtures (every rule fixture lesson and the sample,
 * linted as one course). SARIF is validated against the official 2.1.0
 * schema (test/fixtures/formats/sarif-2.1.0-rtm.5.json), JUnit read back
 * structurally, GitHub commands checked for escaping and the step summary.
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules } from '../../server/src/engine/index';
import { defectFixtures } from '../fixtures/formats/course';
import { buildCli, NEXT_LESSON, NEXT_NAME, parseJsonReport, replaceOnce, runCli, SAMPLE_HYPHEN, SAMPLE_NAME, tempCourse, type JsonFile } from '../helpers/cli';

const course = tempCourse(defectFixtures());
let cli: string;
let json: JsonFile[];
// A top-level hook runs before each suite: lint the course once.
before(async () => {
  cli = await buildCli();
  json ??= parseJsonReport(runCli(cli, ['--format', 'json'], { cwd: course }));
});

const findings = (files: JsonFile[]) => files.flatMap((f) => f.messages.map((m) => ({ filePath: f.filePath, ...m })));

describe('--format sarif', () => {
  /** As in formats-sarif.test.ts: the draft-04 schema validated by ajv 8 with its root `id` as `$id`. */
  function sarifValidator() {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'formats', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as { id: string; $schema: string } & Record<string, unknown>;
    const { id, $schema: _draft04, ...rest } = schema;
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/[\s\\]/.test(s));
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
    return ajv.compile({ $id: id, ...rest });
  }

  test('is valid SARIF 2.1.0 holding every rule and every finding of the JSON output, with fingerprints', () => {
    const result = runCli(cli, ['--format', 'sarif'], { cwd: course });
    assert.equal(result.status, 1, 'the fixtures have errors');
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    const run = log.runs[0]!;
    assert.deepEqual(
      run.tool.driver.rules!.slice(0, allRules.length).map((r) => r.id),
      allRules.map((r) => r.meta.id),
    );
    assert.equal(run.originalUriBaseIds!['%SRCROOT%']!.uri, `${pathToFileURL(course).href}/`);
    const expected = findings(json);
    assert.ok(expected.length > 100, `the fixtures give many findings (${expected.length})`);
    assert.equal(run.results!.length, expected.length);
    run.results!.forEach((r, i) => {
      const f = expected[i]!;
      const location = r.locations![0]!.physicalLocation!;
      assert.deepEqual(
        [r.ruleId, location.artifactLocation!.uri, location.region!.startLine, location.region!.startColumn, r.message.text],
        [f.ruleId, f.filePath, f.line, f.column, f.message],
      );
      assert.match(r.partialFingerprints!['lessonlint/v1']!, /^[0-9a-f]{32}$/);
    });
  });

  test('fingerprints do not change when lines are inserted above a finding', () => {
    const fingerprints = (text: string) => {
      const log = JSON.parse(runCli(cli, ['--format', 'sarif'], { cwd: tempCourse({ [SAMPLE_NAME]: text }) }).stdout) as Sarif.Log;
      return log.runs[0]!.results!.map((r) => [r.ruleId, r.locations![0]!.physicalLocation!.region!.startLine, r.partialFingerprints!['lessonlint/v1']]);
    };
    const before = fingerprints(SAMPLE_HYPHEN);
    const after = fingerprints(replaceOnce(SAMPLE_HYPHEN, '## Real-world example', 'A new paragraph.\n\nAnd another.\n\n## Real-world example'));
    assert.deepEqual(
      before.map(([rule]) => rule),
      ['title-separator', 'up-next-target'],
    );
    assert.equal(after[1]![1], (before[1]![1] as number) + 4, 'the Up next finding moved down four lines');
    assert.deepEqual(
      after.map(([rule, , print]) => [rule, print]),
      before.map(([rule, , print]) => [rule, print]),
    );
  });
});

describe('--format github', () => {
  test('one workflow command per finding, in the JSON output\'s order', () => {
    const result = runCli(cli, ['--format', 'github'], { cwd: course });
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    const expected = findings(json);
    assert.equal(lines.length, expected.length);
    const command = { error: 'error', warning: 'warning', info: 'notice' } as const;
    lines.forEach((line, i) => {
      const f = expected[i]!;
      const position = f.endLine === f.line ? `line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn}` : `line=${f.line},endLine=${f.endLine}`;
      assert.ok(line.startsWith(`::${command[f.severity as keyof typeof command]} file=${f.filePath},${position},title=${f.ruleId}::`), line);
    });
  });

  test('escapes %, CR, LF in messages and also : and , in properties', () => {
    const name = 'L4.2.2-odd,name:100%.md';
    const cwd = tempCourse({
      [name]: SAMPLE_HYPHEN,
      // The next lesson's title differs from the one "Up next" announces: a message quoting "100% fine-tuning, again".
      [NEXT_NAME]: replaceOnce(NEXT_LESSON, '# L4.3.1 — Harmful fine-tuning', '# L4.3.1 — 100% fine-tuning, again'),
    });
    const lines = runCli(cli, ['--format', 'github'], { cwd }).stdout.trimEnd().split('\n');
    const separator = lines.find((l) => l.includes('title=title-separator'));
    assert.ok(separator?.startsWith('::warning file=L4.2.2-odd%2Cname%3A100%25.md,line=1,col=9,'), separator);
    const title = lines.find((l) => l.includes('title=up-next-title'));
    assert.ok(title, lines.join('\n'));
    const message = title.slice(title.indexOf('::', 2) + 2);
    assert.match(message, /100%25 fine-tuning, again/, 'in the message only % is escaped');
    assert.doesNotMatch(message, /%(?!25|0D|0A)/);
  });

  test('appends a markdown summary to $GITHUB_STEP_SUMMARY, after what is already there', () => {
    const summary = join(tempCourse({}), 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    const result = runCli(cli, ['--format', 'github'], {
      cwd,
      env: { GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/course', GITHUB_SHA: 'abc123', GITHUB_WORKSPACE: cwd },
    });
    assert.equal(result.status, 0);
    const text = readFileSync(summary, 'utf8');
    assert.ok(text.startsWith('# Earlier step\n## lessonlint '), text);
    assert.match(text, /⚠️ 0 errors, 2 warnings, 0 info in 1 of 1 lesson\./);
    assert.match(text, /\| \[title-separator\]\(https:\/\/github\.com\/lessonlint\/lessonlint\/blob\/main\/docs\/rules\/title-separator\.md\) \| 0 \| 1 \| 0 \|/);
    assert.ok(text.includes(`[${SAMPLE_NAME}](https://github.com/acme/course/blob/abc123/${SAMPLE_NAME}#L1)`), 'findings link to the file at the commit');
  });

  test('no summary without $GITHUB_STEP_SUMMARY, nor with other formats', () => {
    const summary = join(tempCourse({}), 'summary.md');
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    runCli(cli, ['--format', 'json'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(existsSync(summary), false);
  });
});

describe('--format junit', () => {
  interface Element {
    name: string;
    attributes: Record<string, string>;
    children: Element[];
  }

  /**
   * Reads the XML back: one declaration, then balanced elements with quoted
   * attributes and only the predefined entities or character references in
   * text. Throws on anything else.
   */
  function readXml(xml: string): Element {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
    const body = xml.slice(xml.indexOf('\n') + 1);
    const TOKEN = /<\/([\w-]+)>|<([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
    const root: Element = { name: '#document', attributes: {}, children: [] };
    const stack = [root];
    let at = 0;
    for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
      at = TOKEN.lastIndex;
      const [, close, open, attrs, selfClosing, text] = m;
      if (close) {
        assert.equal(stack.pop()!.name, close, `</${close}> closes another element`);
      } else if (open) {
        const attributes: Record<string, string> = {};
        for (const a of attrs!.matchAll(/([\w-]+)="([^"]*)"/g)) {
          assert.ok(!(a[1]! in attributes), `duplicate attribute ${a[1]}`);
          attributes[a[1]!] = a[2]!;
        }
        const element = { name: open, attributes, children: [] };
        stack.at(-1)!.children.push(element);
        if (!selfClosing) stack.push(element);
      } else {
        assert.doesNotMatch(text!, /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/i, 'a bare &');
        assert.ok(stack.length > 1 || !text!.trim(), 'text outside the root element');
      }
    }
    assert.equal(at, body.length, `unreadable XML at ${JSON.stringify(body.slice(at, at + 40))}`);
    assert.equal(stack.length, 1, 'unclosed elements');
    assert.equal(root.children.length, 1, 'one root element');
    return root.children[0]!;
  }

  test('is well-formed: one testsuite per lesson, one testcase per rule that reported, failures for errors and warnings', () => {
    const result = runCli(cli, ['--format', 'junit'], { cwd: course });
    assert.equal(result.status, 1);
    const root = readXml(result.stdout);
    assert.equal(root.name, 'testsuites');
    assert.deepEqual(
      root.children.map((s) => s.attributes.name),
      json.map((f) => f.filePath),
    );
    let failures = 0;
    root.children.forEach((suite, i) => {
      const file = json[i]!;
      const rules = [...new Set(file.messages.map((m) => m.ruleId))];
      assert.deepEqual(
        suite.children.map((c) => c.attributes.name),
        rules.length > 0 ? rules : ['lessonlint'],
      );
      const failing = rules.filter((rule) => file.messages.some((m) => m.ruleId === rule && m.severity !== 'info'));
      assert.equal(suite.attributes.failures, String(failing.length));
      assert.deepEqual(
        suite.children.filter((c) => c.children.some((x) => x.name === 'failure')).map((c) => c.attributes.name),
        failing,
      );
      failures += failing.length;
    });
    assert.equal(root.attributes.failures, String(failures));
  });
});

describe('--output-file', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    test(`${format}: writes what stdout would get, creating the folder; stdout stays empty`, () => {
      const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
      const printed = runCli(cli, ['--format', format], { cwd });
      const written = runCli(cli, ['--format', format, '--output-file', 'reports/lessonlint.out'], { cwd });
      assert.deepEqual([written.status, written.stdout, written.stderr], [printed.status, '', '']);
      assert.equal(readFileSync(join(cwd, 'reports', 'lessonlint.out'), 'utf8'), printed.stdout);
    });
  }

  test('stylish output in a file has no colour codes unless --color', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN });
    runCli(cli, ['-o', 'out.txt'], { cwd });
    assert.doesNotMatch(readFileSync(join(cwd, 'out.txt'), 'utf8'), /\x1b\[/);
  });

  test('a file that cannot be written is exit 2 with the reason', () => {
    const cwd = tempCourse({ [SAMPLE_NAME]: SAMPLE_HYPHEN, 'taken': 'a file, not a folder' });
    const result = runCli(cli, ['--output-file', 'taken/out.txt'], { cwd });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^lessonlint: cannot write the output file .*taken\/out\.txt \(E[A-Z]+\)\n$/);
  });
});
