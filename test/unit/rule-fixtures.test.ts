/**
 * Fixture tests for every rule. Layout:
 *
 *   test/fixtures/rules/<rule-id>/<name>.md             a lesson with defects
 *   test/fixtures/rules/<rule-id>/<name>.findings.json  the FULL set of findings
 *                                                       (every rule), so a change
 *                                                       in any finding fails here
 *   test/fixtures/rules/<rule-id>/<name>.fixed.md       optional: the text after --fix
 *   test/fixtures/rules/<rule-id>/.lessonlint.json      optional: config for the folder
 *
 * At least one fixture of each folder must produce a finding of that folder's
 * rule, so removing the rule fails its test. Every built-in rule must have a
 * folder. `UPDATE_FIXTURES=1` rewrites the .findings.json / .fixed.md files;
 * review the diff before committing it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { allRules, lintCourse, lintLesson, toMessages } from '../../server/src/engine/index';
import type { ConfigFile, CourseLesson } from '../../server/src/engine/index';
import { FIXTURES, configOf, fix, lint } from '../helpers/lint';

const RULES_DIR = join(FIXTURES, 'rules');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/**
 * Letter-only words in order, case folded: a fix may change numbers,
 * punctuation and letter case (owasp llm03 → OWASP LLM03), never the author's words.
 */
function words(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
}

function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const word of haystack) if (i < needle.length && word === needle[i]) i++;
  return i === needle.length;
}

const ruleDirs = existsSync(RULES_DIR) ? readdirSync(RULES_DIR).sort() : [];

/** A folder with a `course.json` marker holds a small course for a course rule (see the block at the end). */
function isCourseFixture(ruleId: string): boolean {
  return existsSync(join(RULES_DIR, ruleId, 'course.json'));
}

test('every built-in rule has a fixture folder', () => {
  const missing = allRules.map((r) => r.meta.id).filter((id) => !ruleDirs.includes(id));
  assert.deepEqual(missing, [], `rules without fixtures under test/fixtures/rules/: ${missing.join(', ')}`);
});

for (const ruleId of ruleDirs.filter((id) => !isCourseFixture(id))) {
  describe(`rule ${ruleId}`, () => {
    const dir = join(RULES_DIR, ruleId);
    const configPath = join(dir, '.lessonlint.json');
    const config: ConfigFile | undefined = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined;
    const lessons = readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
      .sort();
    let ruleFired = false;

    for (const name of lessons) {
      const base = name.slice(0, -3);
      const text = readFileSync(join(dir, name), 'utf8');
      const filePath = `test/fixtures/rules/${ruleId}/${name}`;

      test(`${name}: findings match ${base}.findings.json`, () => {
        const actual: ExpectedFinding[] = lint(text, { filePath, ...(config ? { config } : {}) }).map((m) => ({
          ruleId: m.ruleId,
          severity: m.severity,
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          message: m.message,
        }));
        if (actual.some((f) => f.ruleId === ruleId)) ruleFired = true;
        const expectedPath = join(dir, `${base}.findings.json`);
        if (UPDATE) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
        assert.ok(existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_FIXTURES=1 and review it)`);
        assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
      });

      const fixedPath = join(dir, `${base}.fixed.md`);
      if (existsSync(fixedPath) || (UPDATE && lint(text, { filePath, ...(config ? { config } : {}) }).some((m) => m.ruleId === ruleId && m.fix))) {
        test(`${name}: --fix gives ${base}.fixed.md, keeps every word, and a second --fix changes nothing`, () => {
          const options = { filePath, ...(config ? { config } : {}) };
          const fixed = fix(text, options);
          if (UPDATE) writeFileSync(fixedPath, fixed);
          assert.equal(fixed, readFileSync(fixedPath, 'utf8'));
          assert.notEqual(fixed, text, 'the fixture has something to fix');
          assert.ok(isSubsequence(words(text), words(fixed)), 'a fix removed or reordered words of the author');
          assert.equal(fix(fixed, options), fixed, 'fixing twice changed the text again');
        });
      }
    }

    test(`at least one fixture produces a ${ruleId} finding`, () => {
      assert.ok(ruleFired, `no fixture in ${dir} produces a ${ruleId} finding`);
    });
  });
}

/*
 * Course fixtures, for course rules (which compare lessons, so a single file
 * cannot show them). Layout:
 *
 *   test/fixtures/rules/<rule-id>/course.json           marker: {"description": "…", "config"?: {…}}
 *   test/fixtures/rules/<rule-id>/<folders…>/<name>.md  the lessons of one small course
 *   test/fixtures/rules/<rule-id>/course.findings.json  the FULL set of findings (lesson
 *                                                       and course rules) of every file,
 *                                                       keyed by path relative to the folder
 *
 * Every lesson is linted on its own, then all of them together with the
 * course rules, as the CLI does for a folder. At least one finding must be
 * the folder's rule. Course rules have no fixes, so there is no .fixed.md.
 */
for (const ruleId of ruleDirs.filter(isCourseFixture)) {
  describe(`course rule ${ruleId}`, () => {
    const dir = join(RULES_DIR, ruleId);
    const marker: { config?: ConfigFile } = JSON.parse(readFileSync(join(dir, 'course.json'), 'utf8'));
    const config = configOf(marker.config);
    const files = (readdirSync(dir, { recursive: true }) as string[])
      .map((f) => f.split('\\').join('/'))
      .filter((f) => f.endsWith('.md'))
      .sort();

    test('findings of the whole course match course.findings.json', () => {
      const actual: Record<string, ExpectedFinding[]> = {};
      const headers: CourseLesson[] = [];
      for (const name of files) {
        const filePath = `test/fixtures/rules/${ruleId}/${name}`;
        const result = lintLesson(readFileSync(join(dir, name), 'utf8'), { filePath, config });
        actual[name] = toMessages(result.findings, result.lines).map(expectedOf);
        if (result.course) headers.push(result.course);
      }
      for (const [filePath, messages] of lintCourse(headers, config)) {
        const name = filePath.slice(`test/fixtures/rules/${ruleId}/`.length);
        actual[name] = [...actual[name]!, ...messages.map(expectedOf)].sort(
          (a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
        );
      }
      const expectedPath = join(dir, 'course.findings.json');
      if (UPDATE) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      assert.ok(existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_FIXTURES=1 and review it)`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
      assert.ok(
        Object.values(actual).some((findings) => findings.some((f) => f.ruleId === ruleId)),
        `no lesson in ${dir} gets a ${ruleId} finding`,
      );
    });
  });
}

function expectedOf(m: ExpectedFinding): ExpectedFinding {
  return { ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message };
}
