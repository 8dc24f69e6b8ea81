/**
 * The browser language server bundle (dist/server/browser.js), run the way a
 * web worker runs it (worker-host.cjs: no require, process or fs), with the
 * course files served by the client over lessonlint/readFile and
 * lessonlint/listFiles. The same feature suite as the Node server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { lspFeatureSuite } from './features';
import { BROWSER_BUNDLE, ensureBuilt } from './harness';

before(() => ensureBuilt());

test('the browser bundle imports no Node module', () => {
  const bundle = readFileSync(BROWSER_BUNDLE, 'utf8');
  const nodeImports = [...bundle.matchAll(/\brequire\(["'](node:[\w/]+|fs|path|os|child_process|worker_threads|net)["']\)/g)].map((m) => m[1]);
  assert.deepEqual(nodeImports, []);
});

lspFeatureSuite('browser');
