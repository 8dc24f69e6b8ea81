/** Debouncing edits: a burst is linted once; a waiting request can be cancelled. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { EditScheduler } from '../../server/src/lsp/scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a burst of edits settles once, after the quiet period', async () => {
  const settled: string[] = [];
  const scheduler = new EditScheduler(30, (uri) => settled.push(uri));
  for (let i = 0; i < 5; i++) {
    scheduler.changed('a');
    await sleep(5);
  }
  assert.deepEqual(settled, []);
  assert.equal(await scheduler.settled('a'), true);
  assert.deepEqual(settled, ['a']);
  assert.equal(await scheduler.settled('a'), true, 'nothing pending: at once');
});

test('a cancelled wait resolves false; closing drops the pending lint', async () => {
  const settled: string[] = [];
  const scheduler = new EditScheduler(1000, (uri) => settled.push(uri));
  scheduler.changed('a');
  const source = new CancellationTokenSource();
  const waiting = scheduler.settled('a', source.token);
  source.cancel();
  assert.equal(await waiting, false);
  const second = scheduler.settled('a');
  scheduler.closed('a');
  assert.equal(await second, false);
  assert.deepEqual(settled, []);
});

test('dirty means edited since opened or saved', () => {
  const scheduler = new EditScheduler(10, () => {});
  scheduler.opened('a', 1);
  assert.equal(scheduler.isDirty('a', 1), false);
  assert.equal(scheduler.isDirty('a', 2), true);
  scheduler.saved('a', 2);
  assert.equal(scheduler.isDirty('a', 2), false);
});

test('without a quiet period an edit settles once the current turn is done; edits in the same turn settle once', async () => {
  const settled: string[] = [];
  const scheduler = new EditScheduler(0, (uri) => settled.push(uri));
  scheduler.changed('a');
  scheduler.changed('a');
  scheduler.changed('b');
  assert.deepEqual(settled, [], 'not while the edit is being handled');
  assert.equal(await scheduler.settled('a'), true);
  assert.equal(await scheduler.settled('b'), true);
  assert.deepEqual(settled, ['a', 'b']);
});

test('without a quiet period, closing before the edit settles drops its lint', async () => {
  const settled: string[] = [];
  const scheduler = new EditScheduler(0, (uri) => settled.push(uri));
  scheduler.changed('a');
  const waiting = scheduler.settled('a');
  scheduler.closed('a');
  assert.equal(await waiting, false);
  await sleep(5);
  assert.deepEqual(settled, []);
});
