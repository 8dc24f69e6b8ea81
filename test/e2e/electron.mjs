#!/usr/bin/env node
// The same in-editor suite in desktop VS Code, with @vscode/test-electron, for
// machines that can download VS Code (from update.code.visualstudio.com; this
// project's CI cannot, and uses test/e2e/run.sh with code-server instead).
//
//   npm run build && node test/e2e/build-suite.mjs && npm run test:e2e:electron
//
// Loads the extension from the working tree (development mode), opens a copy
// of test/e2e/workspace, and exits with the suite's result.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'lessonlint-electron-'));
const workspace = join(tmp, 'workspace');
const report = join(tmp, 'report.txt');
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: '1.100.3', // the engines.vscode floor, and the VS Code that code-server 4.100.3 bundles
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: { LESSONLINT_E2E_REPORT: report },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).then(() => 0);
} catch (error) {
  console.error(`electron: ${error}`);
}
try {
  process.stdout.write(readFileSync(report, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
}
rmSync(tmp, { recursive: true, force: true });
process.exit(code);
