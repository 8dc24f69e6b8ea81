/**
 * Lesson markdown → sanitized HTML for the Lesson Preview. Pure (no `vscode`).
 *
 * Safety, in layers (the webview's CSP is the outer one):
 * - raw HTML in the markdown is dropped, never passed through
 *   (mdast-util-to-hast without `allowDangerousHtml`): suppression comments
 *   and any `<script>` or `<img onerror>` vanish;
 * - the tree is sanitized with GitHub's schema (hast-util-sanitize): no event
 *   handlers, no `javascript:` or other non-web URLs, clobber-safe IDs;
 * - images become their alt text: the preview never loads anything remote.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Larger sections are cut (with a note) so that a pathological lesson cannot stall the preview. */
export const MAX_MARKDOWN_LENGTH = 200_000;

const parser = unified().use(remarkParse).use(remarkGfm);

const schema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** A markdown fragment as sanitized hast nodes, ready to be placed in the preview. */
export function markdownToHast(markdown: string): ElementContent[] {
  const truncated = markdown.length > MAX_MARKDOWN_LENGTH;
  const source = truncated ? markdown.slice(0, MAX_MARKDOWN_LENGTH) : markdown;
  const hast = toHast(parser.parse(source)) as HastRoot;
  // Images are replaced after sanitizing so that the placeholder keeps its class.
  const safe = replaceImages(sanitize(hast, schema) as HastRoot);
  const nodes = safe.children.filter((n): n is ElementContent => n.type !== 'doctype');
  if (truncated) {
    nodes.push({
      type: 'element',
      tagName: 'p',
      properties: { className: ['truncated'] },
      children: [{ type: 'text', value: `(The preview shows the first ${MAX_MARKDOWN_LENGTH.toLocaleString('en')} characters of this section.)` }],
    });
  }
  return nodes;
}

export function markdownToHtml(markdown: string): string {
  return toHtml({ type: 'root', children: markdownToHast(markdown) });
}

/** `<img alt="x">` → `<span class="image-placeholder">[image: x]</span>`, everywhere in the tree. */
function replaceImages<T extends HastRoot | Element>(node: T): T {
  node.children = node.children.map((child: RootContent) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') {
      const alt = typeof child.properties.alt === 'string' && child.properties.alt.trim() ? child.properties.alt.trim() : 'no description';
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: ['image-placeholder'] },
        children: [{ type: 'text', value: `[image: ${alt}]` }],
      } satisfies Element;
    }
    return replaceImages(child);
  }) as T['children'];
  return node;
}
