/**
 * `--format junit`: JUnit XML for CI systems that show test reports
 * (GitLab, Jenkins, Azure Pipelines, CircleCI…).
 *
 * Layout (decided here, documented in docs/ci.md):
 * - one <testsuite> per linted lesson, named by its relative path;
 * - one <testcase> per rule that reported in that lesson (name = rule ID,
 *   classname = the path), so test names stay stable when lines move and a
 *   CI's test history follows a rule across runs;
 * - the testcase fails (<failure type="error|warning">) when the rule
 *   reported an error or a warning; the body lists every finding as
 *   `path:line:column: severity: message`; info-only rules pass, with their
 *   findings in <system-out>;
 * - a lesson without findings has one passing testcase named "lessonlint",
 *   so every linted lesson shows up.
 * No timestamps or durations, so two runs over the same course give the same
 * bytes (--jobs must not change the output).
 */
import type { LintMessage } from '../engine/types';
import type { FileResult, ToolInfo } from './types';

/** Name of the passing testcase of a lesson without findings. */
export const CLEAN_TESTCASE = 'lessonlint';

interface TestCase {
  name: string;
  messages: LintMessage[];
}

export function formatJunit(results: readonly FileResult[], options: { tool: ToolInfo }): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of results) {
    const cases = testCasesOf(file);
    const failed = cases.filter((c) => c.messages.some(fails)).length;
    tests += cases.length;
    failures += failed;
    const body = cases.map((c) => testCaseXml(file.filePath, c)).join('');
    suites.push(
      `  <testsuite name="${attr(file.filePath)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${body}  </testsuite>\n`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${attr(options.tool.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">\n` +
    suites.join('') +
    '</testsuites>\n'
  );
}

/** Rules in order of their first finding; a clean lesson gets one passing case. */
function testCasesOf(file: FileResult): TestCase[] {
  if (file.messages.length === 0) return [{ name: CLEAN_TESTCASE, messages: [] }];
  const byRule = new Map<string, LintMessage[]>();
  for (const m of file.messages) {
    const list = byRule.get(m.ruleId);
    if (list) list.push(m);
    else byRule.set(m.ruleId, [m]);
  }
  return [...byRule].map(([name, messages]) => ({ name, messages }));
}

function fails(m: LintMessage): boolean {
  return m.severity === 'error' || m.severity === 'warning';
}

function testCaseXml(filePath: string, c: TestCase): string {
  const open = `    <testcase classname="${attr(filePath)}" name="${attr(c.name)}" time="0"`;
  if (c.messages.length === 0) return `${open}/>\n`;
  const lines = c.messages.map((m) => `${filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message}`).join('\n');
  if (!c.messages.some(fails)) return `${open}>\n      <system-out>${text(lines)}</system-out>\n    </testcase>\n`;
  const type = c.messages.some((m) => m.severity === 'error') ? 'error' : 'warning';
  const summary = c.messages.length === 1 ? c.messages[0]!.message : `${c.messages.length} findings of ${c.name}: ${c.messages[0]!.message} …`;
  return `${open}>\n      <failure type="${type}" message="${attr(summary)}">${text(lines)}</failure>\n    </testcase>\n`;
}

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD; a lesson may contain anything.
 */
function xmlChars(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i]! + value[i + 1]!;
        i++;
        continue;
      }
      out += '\uFFFD';
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += '\uFFFD';
    } else {
      out += value[i]!;
    }
  }
  return out;
}

/**
 * Element content: & and < must be escaped, > too so that "]]>" never
 * appears; CR as a reference, since parsers turn a literal CR into LF.
 */
function text(value: string): string {
  return xmlChars(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;');
}

/**
 * Attribute value in double quotes; tabs and line breaks as character
 * references, since attribute normalisation would turn them into spaces.
 */
function attr(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;');
}
