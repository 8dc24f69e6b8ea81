/** The Node language server bundle (dist/server/node.js), started as a `--stdio` child process. */
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { lspFeatureSuite } from './features';
import { SAMPLE, SAMPLE_NAME, TestClient, courseFolder } from './harness';

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

test('symbolic links out of the course folder are never followed: no lesson, no config file from elsewhere', async () => {
  const outside = courseFolder({ 'L4.2.2-elsewhere.md': SAMPLE, 'strict.json': '{ "rules": { "up-next-target": "error" } }\n' });
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
  symlinkSync(join(outside.path, 'L4.2.2-elsewhere.md'), join(folder.path, 'linked-lesson.md'));
  symlinkSync(join(outside.path, 'strict.json'), join(folder.path, '.lessonlint.json'));
  symlinkSync(outside.path, join(folder.path, 'linked-folder'));
  const client = await TestClient.start('node', { folder: folder.path });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    // Even when the client reports the linked paths as changed, they are not read.
    await client.filesChanged([
      { uri: client.uri('linked-lesson.md'), type: 1 },
      { uri: client.uri('linked-folder/L4.2.2-elsewhere.md'), type: 1 },
      { uri: client.uri('.lessonlint.json'), type: 2 },
    ]);
    const version = await client.change(uri, `${SAMPLE}\n`);
    // Followed, the lesson elsewhere would be a duplicate ID and the linked config would make the warning an error.
    assert.deepEqual((await client.diagnostics(uri, version)).map((d) => [d.code, d.severity]), [['up-next-target', 2]]);
    assert.deepEqual((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }))?.map((s) => s.location.uri), [uri]);
  } finally {
    await client.shutdown();
    folder.remove();
    outside.remove();
  }

  // A link that stays inside the folder is followed.
  const inside = courseFolder({ [SAMPLE_NAME]: SAMPLE, 'shared/strict.json': '{ "rules": { "up-next-target": "error" } }\n' });
  symlinkSync(join(inside.path, 'shared', 'strict.json'), join(inside.path, '.lessonlint.json'));
  const control = await TestClient.start('node', { folder: inside.path });
  try {
    const uri = control.uri(SAMPLE_NAME);
    await control.open(uri, SAMPLE);
    assert.deepEqual((await control.diagnostics(uri)).map((d) => [d.code, d.severity]), [['up-next-target', 1]]);
  } finally {
    await control.shutdown();
    inside.remove();
  }
});
