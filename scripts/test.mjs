// Runs every node:test file under test/ (except the in-editor e2e suite) with
// TypeScript loaded through tsx. Node 20's --test takes no globs, hence this.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const patterns = process.argv.slice(2);
const files = globSync(patterns.length ? patterns : ['test/**/*.test.ts'], {
  ignore: ['test/e2e/**', '**/node_modules/**'],
}).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
