import type { Nodes } from 'mdast';
import type { Lesson } from '../../model/types';
import type { Span, TextEdit } from '../../types';
import { lessonRule, type LessonRuleContext } from '../../rule';
import { analyzeSections, lineBreakOf, type SectionAnalysis, type TemplateSection } from './analysis';

/** §4: every section of the lesson type's template is present. */
export default lessonRule({
  meta: {
    id: 'section-missing',
    description: "Every H2 section of the template for the lesson's type is present.",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '4',
  },
  check(context) {
    const { lesson, template, report } = context;
    const analysis = analyzeSections(lesson, template);
    if (analysis.missing.length === 0) return;
    const eol = lineBreakOf(lesson.text);
    const forType = analysis.lessonType ? ` for ${analysis.lessonType} lessons` : '';

    if (analysis.placed.length === 0) {
      // No template section at all: one finding, not one per section.
      const titles = analysis.template.map((t) => t.title);
      report({
        message: `The lesson has none of the template's sections${forType}; expected ${titles.map((t) => `'${t}'`).join(', ')}, in that order`,
        span: lesson.title?.textSpan ?? { start: 0, end: 0 },
        ...(endsInOpenBlock(lesson)
          ? {}
          : {
              fix: {
                title: 'Insert the section headings at the end',
                edits: [{ span: endOf(lesson.text), text: leadingBreaks(lesson.text, eol) + titles.map((t) => `## ${t}${eol}`).join(eol) }],
              },
            }),
      });
      return;
    }

    for (const missing of analysis.missing) {
      const { previous, next } = neighbours(analysis, missing);
      const where = next
        ? previous
          ? `between '${previous.heading.text}' and '${next.heading.text}'`
          : `before '${next.heading.text}'`
        : `after '${previous!.heading.text}', at the end of the lesson`;
      report({
        message: `Section '${missing.title}' is missing${forType ? ` (template${forType})` : ''}; expected a '## ${missing.title}' heading ${where}`,
        span: (next ?? previous)!.heading.textSpan,
        ...(!next && endsInOpenBlock(lesson)
          ? {}
          : { fix: { title: `Insert '## ${missing.title}' ${where}`, edits: [insertion(context, missing, next?.heading.span, eol)] } }),
      });
    }
  },
});

/** The in-order sections on either side of where a missing section belongs. */
function neighbours(analysis: SectionAnalysis, missing: TemplateSection) {
  let previous;
  let next;
  for (const placed of analysis.inOrder) {
    if (placed.template.index < missing.index) previous = placed.section;
    else if (!next) next = placed.section;
  }
  return { previous, next };
}

/**
 * Inserts the heading alone: the author writes the content (section-empty then
 * says so). Before the next section's heading line, or at the end of the text.
 */
function insertion({ lesson, lines }: LessonRuleContext, missing: TemplateSection, before: Span | undefined, eol: string): TextEdit {
  const heading = `## ${missing.title}${eol}`;
  if (before) {
    const at = lines.lineStart(lines.position(before.start).line);
    return { span: { start: at, end: at }, text: heading + eol };
  }
  return { span: endOf(lesson.text), text: leadingBreaks(lesson.text, eol) + heading };
}

/**
 * Whether the lesson ends inside an unclosed HTML comment or code fence: a
 * heading appended at the end would become part of it, so no fix is offered.
 */
function endsInOpenBlock(lesson: Lesson): boolean {
  // The innermost last block: an HTML block can end a list item or a quote.
  let last: Nodes | undefined = lesson.tree.children.at(-1);
  while (last && last.type !== 'html' && last.type !== 'code' && 'children' in last && last.children.length > 0) {
    last = last.children.at(-1) as Nodes;
  }
  if (!last?.position || (last.type !== 'html' && last.type !== 'code')) return false;
  const bom = lesson.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = lesson.text.slice(last.position.start.offset! + bom, last.position.end.offset! + bom).trimEnd();
  if (last.type === 'html') return htmlBlockIsOpen(source.trimStart().toLowerCase());
  const fence = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(source);
  if (!fence) return false;
  const lines = source.split(/\r\n|\r|\n/);
  return lines.length < 2 || !lines[lines.length - 1]!.trim().startsWith(fence[1]!);
}

/**
 * Whether an HTML block (CommonMark kinds 1–5) lacks its closing marker, so
 * that it runs on to the end of the text.
 */
function htmlBlockIsOpen(html: string): boolean {
  const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(html);
  if (raw) return !html.includes(`</${raw[1]}>`);
  if (html.startsWith('<!--')) return !html.includes('-->', 4);
  if (html.startsWith('<?')) return !html.includes('?>', 2);
  if (html.startsWith('<![cdata[')) return !html.includes(']]>');
  if (html.startsWith('<!')) return !html.includes('>', 2);
  return false;
}

function endOf(text: string): Span {
  return { start: text.length, end: text.length };
}

/** Line breaks that put the inserted text after a blank line. */
function leadingBreaks(text: string, eol: string): string {
  if (text.endsWith(eol + eol) || text.length === 0) return '';
  return text.endsWith(eol) ? eol : eol + eol;
}
