/** The README's rule table is the list users read: it must name every rule with its default severity. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine/index';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the README lists every rule with its default severity and fixability', () => {
  for (const { meta } of allRules) {
    const row = README.split('\n').find((line) => line.startsWith(`| [${meta.id}](docs/rules/${meta.id}.md) |`));
    assert.ok(row, `README has no row for ${meta.id}`);
    const cells = row.split(' | ');
    assert.equal(cells[2], meta.defaultSeverity, `${meta.id}: severity in the README`);
    assert.equal(cells[3] === 'yes', meta.fixable, `${meta.id}: fixable in the README`);
  }
});
