/** Configuration in the language server: per-folder cache, broken files, the last good configuration. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_CONFIG_LENGTH } from '../../server/src/config/index';
import { ConfigStore } from '../../server/src/lsp/config-store';

function host(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    files,
    reads,
    readFile: async (path: string) => {
      reads.push(path);
      return files[path];
    },
  };
}

test('the nearest config file applies; folders are looked up once per generation', async () => {
  const fs = host({ '/course/.lessonlint.json': '{ "rules": { "title-separator": "error" } }' });
  const store = new ConfigStore(fs, assert.fail);
  const loaded = await store.configFor('/course/module-04/a.md', '/course');
  assert.equal(loaded.config.rules.get('title-separator')?.severity, 'error');
  assert.deepEqual(loaded.files, ['/course/.lessonlint.json']);
  const reads = fs.reads.length;
  assert.equal(await store.configFor('/course/module-04/b.md', '/course'), loaded);
  assert.equal(fs.reads.length, reads, 'cached');
  assert.ok(!fs.reads.some((p) => !p.startsWith('/course/')), 'never looks above the workspace folder');
});

test('a broken config file is a problem at its line; the folder keeps its last good configuration', async () => {
  const fs = host({ '/course/.lessonlint.json': '{ "rules": { "title-separator": "error" } }' });
  const store = new ConfigStore(fs, assert.fail);
  const good = await store.configFor('/course/a.md', '/course');

  fs.files['/course/.lessonlint.json'] = '{\n  "rules": { "title-separator": "eror" }\n}';
  store.invalidate();
  const kept = await store.configFor('/course/a.md', '/course');
  assert.equal(kept, good);
  const problem = store.problems.get('/course/.lessonlint.json');
  assert.equal(problem?.line, 2);
  assert.match(problem!.message, /title-separator/);

  fs.files['/course/.lessonlint.json'] = '{ "rules": { "title-separator": "info" } }';
  store.invalidate();
  assert.equal((await store.configFor('/course/a.md', '/course')).config.rules.get('title-separator')?.severity, 'info');
  assert.equal(store.problems.size, 0);
});

test('a document outside the course, or a folder without config, gets the defaults', async () => {
  const store = new ConfigStore(host({}), assert.fail);
  assert.equal((await store.configFor(undefined, undefined)).key, '');
  const loaded = await store.configFor('/course/a.md', '/course');
  assert.deepEqual(loaded.files, []);
  assert.equal(loaded.config.rules.get('title-separator')?.severity, 'warning');
});

test('which changes matter: config file names, and files named in extends', async () => {
  const fs = host({ '/course/.lessonlint.json': '{ "extends": "./shared/base.jsonc" }', '/course/shared/base.jsonc': '{}' });
  const store = new ConfigStore(fs, assert.fail);
  await store.configFor('/course/a.md', '/course');
  assert.ok(store.affects('/elsewhere/.lessonlint.yaml'));
  assert.ok(store.affects('/course/shared/base.jsonc'));
  assert.ok(!store.affects('/course/package.json'));
});

test('a config file over the size limit is a problem, never parsed; the last good configuration stays', async () => {
  const fs = host({ '/course/.lessonlint.json': '{ "rules": { "title-separator": "error" } }' });
  const store = new ConfigStore(fs, assert.fail);
  const good = await store.configFor('/course/a.md', '/course');
  // Valid JSON, about 340 KB of ignores: a real config is a few KB.
  fs.files['/course/.lessonlint.json'] = JSON.stringify({ ignores: Array.from({ length: 20_000 }, (_, i) => `drafts-${i}/**`) });
  assert.ok(fs.files['/course/.lessonlint.json']!.length > MAX_CONFIG_LENGTH);
  store.invalidate();
  assert.equal(await store.configFor('/course/a.md', '/course'), good);
  const problem = store.problems.get('/course/.lessonlint.json');
  assert.match(problem!.message, /^the config file is too large to read \(\d+ KB; a config file may have at most 256 KB\)$/);
  assert.equal(problem!.line, undefined, 'about the whole file');
});
