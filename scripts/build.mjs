// Bundles the CLI, the language server (Node and browser) and the VS Code
// client with esbuild. remark is ESM-only; the bundles are CommonJS so that
// Node's `require` and VS Code's extension host load them directly.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSchemaFiles } from './build-schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** [entry source, output file, platform] */
const bundles = [
  ['server/src/cli/main.ts', 'dist/cli.js', 'node'],
  ['server/src/cli/command-thread.ts', 'dist/cli-command.js', 'node'],
  ['server/src/cli/worker.ts', 'dist/cli-worker.js', 'node'],
  ['server/src/lsp/node.ts', 'dist/server/node.js', 'node'],
  ['server/src/lsp/browser.ts', 'dist/server/browser.js', 'browser'],
  ['client/src/extension.ts', 'dist/client/extension.js', 'node'],
  ['client/src/browser.ts', 'dist/client/browser.js', 'browser'],
];

/**
 * V8 keeps a script's source text for as long as its thread runs (functions
 * compile from it when first called): once per thread, so the CLI holds it
 * three times. One character above U+00FF makes V8 store the whole text two
 * bytes per character. esbuild escapes such characters in strings but not in
 * regular expressions, which must spell them as \uXXXX.
 */
function assertLatin1(outfile) {
  const text = readFileSync(join(root, outfile), 'utf8');
  const at = text.search(/[^\0-\xff]/);
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  const code = text.codePointAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw new Error(`${outfile}:${line}: U+${code} in «${text.slice(Math.max(0, at - 40), at + 10)}»; write it as \\u${code} in the source`);
}

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
    // Without comments, whose characters are not all Latin-1 (see assertLatin1).
    minifyWhitespace: true,
    logLevel: 'warning',
    // Node's `process` does not exist in a browser worker.
    // Workers have no DOM: the 'worker' condition picks DOM-free builds
    // (decode-named-character-reference's browser build needs `document`).
    ...(platform === 'browser' ? { define: { 'process.env.NODE_ENV': '"production"' }, conditions: ['worker'] } : {}),
  });
  assertLatin1(outfile);
  built.push(outfile);
}
console.log(`built ${built.join(', ') || 'nothing'} in ${Date.now() - started} ms`);
