/** `<!-- lessonlint-disable … -->` comments, in the manner of markdownlint. */
import type { Html, Root } from 'mdast';
import { walk, type NodeSpans } from './nodes';
import type { Suppression, SuppressionKind, Text } from './types';

// The kind must end at white space or the comment's end, so `lessonlint-disable-line x` (a markdownlint
// directive Lessonlint does not have) is not misread as `disable` of the rules "-line" and "x" to the end of the file.
const DIRECTIVE = /<!--\s*lessonlint-(disable-next-line|disable|enable)(?=\s|-->)/g;

export function readSuppressions(tree: Root, spans: NodeSpans): Suppression[] {
  const suppressions: Suppression[] = [];
  walk(tree, (node) => {
    if (node.type !== 'html') return;
    const html = node as Html;
    const base = spans.of(html).start;
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(html.value); match; match = DIRECTIVE.exec(html.value)) {
      const close = html.value.indexOf('-->', match.index + match[0].length);
      if (close < 0) break;
      const argsStart = match.index + match[0].length;
      const rules: Text[] = [];
      const args = html.value.slice(argsStart, close);
      for (const name of args.matchAll(/[^\s,]+/g)) {
        const at = base + argsStart + name.index!;
        rules.push({ value: name[0], span: { start: at, end: at + name[0].length } });
      }
      suppressions.push({
        kind: match[1] as SuppressionKind,
        rules,
        span: { start: base + match.index, end: base + close + 3 },
      });
      DIRECTIVE.lastIndex = close + 3;
    }
  });
  return suppressions.sort((a, b) => a.span.start - b.span.start);
}
