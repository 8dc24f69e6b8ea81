import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { missingListReport, sectionByKey } from './shared';

/** §7: the references are a list (each item a citation or a pointer). */
export default lessonRule({
  meta: {
    id: 'references-list',
    description: 'The References section holds a list, one citation or pointer per item.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '7',
  },
  check({ lesson, report }) {
    const finding = missingListReport(
      lesson,
      sectionByKey(lesson, KNOWN_SECTION_VIEWS.references),
      "The References section holds no list; expected a list with one citation per item ('- Author, \"Title\" (year) — https://…')",
    );
    if (finding) report(finding);
  },
});
