/**
 * Markdown to mdast: CommonMark + GFM + YAML front matter, parsed with
 * unified + remark-parse and the extensions remark-gfm and remark-frontmatter
 * add, for less than half the CPU time of `.use(remarkGfm)`.
 *
 * The GFM syntax extensions cost more than CommonMark itself (on the sample
 * lesson, remark-gfm took the parse from 1× to 2.2× plain remark-parse; see
 * docs/performance.md), mostly because they are tried everywhere: the email
 * autolink at the start of every word, the table at the start of every
 * paragraph line, the autolink transform over every text node. A construct
 * cannot match a text that lacks the characters it starts with, and a failed
 * attempt leaves no trace in the tree, so each extension is only switched on
 * for a text that holds them: the tree is the same, node for node and
 * position for position (test/unit/markdown-parse.test.ts compares the two
 * over the repository's markdown and random texts).
 */
import type { Nodes, Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** Character codes of 'H', 'h', 'W' and 'w', where the protocol and www constructs start. */
const H_CODES = [72, 104];
const W_CODES = [87, 119];

/**
 * The three literal autolink constructs (email, `http(s)://`, `www.`), taken
 * apart so that each is registered only when it can match. The extension
 * registers the email construct on every word character, and on h/H and w/W
 * before the protocol and www constructs.
 */
interface LiteralConstructs {
  all: ConstructRecord;
  email: Construct;
  protocol: Construct;
  www: Construct;
}

function literalConstructs(): LiteralConstructs | undefined {
  const all = gfmAutolinkLiteral().text!;
  const [email, protocol] = (all[H_CODES[1]!] ?? []) as Construct[];
  const [emailAgain, www] = (all[W_CODES[1]!] ?? []) as Construct[];
  // Another layout (a new version of the extension): no picking, the whole extension every time.
  if (!email || !protocol || !www || email !== emailAgain || all[48] !== email) return undefined;
  return { all, email, protocol, www };
}

const literal = literalConstructs();

function autolinkSyntax(withEmail: boolean, withProtocol: boolean, withWww: boolean): Extension | undefined {
  if (!withEmail && !withProtocol && !withWww) return undefined;
  if (!literal) return gfmAutolinkLiteral();
  const text: ConstructRecord = withEmail ? { ...literal.all } : {};
  const register = (codes: number[], construct: Construct, wanted: boolean) => {
    // The extension's order: the email construct first, then the protocol or www one.
    const list = [...(withEmail ? [literal.email] : []), ...(wanted ? [construct] : [])];
    for (const code of codes) {
      if (list.length > 0) text[code] = list;
      else delete text[code];
    }
  };
  register(H_CODES, literal.protocol, withProtocol);
  register(W_CODES, literal.www, withWww);
  return { text };
}

const autolinkFromMarkdown = gfmAutolinkLiteralFromMarkdown();
const transformLiterals = autolinkFromMarkdown.transforms![0]!;

/**
 * Characters without which a block's text nodes cannot hold a literal the
 * transform links: `@` (emails), `://` and `www` (URLs), and `&` and `\`,
 * through which a character reference or an escape can spell any of them.
 */
const LITERAL_HINT = /[@&\\]|:\/\/|www/i;

/**
 * The autolink transform, which remark runs over every text node of the tree,
 * run only on the blocks whose source can hold a literal. Each text node is
 * handled on its own, so running it block by block gives the same tree; it is
 * the only transform of these extensions, so running it after the others
 * changes nothing either.
 */
function linkLiterals(tree: Root, text: string): void {
  // micromark drops one leading BOM and counts offsets without it.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const child of tree.children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined || LITERAL_HINT.test(source.slice(start, end))) transformLiterals(child as Nodes as Root);
  }
}

/** What remark-gfm and remark-frontmatter give remark-parse to build nodes from tokens; the literal transform is run apart. */
const FROM_MARKDOWN = [
  { ...autolinkFromMarkdown, transforms: [] },
  gfmFootnoteFromMarkdown(),
  gfmStrikethroughFromMarkdown(),
  gfmTableFromMarkdown(),
  gfmTaskListItemFromMarkdown(),
  frontmatterFromMarkdown(['yaml']),
];

/**
 * A table needs a `|` or an aligned delimiter cell (`:-`, `-:`) in its
 * delimiter row; a task list item `[ ]` or `[x]`; a footnote `[^`.
 */
const TABLE_HINT = /\||:-|-:/;
const TASK_HINT = /\[[ \t\r\nxX]\]/;

/** The syntax extensions a text can use, in remark-gfm's order, front matter last as remark-frontmatter comes after it. */
function syntaxFor(text: string): { key: string; extensions: () => Extension[] } {
  const email = text.includes('@');
  const protocol = /https?:\/\//i.test(text);
  const www = /www\./i.test(text);
  const footnote = text.includes('[^');
  const strikethrough = text.includes('~');
  const table = TABLE_HINT.test(text);
  const task = TASK_HINT.test(text);
  const flags = [email, protocol, www, footnote, strikethrough, table, task];
  return {
    key: flags.map((on) => (on ? '1' : '0')).join(''),
    extensions: () => {
      const autolinks = autolinkSyntax(email, protocol, www);
      return [
        ...(autolinks ? [autolinks] : []),
        ...(footnote ? [gfmFootnote()] : []),
        ...(strikethrough ? [gfmStrikethrough()] : []),
        ...(table ? [gfmTable()] : []),
        ...(task ? [gfmTaskListItem()] : []),
        frontmatter(['yaml']),
      ];
    },
  };
}

/** One remark processor per set of extensions (at most 2⁷), made on first use. */
const processors = new Map<string, Processor<Root>>();

export function parseMarkdown(text: string): Root {
  const syntax = syntaxFor(text);
  let processor = processors.get(syntax.key);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .data('micromarkExtensions', syntax.extensions())
      .data('fromMarkdownExtensions', FROM_MARKDOWN)
      .freeze();
    processors.set(syntax.key, processor);
  }
  const tree = processor.parse(text) as Root;
  linkLiterals(tree, text);
  return tree;
}
