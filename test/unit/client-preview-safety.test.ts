/**
 * Preview safety, asserted in a real browser: a lesson full of <script>,
 * <img onerror>, javascript: links and raw HTML is rendered into the preview
 * page exactly as the extension builds it, loaded in Debian's chromium (driven
 * by playwright-core, which never downloads a browser), and:
 *   - no script but the preview's own (nonce) script runs,
 *   - no request leaves the page except for the preview's own stylesheet and script,
 * both with the webview's CSP and without it (the sanitizer alone must hold).
 * A control run with an unsanitized page proves the harness does detect
 * execution and remote requests.
 *
 * Needs chromium (`apt-get install chromium`, done by test/e2e/setup.sh; or
 * CHROMIUM_PATH). Without it the test is skipped locally and fails under CI=true.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderLessonBody, renderPreviewDocument } from '../../client/src/preview/render';
import { HOSTILE_MARKDOWN, hostileModel } from './client-preview-models';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`chromium not found at ${CHROMIUM}: the preview safety test must run in CI (run test/e2e/setup.sh first)`);

const ORIGIN = 'https://preview.test';
const MEDIA = join(__dirname, '..', '..', 'client', 'media');

interface Visit {
  requests: string[];
  /** Every value a lesson script assigned to window.__pwned. */
  pwned: string[];
  dialogs: string[];
  posted: Array<{ type: string; title?: string }>;
}

/** Stubs the webview API and records what the page posts; runs before any page script (CDP, not subject to CSP). */
const INSTRUMENTATION = `
  Object.defineProperty(window, '__pwned', { set: (value) => window.__reportPwned(String(value)) });
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => undefined,
    setState: () => {},
  });
`;

function previewPage(body: string, withCsp: boolean): string {
  const page = renderPreviewDocument({
    cspSource: ORIGIN,
    nonce: 'dGVzdG5vbmNlMTIzNDU2Nw==',
    scriptUri: `${ORIGIN}/media/preview.js`,
    styleUri: `${ORIGIN}/media/preview.css`,
    body,
    title: 'Preview',
  });
  return withCsp ? page : page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
}

async function visit(browser: Browser, html: string, update?: string): Promise<Visit> {
  const context = await browser.newContext();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pwned: string[] = [];
  // A binding survives navigations (a <meta refresh> must not hide an execution).
  await context.exposeFunction('__reportPwned', (value: string) => pwned.push(value));
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html });
    const media = url.startsWith(`${ORIGIN}/media/`) ? url.slice(`${ORIGIN}/media/`.length) : undefined;
    if (media === 'preview.js' || media === 'preview.css') {
      return route.fulfill({ contentType: media.endsWith('.js') ? 'text/javascript' : 'text/css', body: readFileSync(join(MEDIA, media)) });
    }
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(INSTRUMENTATION);
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  if (update !== undefined) {
    // What the extension does on each edit: post new (sanitized) content to the page.
    // (Page code is passed as strings: the project's TypeScript has no DOM types.)
    const message = JSON.stringify({ type: 'update', uri: 'file:///hostile.md', version: 2, html: update });
    await page.evaluate(`window.postMessage(${message}, '*')`);
    await page.waitForFunction(`window.__posted.some((m) => m.type === 'rendered')`);
  }
  await interact(page).catch(() => undefined); // a hostile page may navigate away mid-way
  const posted = await page.evaluate<Visit['posted']>('window.__posted').catch(() => []);
  await context.close();
  return { requests, dialogs, pwned, posted };
}

/** What a reader does: hover and focus everything, open every answer, click every link that has no web URL. */
async function interact(page: Page): Promise<void> {
  // A real link (http) is not clicked: it would navigate, and VS Code opens such links outside the webview.
  await page.evaluate(`
    for (const element of document.querySelectorAll('*')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
        if (type === 'click' && element.closest('a[href^="http"]')) continue;
        element.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
    for (const details of document.querySelectorAll('details')) details.open = true;
  `);
  for (const link of await page.locator('a:not([href^="http"])').all()) await link.click({ timeout: 500, force: true }).catch(() => undefined);
  await page.waitForTimeout(300); // let anything that was scheduled (onerror, ontoggle, timers) run
}

const ownRequests = [`${ORIGIN}/`, `${ORIGIN}/media/preview.css`, `${ORIGIN}/media/preview.js`];

describe('preview safety in chromium', { skip: haveChromium ? false : `chromium not found at ${CHROMIUM}` }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  const hostileBody = renderLessonBody(hostileModel());

  it('runs no lesson script and makes no request, with the webview CSP', async () => {
    const result = await visit(browser, previewPage(hostileBody, true));
    assert.deepEqual(result.pwned, []);
    assert.deepEqual(result.dialogs, []);
    assert.deepEqual([...new Set(result.requests)].sort(), ownRequests);
    assert.equal(result.posted[0]?.type, 'ready', "the preview's own script ran (by nonce)");
    assert.ok(result.posted.some((m) => m.type === 'reveal'), 'and handled clicks on findings');
  });

  it('runs no lesson script and makes no request even without the CSP (the sanitizer alone holds)', async () => {
    const result = await visit(browser, previewPage(hostileBody, false));
    assert.deepEqual(result.pwned, []);
    assert.deepEqual(result.dialogs, []);
    assert.deepEqual([...new Set(result.requests)].sort(), ownRequests);
  });

  it('stays safe when hostile content arrives as a live update', async () => {
    const result = await visit(browser, previewPage('<p class="status">Loading…</p>', true), hostileBody);
    assert.deepEqual(result.pwned, []);
    assert.deepEqual([...new Set(result.requests)].sort(), ownRequests);
    const rendered = result.posted.find((m) => m.type === 'rendered');
    assert.equal(rendered?.title, 'Hostile <img src=x onerror="window.__pwned = \'text img\'">', 'the title is shown as text');
  });

  it('control: the same lesson rendered naively does run script and request remote content', async () => {
    // Raw markdown-ish HTML straight into the page, no sanitizer and no CSP: what the safety layers prevent.
    const naive = `<!DOCTYPE html><html><body>${HOSTILE_MARKDOWN.replace(/\n/g, '<br>')}</body></html>`;
    const result = await visit(browser, naive);
    assert.ok(result.pwned.length > 0, 'the harness detects script execution');
    assert.ok(
      result.requests.some((u) => u.startsWith('https://attacker.example/')),
      `the harness detects remote requests (saw ${result.requests.join(', ')})`,
    );
  });
});
