import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { firstListNode, missingListReport, relistFix, sectionByKey } from './shared';

/** §8: the quiz is an ordered list. */
export default lessonRule({
  meta: {
    id: 'quiz-list',
    description: "The Quiz items section holds an ordered list (1., 2., …) of 'Q: … A: …' items.",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '8',
  },
  check({ lesson, report }) {
    const section = sectionByKey(lesson, KNOWN_SECTION_VIEWS.quiz);
    const missing = missingListReport(lesson, section, "The Quiz items section holds no list; expected an ordered list of items ('1. Q: … A: …')");
    if (missing) {
      report(missing);
      return;
    }
    const list = lesson.quizList;
    if (!section || !list || list.ordered) return;
    const fix = relistFix(list, firstListNode(section)!, true);
    report({
      message: 'The quiz items are a bulleted list; expected an ordered list (1., 2., …)',
      span: list.items[0]!.markerSpan,
      ...(fix ? { fix } : {}),
    });
  },
});
