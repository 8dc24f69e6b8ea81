import { sectionsFor } from '../../config/template';
import { sectionKeyTitle } from '../../model/parse';
import { normalizeTitle } from '../../model/text';
import { lessonRule } from '../../rule';
import { fieldsOf, lineOf, shown } from '../metadata/fields';

/** §1: a lesson has one H1, its title; sections are H2s. */
export default lessonRule({
  meta: {
    id: 'title-multiple-h1',
    description: 'A lesson has one H1 (its title); other headings are H2 or lower.',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '1',
  },
  check(context) {
    const { lesson, template, report } = context;
    // With no title, the first stray H1 is title-missing's finding.
    const extra = lesson.title ? lesson.extraTitles : lesson.extraTitles.slice(1);
    const firstH1 = lesson.title ?? lesson.extraTitles[0];
    if (!firstH1) return;
    const type = fieldsOf(lesson, 'type')[0]?.value.value;
    const sectionTitles = new Set(sectionsFor(template, type).map((title) => sectionKeyTitle(normalizeTitle(title))));
    for (const heading of extra) {
      // An H1 named like a template section is a section with one '#' too few.
      const isSection = sectionTitles.has(sectionKeyTitle(normalizeTitle(heading.text)));
      const atx = lesson.text[heading.span.start] === '#';
      report({
        message:
          `Another H1 '${shown(heading.text)}' after the title (line ${lineOf(context, firstH1.span)}); ` +
          `expected one H1 per lesson${isSection ? `, and '## ${shown(heading.text)}' for a section` : ' (use ## or ### for sections)'}`,
        span: heading.span,
        ...(isSection && atx
          ? { fix: { title: 'Make it an H2 section heading', edits: [{ span: { start: heading.span.start, end: heading.span.start }, text: '#' }] } }
          : {}),
      });
    }
  },
});
