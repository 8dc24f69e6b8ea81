/**
 * The Lesson Preview's HTML, from the server's lesson model. Pure (no
 * `vscode`), so the unit tests render it and load it in a real browser.
 *
 * The page is built as a hast tree and serialized by hast-util-to-html, so
 * every string from the lesson is escaped; only markdown sections go through
 * the sanitizer (./markdown.ts). The document's CSP allows no inline script
 * or style, nothing remote, and scripts only by nonce.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PreviewModel, PreviewSlide, PreviewTag } from '../../../server/src/protocol';
import type { LintMessage } from '../../../server/src/engine/types';
import { markdownToHast } from './markdown';

type Child = ElementContent | string | number | undefined | false | null | Child[];

function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  const content: ElementContent[] = [];
  const add = (child: Child): void => {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) return child.forEach(add);
    content.push(typeof child === 'string' || typeof child === 'number' ? { type: 'text', value: String(child) } : child);
  };
  children.forEach(add);
  return { type: 'element', tagName, properties, children: content };
}

/** Only absolute http(s) URLs become links; anything else stays text. */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function formatMinutes(minutes: number): string {
  return (Math.round(minutes * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s} s`;
}

function section(id: string, title: string, ...content: Child[]): Element {
  return h('section', { id, className: ['block'] }, h('h2', {}, title), ...content);
}

function emptyNote(text: string): Element {
  return h('p', { className: ['empty'] }, text);
}

function tagBadge(tag: PreviewTag): Element {
  const label = tag.canonical ?? tag.raw;
  const known = tag.name !== undefined;
  const details = [tag.framework, tag.edition && `edition ${tag.edition}`, tag.entryType].filter(Boolean).join(' · ');
  const url = safeWebUrl(tag.url);
  const badge = url
    ? h('a', { className: ['badge'], href: url, title: details || undefined }, label)
    : h('span', { className: ['badge'], title: details || undefined }, label);
  return h(
    'li',
    { className: ['tag', known ? 'known' : 'unknown'] },
    badge,
    h('span', { className: ['tag-name'] }, tag.name ?? 'not in the catalog'),
  );
}

function header(model: PreviewModel): Element {
  const facts: Array<[string, string | undefined]> = [
    ['Type', model.type],
    ['Duration', model.duration],
    ['Status', model.status],
    ['Module', model.module],
  ];
  return h(
    'header',
    { className: ['card', 'lesson-header'] },
    h('div', { className: ['lesson-id'] }, model.id ?? 'no lesson ID'),
    h('h1', { dataRole: 'title' }, model.title ?? 'Untitled lesson'),
    h(
      'dl',
      { className: ['facts'] },
      facts.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', value ? {} : { className: ['missing'] }, value ?? 'missing'))),
    ),
    model.tags.length > 0
      ? h('ul', { className: ['tags'], ariaLabel: 'Framework tags' }, model.tags.map(tagBadge))
      : h('p', { className: ['tags', 'empty'] }, 'No framework tags.'),
  );
}

function markdownBlock(markdown: string | undefined, missing: string): Element {
  return markdown && markdown.trim()
    ? h('div', { className: ['markdown'] }, markdownToHast(markdown))
    : emptyNote(missing);
}

function learnerView(model: PreviewModel): Element {
  return h(
    'div',
    { className: ['view', 'learner'] },
    section(
      'objectives',
      'Learning objectives',
      model.objectives.length ? h('ol', {}, model.objectives.map((o) => h('li', {}, o))) : emptyNote('No learning objectives.'),
    ),
    section('core-content', 'Core content', markdownBlock(model.coreContentMarkdown, 'No core content.')),
    section('real-world-example', 'Real-world example', markdownBlock(model.realWorldExampleMarkdown, 'No real-world example.')),
    section(
      'key-terms',
      'Key terms',
      model.keyTerms.length
        ? h('dl', { className: ['key-terms'] }, model.keyTerms.map((t) => [h('dt', {}, t.term), h('dd', {}, t.definition ?? '(no definition)')]))
        : emptyNote('No key terms.'),
    ),
    section(
      'references',
      'References',
      model.references.length
        ? h('ul', { className: ['references'] }, model.references.map(reference))
        : emptyNote('No references.'),
    ),
    section(
      'quiz',
      'Quiz',
      model.quiz.length
        ? h(
            'ol',
            { className: ['quiz'] },
            model.quiz.map((item, i) =>
              h(
                'li',
                { className: ['card', 'quiz-item'] },
                h('p', { className: ['question'] }, item.question ?? '(no question)'),
                // Answers stay hidden until the reader asks: no script needed.
                h('details', { dataKey: `quiz-${i}` }, h('summary', {}, 'Show answer'), h('p', { className: ['answer'] }, item.answer ?? '(no answer)')),
              ),
            ),
          )
        : emptyNote('No quiz items.'),
    ),
  );
}

function reference(ref: PreviewModel['references'][number]): Element {
  const links = ref.urls.map((u) => safeWebUrl(u)).filter((u): u is string => u !== undefined);
  // The citation text usually holds its URL; show it once, as the link.
  let text = ref.text;
  for (const url of ref.urls) {
    // A trailing " —" left where the URL stood goes too (by hand: the regex for it backtracks).
    const rest = text.split(url).join('').trimEnd();
    text = (/[\u2014\u2013-]$/.test(rest) && /\s/.test(rest.at(-2) ?? '') ? rest.slice(0, -1) : rest).trim();
  }
  return h('li', {}, text || undefined, links.length ? [' ', links.map((url, i) => [i ? ' · ' : '', h('a', { href: url }, url)])] : undefined);
}

function timeline(model: PreviewModel): Element {
  const slides = model.slides;
  const longest = Math.max(1, ...slides.map((s) => s.seconds));
  const summary: Child[] = [`${model.totalWords} spoken words`];
  if (model.estimatedMinutes !== undefined) summary.push(` · ~${formatMinutes(model.estimatedMinutes)} min estimated`);
  if (model.declaredMinutes !== undefined) summary.push(` · ~${formatMinutes(model.declaredMinutes)} min declared`);
  if (model.declaredWords !== undefined) summary.push(` · ~${model.declaredWords} words declared`);
  const row = (slide: PreviewSlide, i: number): Element =>
    h(
      'tr',
      {},
      h('td', { className: ['slide-number'] }, slide.number ?? i + 1),
      h('td', { className: ['slide-title'] }, slide.title ?? '(untitled slide)'),
      h('td', { className: ['num'] }, slide.words),
      h(
        'td',
        { className: ['num', 'time'] },
        h('meter', { min: '0', max: String(Math.ceil(longest)), value: String(Math.round(slide.seconds)), title: `${Math.round(slide.seconds)} seconds` }),
        ' ',
        formatSeconds(slide.seconds),
      ),
      h(
        'td',
        { className: ['outline'] },
        slide.outline
          ? [h('strong', {}, slide.outline.title ?? ''), slide.outline.description ? [' — ', slide.outline.description] : undefined]
          : h('span', { className: ['missing'] }, 'no outline item'),
      ),
    );
  return section(
    'video-script',
    'Video script',
    h('p', { className: ['summary'] }, summary),
    slides.length
      ? h(
          'table',
          { className: ['timeline'] },
          h('thead', {}, h('tr', {}, ['#', 'Slide', 'Words', 'Time', 'Slide outline'].map((c) => h('th', {}, c)))),
          h('tbody', {}, slides.map(row)),
        )
      : emptyNote('No slides.'),
  );
}

function findingItem(finding: LintMessage): Element {
  return h(
    'li',
    { className: ['finding', finding.severity], dataLine: finding.line, dataColumn: finding.column, tabIndex: 0, title: 'Show in the editor' },
    h('span', { className: ['severity'] }, finding.severity),
    h('span', { className: ['where'] }, `${finding.line}:${finding.column}`),
    h('span', { className: ['message'] }, finding.message),
    h('code', { className: ['rule'] }, finding.ruleId),
  );
}

function producerView(model: PreviewModel): Element {
  return h(
    'div',
    { className: ['view', 'producer'] },
    timeline(model),
    section(
      'production-notes',
      'Production notes',
      model.productionNotes.length ? h('ul', {}, model.productionNotes.map((n) => h('li', {}, n))) : emptyNote('No production notes.'),
    ),
  );
}

function findings(model: PreviewModel): Element {
  const count = (severity: string, noun: string) => {
    const n = model.findings.filter((f) => f.severity === severity).length;
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  return section(
    'findings',
    'Findings',
    model.findings.length
      ? [
          h('p', { className: ['summary'] }, `${count('error', 'error')} · ${count('warning', 'warning')} · ${count('info', 'note')}`),
          h('ul', { className: ['findings'] }, model.findings.map(findingItem)),
        ]
      : h('p', { className: ['empty', 'clean'] }, 'No findings.'),
  );
}

/** The preview's content for one lesson (what the webview's <main> holds). */
export function renderLessonBody(model: PreviewModel): string {
  if (!model.isLesson) {
    return toHtml(
      h(
        'div',
        { className: ['not-a-lesson'] },
        h('p', {}, 'This file is not a lesson: its first heading is not “# L<module>.<unit>.<lesson> — Title” and it has no front matter id.'),
      ),
    );
  }
  return toHtml({
    type: 'root',
    children: [
      header(model),
      h(
        'nav',
        { className: ['views'], ariaLabel: 'Show' },
        [
          ['both', 'Learner + producer'],
          ['learner', 'Learner'],
          ['producer', 'Producer'],
        ].map(([view, label]) => h('button', { type: 'button', dataView: view }, label!)),
      ),
      learnerView(model),
      producerView(model),
      findings(model),
    ],
  });
}

export interface PreviewDocumentOptions {
  /** The webview's `cspSource` (its resource origin). */
  cspSource: string;
  /** Random per page; the only way a script runs. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Initial content of <main> (renderLessonBody's output, or a status line). */
  body: string;
  /** Shown in the page title. */
  title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** The whole webview page. */
export function renderPreviewDocument(options: PreviewDocumentOptions): string {
  const escape = (text: string) => toHtml({ type: 'text', value: text }, { characterReferences: { useNamedReferences: true } });
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${escape(options.title)}</title>
</head>
<body>
<main id="lesson">${options.body}</main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** 128 random bits, base64 (Web Crypto exists in Node 20 and in browsers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
