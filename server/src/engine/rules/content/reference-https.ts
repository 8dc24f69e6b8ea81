import { lessonRule } from '../../rule';
import { checkedUrl, writtenUrl } from './urls';

/**
 * §7: reference URLs use https. Only a scheme-less `www.` address gets a fix
 * (inserting `https://`, which keeps every character written); an `http://`
 * URL is left for the author to change.
 */
export default lessonRule({
  meta: {
    id: 'reference-https',
    description: 'A URL in the References uses https, not http.',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '7',
  },
  check({ lesson, report }) {
    for (const reference of (lesson.references ?? []).flatMap((item) => item.urls)) {
      if (checkedUrl(reference).url?.protocol !== 'http:') continue;
      const written = reference.written;
      const secure = 'https' + reference.url.slice(4);
      if (written && /^www\./i.test(written.value)) {
        // A GFM literal such as "www.example.org" links to http://www.example.org.
        report({
          message: `Reference URL '${written.value}' has no scheme and links over http; expected '${secure}'`,
          span: written.span,
          fix: { title: "Insert 'https://'", edits: [{ span: { start: written.span.start, end: written.span.start }, text: 'https://' }] },
        });
      } else {
        // No fix: it would rewrite the author's text, and offline nothing tells whether the site serves the page over https.
        report({ message: `Reference URL '${writtenUrl(reference)}' uses http; expected https ('${secure}')`, span: written?.span ?? reference.span });
      }
    }
  },
});
