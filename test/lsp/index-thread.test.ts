/**
 * The Node server's index thread (server/src/lsp/index-thread.ts) reads and
 * parses course headers away from the server's thread. What it answers must
 * be what the server would have found itself, and it must read nothing a
 * symbolic link leads to outside the workspace folders.
 */
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { courseHeader } from '../../server/src/engine/course/header';
import { IndexThread } from '../../server/src/lsp/index-thread';
import { courseFolder, ensureBuilt, NODE_BUNDLE, SAMPLE, SAMPLE_NAME } from './harness';

before(() => ensureBuilt());

const outside = courseFolder({ [SAMPLE_NAME]: SAMPLE });
const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE, 'notes.md': '# Notes\n\nNot a lesson.\n' });
symlinkSync(join(outside.path, SAMPLE_NAME), join(folder.path, 'linked.md'));
after(() => {
  folder.remove();
  outside.remove();
});

test('the index thread answers with the header the server would parse, and "missing" for what it must not or cannot read', async () => {
  const thread = new IndexThread(NODE_BUNDLE, [folder.path]);
  try {
    const lesson = join(folder.path, SAMPLE_NAME);
    const [header, notLesson, tooLarge, missing, linked] = await Promise.all([
      thread.read(lesson, 1_000_000, undefined),
      thread.read(join(folder.path, 'notes.md'), 1_000_000, undefined),
      thread.read(lesson, 100, undefined),
      thread.read(join(folder.path, 'gone.md'), 1_000_000, undefined),
      thread.read(join(folder.path, 'linked.md'), 1_000_000, undefined),
    ]);
    assert.deepEqual(header, { kind: 'header', header: courseHeader(SAMPLE, lesson) });
    assert.equal(header.kind === 'header' && header.header?.id?.value, 'L4.2.2');
    assert.deepEqual(notLesson, { kind: 'header', header: undefined });
    assert.deepEqual(tooLarge, { kind: 'too-large', length: SAMPLE.length });
    assert.deepEqual(missing, { kind: 'missing' });
    // A link to a lesson outside the workspace folders is not read.
    assert.deepEqual(linked, { kind: 'missing' });
  } finally {
    thread.dispose();
  }
});

test('once stopped, the index thread answers every read with a failure instead of leaving it unanswered', async () => {
  const thread = new IndexThread(NODE_BUNDLE, [folder.path]);
  thread.dispose();
  const answer = await thread.read(join(folder.path, SAMPLE_NAME), 1_000_000, undefined);
  assert.equal(answer.kind, 'failed');
});
