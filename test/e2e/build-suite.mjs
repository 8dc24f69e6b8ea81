// Compiles the in-editor mocha suite (test/e2e/suite/*.ts) to out/e2e/suite/,
// one CommonJS file per module, for VS Code's extension host. `vscode` comes
// from the host and mocha from the project's node_modules at run time.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = join(root, 'test', 'e2e', 'suite');
await build({
  absWorkingDir: root,
  entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => join(suite, f)),
  outdir: join(root, 'out', 'e2e', 'suite'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log('built out/e2e/suite');
