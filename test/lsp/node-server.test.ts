/** The Node language server bundle (dist/server/node.js), started as a `--stdio` child process. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lspFeatureSuite } from './features';
import { SAMPLE, TestClient, courseFolder } from './harness';

lspFeatureSuite('node');

test('without client file watching, the Node server watches the course folders itself', async () => {
  const folder = courseFolder({ 'lesson-a.md': SAMPLE });
  const client = await TestClient.start('node', { folder: folder.path, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  try {
    assert.ok(!client.registrations.includes('workspace/didChangeWatchedFiles'));
    const a = client.uri('lesson-a.md');
    await client.open(a, SAMPLE);
    await client.diagnostics(a);
    // A lesson with the same ID appears on disk, written by another program.
    folder.write('module-04/lesson-b.md', SAMPLE);
    await client.until(() => (client.pushed.get(a) ?? []).some((d) => d.code === 'course-duplicate-id'), 'the new lesson to be noticed');
  } finally {
    await client.shutdown();
    folder.remove();
  }
});
