/**
 * Runs the TextMate grammar tests (syntaxes/test/*.test.md) with
 * vscode-tmgrammar-test: the Lessonlint injection on top of VS Code's own
 * markdown grammar, scope by scope. Also `npm run test:grammar`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';

const root = join(__dirname, '..', '..');

it('the injection grammar gives lesson markup the expected scopes', () => {
  const run = spawnSync(
    process.execPath,
    [require.resolve('vscode-tmgrammar-test/dist/unit.js'), '--config', 'syntaxes/test/grammars.json', 'syntaxes/test/*.test.md'],
    { cwd: root, encoding: 'utf8' },
  );
  // stderr lists the languages embedded in markdown code fences that the test setup does not load; not failures.
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /lesson\.test\.md run successfuly/);
});
