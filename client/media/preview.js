// The Lesson Preview's only script (loaded by nonce). It swaps in new content
// that the extension sends (already sanitized, see client/src/preview/), keeps
// the reader's place (scroll, opened answers, chosen view) across updates,
// and reports each render back so the extension and its tests know the page
// really shows the new model.
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const post = (message) => vscode && vscode.postMessage(message);
  const main = document.getElementById('lesson');
  const state = (vscode && vscode.getState()) || {};

  function setView(view) {
    state.view = view;
    document.body.dataset.view = view;
    for (const button of document.querySelectorAll('nav.views button')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === view));
    }
    if (vscode) vscode.setState(state);
  }

  function rendered(message) {
    const title = main.querySelector('[data-role="title"]');
    post({
      type: 'rendered',
      uri: message.uri,
      version: message.version,
      title: title ? title.textContent : undefined,
      findings: main.querySelectorAll('li.finding').length,
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update') return;
    const sameLesson = document.body.dataset.uri === message.uri;
    const open = sameLesson ? [...main.querySelectorAll('details[open]')].map((d) => d.dataset.key) : [];
    const scroll = window.scrollY;
    main.innerHTML = message.html;
    for (const key of open) {
      const details = main.querySelector(`details[data-key="${CSS.escape(key)}"]`);
      if (details) details.open = true;
    }
    document.body.dataset.uri = message.uri;
    state.uri = message.uri;
    setView(state.view || 'both');
    window.scrollTo(0, sameLesson ? scroll : 0);
    rendered(message);
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const viewButton = target && target.closest('nav.views button');
    if (viewButton) return setView(viewButton.dataset.view);
    const finding = target && target.closest('[data-line]');
    if (finding) post({ type: 'reveal', line: Number(finding.dataset.line), column: Number(finding.dataset.column) });
  });
  document.addEventListener('keydown', (event) => {
    const finding = event.target instanceof Element && event.key === 'Enter' ? event.target.closest('[data-line]') : null;
    if (finding) post({ type: 'reveal', line: Number(finding.dataset.line), column: Number(finding.dataset.column) });
  });

  setView(state.view || 'both');
  post({ type: 'ready' });
})();
