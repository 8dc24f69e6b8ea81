/**
 * Runs dist/server/browser.js the way a browser runs a dedicated worker: in a
 * fresh global scope that has the worker's message port (postMessage,
 * onmessage, addEventListener) and the web platform's timers and text
 * codecs, but no `require`, `process`, `Buffer` or file system. A bundle that
 * reached for Node would fail here with a ReferenceError.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');

const listeners = { message: new Set(), error: new Set() };
const scope = {
  onmessage: null,
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => (listeners[type] ??= new Set()).add(listener),
  removeEventListener: (type, listener) => listeners[type]?.delete(listener),
  close: () => process.exit(0),
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  structuredClone,
  console,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
  performance,
  crypto: globalThis.crypto,
  navigator: { userAgent: 'lessonlint-test-worker', hardwareConcurrency: 1 },
};
scope.self = scope;

parentPort.on('message', (data) => {
  const event = { data };
  if (typeof scope.onmessage === 'function') scope.onmessage(event);
  for (const listener of listeners.message) listener(event);
});

vm.createContext(scope);
vm.runInContext(readFileSync(workerData.bundle, 'utf8'), scope, { filename: workerData.bundle });
