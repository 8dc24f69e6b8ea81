// Bundles the CLI, the language server (Node and browser) and the VS Code
// client with esbuild. remark is ESM-only; the bundles are CommonJS so that
// Node's `require` and VS Code's extension host load them directly.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSchemaFiles } from './build-schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** [entry source, output file, platform] */
const bundles = [
  ['server/src/cli/main.ts', 'dist/cli.js', 'node'],
  ['server/src/cli/worker.ts', 'dist/cli-worker.js', 'node'],
  ['server/src/lsp/node.ts', 'dist/server/node.js', 'node'],
  ['server/src/lsp/browser.ts', 'dist/server/browser.js', 'browser'],
  ['client/src/extension.ts', 'dist/client/extension.js', 'node'],
  ['client/src/browser.ts', 'dist/client/browser.js', 'browser'],
];

const started = Date.now();
// The config schema lists every rule: regenerate it before bundling so a new rule is never missing from it.
await writeSchemaFiles();
const built = [];
for (const [entry, outfile, platform] of bundles) {
  // Entries appear as their issue lands; a missing one is skipped, not an error.
  if (!existsSync(join(root, entry))) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform,
    format: platform === 'browser' && outfile.includes('/server/') ? 'iife' : 'cjs',
    target: platform === 'node' ? 'node20' : 'es2022',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // Node's `process` does not exist in a browser worker.
    // Workers have no DOM: the 'worker' condition picks DOM-free builds
    // (decode-named-character-reference's browser build needs `document`).
    ...(platform === 'browser' ? { define: { 'process.env.NODE_ENV': '"production"' }, conditions: ['worker'] } : {}),
  });
  built.push(outfile);
}
console.log(`built ${built.join(', ') || 'nothing'} in ${Date.now() - started} ms`);
