import { readList } from '../../model/lists';
import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { nodeSpans } from '../sections/analysis';
import { firstListNode, missingListReport, relistFix, sectionByKey } from './shared';

/** §6: the key terms are a bulleted list. */
export default lessonRule({
  meta: {
    id: 'key-terms-list',
    description: "The Key terms section holds a bulleted list of 'Term — definition' items.",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '6',
  },
  check({ lesson, report }) {
    const section = sectionByKey(lesson, KNOWN_SECTION_VIEWS.keyTerms);
    const missing = missingListReport(lesson, section, "The Key terms section holds no list; expected a bulleted list of 'Term — definition' items");
    if (missing) {
      report(missing);
      return;
    }
    const node = section && firstListNode(section);
    if (!node?.ordered) return;
    const list = readList(node, nodeSpans(lesson));
    const fix = relistFix(list, node, false);
    report({
      message: "The key terms are a numbered list; expected a bulleted list ('- Term — definition')",
      span: list.items[0]!.markerSpan,
      ...(fix ? { fix } : {}),
    });
  },
});
