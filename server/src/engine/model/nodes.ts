/** Helpers over mdast nodes: spans (with the BOM offset restored) and walking. */
import type { Nodes, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Span } from '../types';

/**
 * micromark drops a leading BOM before it counts offsets, so every node offset
 * is shifted by the BOM's length; `base` puts it back.
 */
export class NodeSpans {
  constructor(
    readonly text: string,
    readonly base: number,
  ) {}

  of(node: Nodes): Span {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    return { start: start + this.base, end: end + this.base };
  }

  /** Span of a parent's content: first child start to last child end (empty at the node start). */
  ofChildren(node: Parent): Span {
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (!first || !last) {
      const own = this.of(node as Nodes);
      return { start: own.end, end: own.end };
    }
    return { start: this.of(first).start, end: this.of(last).end };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

export function plainText(node: Nodes): string {
  return toString(node, { includeHtml: false });
}

/**
 * Visits every node depth first without recursion, so a 10,000-deep
 * blockquote cannot overflow the stack.
 */
export function walk(root: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}
