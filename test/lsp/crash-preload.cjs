/**
 * Test-only: preloaded into the server bundle with `node --require` by
 * robustness.test.ts, to make it fail the way a bug would, from outside the
 * product code. LESSONLINT_TEST_CRASH=throw throws an uncaught exception,
 * =reject leaves a promise rejection unhandled, once the server is running.
 */
const mode = process.env.LESSONLINT_TEST_CRASH;
setTimeout(() => {
  if (mode === 'throw') throw new Error('injected by the test\nsecond line of the message');
  if (mode === 'reject') void Promise.reject(new TypeError('injected rejection'));
}, 300);
