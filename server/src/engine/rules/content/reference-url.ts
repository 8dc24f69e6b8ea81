import { lessonRule } from '../../rule';
import { isSchemelessUrl } from '../../model/views/references';
import { checkedUrl, writtenUrl } from './urls';

/**
 * §7: a reference URL is a well-formed web address. No network: only the
 * text is checked. An item without any URL (a search hint) is fine.
 */
export default lessonRule({
  meta: {
    id: 'reference-url',
    description: 'A URL in the References is a well-formed absolute web address (scheme, //, a domain name).',
    defaultSeverity: 'error',
    fixable: true,
    specSection: '7',
  },
  check({ lesson, report }) {
    for (const reference of (lesson.references ?? []).flatMap((item) => item.urls)) {
      const { problem } = checkedUrl(reference);
      if (!problem) continue;
      const written = writtenUrl(reference);
      const span = reference.written?.span ?? reference.span;
      if (problem.kind === 'no-scheme') {
        const hostFirst = isSchemelessUrl(written) && reference.written;
        report({
          message: hostFirst
            ? `Reference URL '${written}' has no scheme; expected 'https://${written}'`
            : `Reference link '${written}' is not an absolute URL; expected a full https:// address`,
          span,
          ...(hostFirst ? { fix: { title: "Insert 'https://'", edits: [{ span: { start: span.start, end: span.start }, text: 'https://' }] } } : {}),
        });
      } else if (problem.kind === 'scheme') {
        report({ message: `Reference URL '${written}' uses '${problem.scheme}'; expected an https:// address`, span });
      } else {
        report({ message: `Reference URL '${written}' is malformed: ${problem.reason}; expected an address such as 'https://example.org/page'`, span });
      }
    }
  },
});
