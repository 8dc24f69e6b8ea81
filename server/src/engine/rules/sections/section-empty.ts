import type { Template } from '../../config/template';
import { KNOWN_SECTION_VIEWS } from '../../model/parse';
import { lessonRule } from '../../rule';
import { analyzeSections, isContentNode } from './analysis';

/** What each section of the default template holds, for the message. */
function expectedContent(key: string, template: Template): string {
  switch (key) {
    case KNOWN_SECTION_VIEWS.objectives:
      return `an ordered list of ${template.objectives.min} to ${template.objectives.max} objectives`;
    case KNOWN_SECTION_VIEWS.keyTerms:
      return "a bulleted list of 'Term — definition' items";
    case KNOWN_SECTION_VIEWS.references:
      return 'a list of citations with their URLs';
    case KNOWN_SECTION_VIEWS.quiz:
      return `an ordered list of ${template.quiz.min} to ${template.quiz.max} 'Q: … A: …' items`;
    case KNOWN_SECTION_VIEWS.videoScript:
      return "'[SLIDE n — Title]' markers, each followed by its narration";
    case KNOWN_SECTION_VIEWS.outline:
      return "an ordered list with one 'Title — what the slide shows' item per slide";
    case KNOWN_SECTION_VIEWS.productionNotes:
      return "a list with the 'Recording: ~X min. Cap Y.' line";
    default:
      return 'text under the heading';
  }
}

/**
 * §4: a template section has content. Headings alone are not content (an H3
 * with text under it is), nor are HTML comments such as lessonlint directives.
 */
export default lessonRule({
  meta: {
    id: 'section-empty',
    description: 'A template section is not empty: it holds more than headings and comments.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '4',
  },
  check({ lesson, template, report }) {
    const analysis = analyzeSections(lesson, template);
    const unknown = new Set(analysis.unknown.map((u) => u.section));
    for (const { section, template: templateSection } of analysis.placed) {
      // A near-miss heading is reported by section-unknown; one finding per heading.
      if (unknown.has(section) || section.nodes.some(isContentNode)) continue;
      const subsections = section.subsections.length > 0 ? ' (its sub-headings have nothing under them)' : '';
      report({
        message: `Section '${section.heading.text}' is empty${subsections}; expected ${expectedContent(templateSection.key, template)}`,
        span: section.heading.textSpan,
      });
    }
  },
});
