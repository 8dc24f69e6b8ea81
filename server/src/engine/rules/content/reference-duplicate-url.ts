import { lessonRule } from '../../rule';
import { checkedUrl, trimmedPath, writtenUrl } from './urls';

/**
 * The same address twice, compared without regard to scheme (http/https),
 * a "www." prefix, a trailing slash or a #fragment.
 */
function sameAddressKey(url: URL): string {
  const host = url.hostname.toLowerCase();
  return (host.startsWith('www.') ? host.slice(4) : host) + trimmedPath(url) + url.search;
}

/** §7: each URL is cited once. */
export default lessonRule({
  meta: {
    id: 'reference-duplicate-url',
    description: 'The same URL is not given twice in the References.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '7',
  },
  check({ lesson, lines, report }) {
    const seen = new Map<string, number>();
    for (const reference of (lesson.references ?? []).flatMap((item) => item.urls)) {
      const { url } = checkedUrl(reference);
      if (!url) continue;
      const key = sameAddressKey(url);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, reference.span.start);
        continue;
      }
      report({
        message: `Reference URL '${writtenUrl(reference)}' is given again (first on line ${lines.position(first).line}); expected each source once`,
        span: reference.written?.span ?? reference.span,
      });
    }
  },
});
