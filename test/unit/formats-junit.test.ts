/**
 * `--format junit`: well-formed XML (read back by a small strict XML 1.0
 * reader below: one root, balanced tags, quoted unique attributes, only the
 * five predefined entities and valid character references, only XML
 * characters) with the documented layout.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LintMessage } from '../../server/src/engine/index';
import { CLEAN_TESTCASE, formatJunit } from '../../server/src/formats/junit';
import { fileResult } from '../../server/src/formats/types';
import { defectFixtures, lintTexts } from '../fixtures/formats/course';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_][\w.-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Strict enough for what the formatter may emit: no comments, CDATA, PIs or DTDs are expected, so none are accepted. */
function parseXml(xml: string): XmlElement {
  for (const ch of xml) assert.ok(isXmlChar(ch.codePointAt(0)!), `not an XML character: U+${ch.codePointAt(0)!.toString(16)}`);
  let i = 0;
  const fail = (why: string): never => assert.fail(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  const skipSpace = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml) ?? fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
      if (ref === undefined) return fail('bare &');
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const cp = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : fail(`unknown entity ${all}`);
      if (!isXmlChar(cp)) fail(`reference to a non-XML character ${all}`);
      return String.fromCodePoint(cp);
    });
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('attributes must be separated by white space');
      const key = name();
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute');
      const end = xml.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute');
      if (key in el.attributes) fail(`duplicate attribute ${key}`);
      el.attributes[key] = decode(raw);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) fail(']]> in text');
      el.text += decode(raw);
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (xml.startsWith('<!', i) || xml.startsWith('<?', i)) fail('unexpected markup');
      el.children.push(element());
    }
  };
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
  if (!xml.startsWith(declaration)) fail('missing XML declaration');
  i = declaration.length;
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

const TOOL = { name: 'lessonlint', version: '0.1.0' };

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'quiz-answer-missing', severity: 'error', message: 'Quiz item 2 has no answer', line: 73, column: 1, endLine: 73, endColumn: 58, ...overrides };
}

describe('the strict XML reader', () => {
  test('rejects what is not well-formed', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>';
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a>&nbsp;</a>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>\u0001</a>', '<a>&#1;</a>', '<a x="<"/>']) {
      assert.throws(() => parseXml(head + bad), `accepted ${bad}`);
    }
    assert.deepEqual(parseXml(`${head}<a x="&lt;&#10;"><b>t&amp;</b></a>`).attributes, { x: '<\n' });
  });
});

describe('JUnit XML', () => {
  test('on the defect fixtures: well-formed, one suite per lesson, counts that add up', () => {
    const course = lintTexts(defectFixtures());
    const root = parseXml(formatJunit(course.results, { tool: TOOL }));
    assert.equal(root.name, 'testsuites');
    assert.equal(root.children.length, course.results.length);
    let tests = 0;
    let failures = 0;
    for (const [i, suite] of root.children.entries()) {
      const result = course.results[i]!;
      assert.equal(suite.name, 'testsuite');
      assert.equal(suite.attributes.name, result.filePath);
      const cases = suite.children;
      assert.ok(cases.every((c) => c.name === 'testcase' && c.attributes.classname === result.filePath));
      const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
      assert.equal(suite.attributes.tests, String(cases.length));
      assert.equal(suite.attributes.failures, String(failed.length));
      const ruleIds = [...new Set(result.messages.map((m) => m.ruleId))];
      assert.deepEqual(cases.map((c) => c.attributes.name), ruleIds.length ? ruleIds : [CLEAN_TESTCASE]);
      tests += cases.length;
      failures += failed.length;
    }
    assert.ok(failures > 0, 'the defect fixtures fail some testcases');
    assert.equal(root.attributes.tests, String(tests));
    assert.equal(root.attributes.failures, String(failures));
  });

  test('one testcase per rule; errors and warnings fail, info passes with its findings in system-out', () => {
    const xml = formatJunit(
      [
        fileResult('m/a.md', [
          message(),
          message({ line: 80, endLine: 80, message: 'Quiz item 4 has no answer' }),
          message({ ruleId: 'title-separator', severity: 'warning', message: 'Use an em dash', line: 1, column: 9, endLine: 1, endColumn: 12 }),
          message({ ruleId: 'up-next-title', severity: 'info', message: 'Title differs', line: 90, column: 4, endLine: 90, endColumn: 9 }),
        ]),
        fileResult('m/b.md', []),
      ],
      { tool: TOOL },
    );
    const [a, b] = parseXml(xml).children;
    const [quiz, separator, upNext] = a!.children;
    assert.equal(quiz!.attributes.name, 'quiz-answer-missing');
    const failure = quiz!.children[0]!;
    assert.equal(failure.name, 'failure');
    assert.equal(failure.attributes.type, 'error');
    assert.equal(failure.attributes.message, '2 findings of quiz-answer-missing: Quiz item 2 has no answer …');
    assert.equal(failure.text, 'm/a.md:73:1: error: Quiz item 2 has no answer\nm/a.md:80:1: error: Quiz item 4 has no answer');
    assert.equal(separator!.children[0]!.attributes.type, 'warning');
    assert.equal(separator!.children[0]!.attributes.message, 'Use an em dash');
    assert.equal(upNext!.children[0]!.name, 'system-out');
    assert.equal(upNext!.children[0]!.text, 'm/a.md:90:4: info: Title differs');
    assert.equal(a!.attributes.failures, '2');
    assert.deepEqual(b!.children.map((c) => [c.attributes.name, c.children.length]), [[CLEAN_TESTCASE, 0]]);
  });

  test('markup, quotes, line breaks and control characters in messages and paths stay well-formed and are read back', () => {
    const nasty = 'Expected "A:" & <b>bold</b> ]]> \'x\'\r\nnext\ttab \u0007bell \uD800lone';
    const xml = formatJunit([fileResult('m/<&">.md', [message({ message: nasty })])], { tool: TOOL });
    const suite = parseXml(xml).children[0]!;
    assert.equal(suite.attributes.name, 'm/<&">.md');
    const failure = suite.children[0]!.children[0]!;
    const readable = 'Expected "A:" & <b>bold</b> ]]> \'x\'\r\nnext\ttab \uFFFDbell \uFFFDlone';
    assert.equal(failure.attributes.message, readable);
    assert.equal(failure.text, `m/<&">.md:73:1: error: ${readable}`);
  });

  test('no timestamps: the same results give the same bytes', () => {
    const results = [fileResult('a.md', [message()])];
    assert.equal(formatJunit(results, { tool: TOOL }), formatJunit(results, { tool: TOOL }));
    assert.doesNotMatch(formatJunit(results, { tool: TOOL }), /timestamp|hostname/);
  });
});
