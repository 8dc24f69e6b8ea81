import { readInlineMetadata } from '../../model/metadata';
import { lessonRule } from '../../rule';
import { contentSpan, nodeSpans } from './analysis';

/**
 * §4: after the metadata come the H2 sections, so text between the metadata
 * and the first H2 belongs to no section (and to no check of any section).
 * Not reported when the lesson has no metadata or no H2 at all: the metadata
 * and section rules report those, and the "preamble" is then most likely
 * the metadata or the whole lesson.
 */
export default lessonRule({
  meta: {
    id: 'section-preamble',
    description: 'Nothing but the metadata stands between the H1 and the first H2 section.',
    defaultSeverity: 'warning',
    fixable: false,
    specSection: '4',
  },
  check({ lesson, report }) {
    const preamble = lesson.preamble;
    const firstSection = lesson.sections[0];
    if (!preamble || !firstSection || (!lesson.metadataSpan && !lesson.frontMatter)) return;
    const spans = nodeSpans(lesson);
    const nodes = lesson.tree.children.filter((node) => {
      const span = spans.of(node);
      return span.start >= preamble.start && span.end <= preamble.end;
    });
    const span = contentSpan(lesson, nodes);
    if (!span) return;
    const first = nodes.find((node) => spans.of(node).start === span.start)!;
    const looksLikeMetadata =
      lesson.metadataSpan && first.type === 'paragraph' && readInlineMetadata(lesson.text, spans.of(first))?.fields.some((f) => f.key);
    report({
      message: looksLikeMetadata
        ? 'These metadata lines are separated from the metadata paragraph by a blank line, so they are not read as metadata; join them to the paragraph above'
        : `Text between the metadata and the first section ('${firstSection.heading.text}') belongs to no section; move it into a section such as 'Core content'`,
      span: looksLikeMetadata ? spans.of(first) : span,
    });
  },
});
