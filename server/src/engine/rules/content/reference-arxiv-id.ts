import { lessonRule } from '../../rule';
import { arxivIdOf, checkedUrl, isArxivUrl, isValidArxivId, writtenUrl } from './urls';

const EXPECTED = "expected e.g. 'https://arxiv.org/abs/2401.05566' (YYMM.NNNNN, optionally with a version such as v2) or an old-style ID such as 'hep-th/9901001'";

/** §7: an arXiv link carries a valid arXiv identifier (checked offline, by its form). */
export default lessonRule({
  meta: {
    id: 'reference-arxiv-id',
    description: 'An arxiv.org link in the References points to a paper by a valid arXiv identifier (2401.05566, 2401.05566v2, hep-th/9901001).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '7',
  },
  check({ lesson, report }) {
    for (const reference of (lesson.references ?? []).flatMap((item) => item.urls)) {
      const { url } = checkedUrl(reference);
      if (!url || !isArxivUrl(url)) continue;
      const id = arxivIdOf(url);
      if (id !== undefined && isValidArxivId(id)) continue;
      const written = writtenUrl(reference);
      report({
        message: id
          ? `arXiv link '${written}' carries '${id}', which is not a valid arXiv identifier; ${EXPECTED}`
          : `arXiv link '${written}' does not point to a paper (/abs/<id>); ${EXPECTED}`,
        span: reference.written?.span ?? reference.span,
      });
    }
  },
});
