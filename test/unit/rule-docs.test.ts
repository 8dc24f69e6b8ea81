/** Every rule has a docs page that states what the rule's metadata says. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine/index';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

for (const rule of allRules) {
  test(`docs/rules/${rule.meta.id}.md describes the rule as it is`, () => {
    const path = join(DOCS, `${rule.meta.id}.md`);
    assert.ok(existsSync(path), `missing docs page ${path}`);
    const page = readFileSync(path, 'utf8');
    assert.match(page, new RegExp(`^# ${rule.meta.id}\\n`), 'the page starts with "# <rule-id>"');
    assert.match(page, new RegExp(`Default severity: \\*\\*${rule.meta.defaultSeverity}\\*\\*`));
    assert.match(page, new RegExp(`Fixable: \\*\\*${rule.meta.fixable ? 'yes' : 'no'}\\*\\*`));
    assert.match(page, /^## Examples$/m);
  });
}

test('rule IDs are unique kebab-case', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
});
