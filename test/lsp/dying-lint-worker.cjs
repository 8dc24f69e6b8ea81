/**
 * Test-only lint thread for test/unit/lsp-lint-worker.test.ts: says it is
 * ready, then dies on the first job, the way a thread that runs out of
 * memory does.
 */
const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ type: 'ready' });
