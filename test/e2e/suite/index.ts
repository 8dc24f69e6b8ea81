/**
 * Entry point that VS Code's extension host loads for `extensionTestsPath`
 * (the `run()` contract of @vscode/test-electron, also used by the code-server
 * launcher). A rejected promise makes the extension host exit with code 1.
 *
 * While tests run, the extension host's console goes to VS Code's window log,
 * not to the launcher; so each result is also appended synchronously to the
 * file named by $LESSONLINT_E2E_REPORT, which the launcher prints. The last
 * line is "N passed, N failed".
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const report = process.env.LESSONLINT_E2E_REPORT;
  const log = (line: string) => {
    console.log(line);
    if (report) appendFileSync(report, `${line}\n`);
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'dot' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      log(`${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      passed++;
      log(`  ok   ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, error: Error) => {
      failed++;
      log(`  FAIL ${test.fullTitle()}: ${error?.message ?? error}`);
    });
  });
}
