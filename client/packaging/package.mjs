#!/usr/bin/env node
// `npm run package`: builds lessonlint-<version>.vsix with @vscode/vsce.
//
// vsce is not a devDependency of the project: its optional dependency keytar
// runs prebuild-install at install time, which downloads a binary from GitHub
// (and @vscode/vsce-sign's postinstall fetches a platform package). Packaging
// needs neither. So vsce lives in this folder's own lockfile and is installed
// from the npm registry with --ignore-scripts into .vscode-e2e/vsce/
// (git-ignored), once; later runs reuse it.
//
// vsce runs the `vscode:prepublish` script (the production esbuild bundles)
// and packs what .vscodeignore lets through.
//
// Usage: node client/packaging/package.mjs [--out FILE]   (prints the .vsix path and size)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, `${pkg.name}-${pkg.version}.vsix`));
const toolDir = join(root, '.vscode-e2e', 'vsce');
const MAX_BYTES = 3 * 1024 * 1024;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`package: ${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

// 1. vsce, pinned by client/packaging/package-lock.json; reinstalled only when that lock changes.
const lockSum = createHash('sha256')
  .update(readFileSync(join(here, 'package.json')))
  .update(readFileSync(join(here, 'package-lock.json')))
  .digest('hex');
const stamp = join(toolDir, '.lock-sum');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockSum) {
  mkdirSync(toolDir, { recursive: true });
  copyFileSync(join(here, 'package.json'), join(toolDir, 'package.json'));
  copyFileSync(join(here, 'package-lock.json'), join(toolDir, 'package-lock.json'));
  console.log(`package: installing @vscode/vsce into ${relative(root, toolDir)} (npm ci --ignore-scripts)`);
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir });
  writeFileSync(stamp, lockSum);
}

// 2. vsce package. stdin is closed so that it can never wait for an answer.
const vsce = join(toolDir, 'node_modules', '@vscode', 'vsce', 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const size = statSync(out).size;
console.log(`package: ${relative(root, out)} ${(size / 1024).toFixed(0)} KiB`);
if (size > MAX_BYTES) {
  console.error(`package: the .vsix is larger than ${MAX_BYTES / 1024 / 1024} MiB; check .vscodeignore`);
  process.exit(1);
}
