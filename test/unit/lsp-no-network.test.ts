/**
 * No network access anywhere (SECURITY.md): the built bundles hold no HTTP,
 * DNS, TLS or socket client, and no browser network API. The two allowed
 * Node modules are there for the editor, not the network: `net` carries the
 * LSP transports the client chooses (`--socket`, `--pipe`: a local socket
 * or named pipe), `child_process` starts the server (client) and sits unused
 * in vscode-languageserver's module-resolution helpers (server).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ROOT, ensureBuilt } from '../lsp/harness';

before(() => ensureBuilt());

const NETWORK_MODULES = /\brequire\("(?:node:)?(http|https|http2|dns|tls|dgram|undici|net|child_process)"\)/g;
const NETWORK_CALLS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|importScripts|sendBeacon)\s*\(/g;

const BUNDLES: Array<[string, string[]]> = [
  ['dist/server/node.js', ['net', 'child_process']],
  ['dist/server/browser.js', []],
  ['dist/cli.js', []],
  ['dist/cli-command.js', []],
  ['dist/cli-worker.js', []],
  ['dist/client/extension.js', ['net', 'child_process']],
  ['dist/client/browser.js', []],
];

for (const [bundle, allowed] of BUNDLES) {
  test(`${bundle}: no network module or call`, (t) => {
    const path = join(ROOT, bundle);
    if (!existsSync(path)) return t.skip(`${bundle} is not built here`);
    const code = readFileSync(path, 'utf8');
    const modules = [...new Set([...code.matchAll(NETWORK_MODULES)].map((m) => m[1]!))].sort();
    assert.deepEqual(modules, [...allowed].sort());
    assert.deepEqual([...code.matchAll(NETWORK_CALLS)].map((m) => m[0]), []);
  });
}
