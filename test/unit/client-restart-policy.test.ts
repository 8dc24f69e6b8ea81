import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy';

test('a crashed server is restarted and the author is told once', () => {
  const policy = new RestartPolicy(5, 180_000);
  const first = policy.onServerClosed(0);
  assert.equal(first.restart, true);
  assert.match(first.message ?? '', /stopped unexpectedly and was restarted/);
  const second = policy.onServerClosed(1_000);
  assert.deepEqual(second, { restart: true });
});

test('a server that keeps crashing is not restarted forever, and the author is told why', () => {
  const policy = new RestartPolicy(3, 60_000);
  for (let i = 0; i < 3; i++) assert.equal(policy.onServerClosed(i * 1_000).restart, true);
  const gaveUp = policy.onServerClosed(4_000);
  assert.equal(gaveUp.restart, false);
  assert.match(gaveUp.message ?? '', /stopped 4 times in 1 minutes and will not be restarted/);
});

test('crashes spread out over time keep being restarted quietly; a manual restart makes the next crash news', () => {
  const policy = new RestartPolicy(2, 60_000);
  policy.onServerClosed(0);
  for (let minute = 2; minute < 20; minute += 2) assert.deepEqual(policy.onServerClosed(minute * 60_000), { restart: true });
  policy.reset();
  assert.match(policy.onServerClosed(30 * 60_000).message ?? '', /was restarted/);
});
