/**
 * The engine is pure: the same code runs in the CLI, the Node server and a
 * browser worker. Bundling it for the browser fails on any Node built-in
 * (fs, path, process…) or a `vscode` import anywhere in its import graph.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const NODE_ONLY = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);

/** Records every import of a Node built-in or `vscode`, with the file that imports it. */
function forbiddenImports(found: string[]): Plugin {
  return {
    name: 'forbidden-imports',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (NODE_ONLY.has(args.path) || NODE_ONLY.has(args.path.split('/')[0]!)) {
          found.push(`${args.importer.replace(ROOT + '/', '')} imports '${args.path}'`);
          return { path: args.path, external: true };
        }
        return undefined;
      });
    },
  };
}

for (const entry of ['server/src/engine/index.ts', 'server/src/config/index.ts', 'server/src/formats/index.ts', 'server/src/report/index.ts', 'server/src/baseline/index.ts']) {
  test(`${entry} bundles for a browser worker with no Node built-in and no vscode import`, async () => {
    const found: string[] = [];
    await build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      conditions: ['worker'],
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [forbiddenImports(found)],
    });
    assert.deepEqual(found, []);
  });
}
