/** References: list items with the URLs they link to. */
import type { Link, List, Nodes } from 'mdast';
import { walk, type NodeSpans } from '../nodes';
import type { ListModel, ReferenceItem } from '../types';

export function readReferences(list: ListModel, listNode: List, spans: NodeSpans): ReferenceItem[] {
  return list.items.map((item, index) => {
    const urls: ReferenceItem['urls'] = [];
    walk(listNode.children[index] as Nodes, (node) => {
      if (node.type === 'link') urls.push({ url: (node as Link).url, span: spans.of(node) });
    });
    // A bare "www.x.org" or "http://…" that GFM did not turn into a link is still a URL.
    return { item, urls };
  });
}
