import type { Text } from '../../model/types';
import { lessonRule } from '../../rule';
import { shown } from '../metadata/fields';

/** Markup and punctuation around a placeholder: `[TODO]`, `*TBD*`, `Untitled.` */
const DECORATION = /[\s*_`[\](){}<>.:;!?\u2026\u2014\u2013-]+/g;

/** First word as written, for `TODO: find a title`. */
const FIRST_WORD = /^[^\p{L}\p{N}]{0,10}([\p{L}\p{N}]{1,40})/u;

/**
 * The placeholder a title is, if any: the whole title equals one (in any case,
 * decoration aside), or it starts with an all-capitals one written in capitals
 * ("TODO: pick a title"; "Title injection" is a title, "TODO" shouts).
 */
export function placeholderIn(title: string, placeholders: readonly string[]): string | undefined {
  const bare = title.replace(DECORATION, ' ').trim().toLowerCase();
  const whole = placeholders.find((p) => p.toLowerCase() === bare);
  if (whole) return whole;
  const first = FIRST_WORD.exec(title)?.[1];
  return placeholders.find((p) => p === first && p.length > 1 && p === p.toUpperCase() && /\p{L}/u.test(p));
}

/** §1: the title is not a placeholder (TODO, TBD, Untitled…). */
export default lessonRule({
  meta: {
    id: 'title-placeholder',
    description: 'The lesson title is not a placeholder such as TODO, TBD or Untitled (template.placeholderTitles).',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '1',
  },
  check({ lesson, template, report }) {
    const titles: Array<{ text: Text; where: string }> = [];
    if (lesson.title?.title) titles.push({ text: lesson.title.title, where: 'The title' });
    const fmTitle = lesson.frontMatter?.fields.find((field) => field.key === 'title');
    if (fmTitle?.value.value) titles.push({ text: fmTitle.value, where: 'The front matter title' });
    for (const { text, where } of titles) {
      const placeholder = placeholderIn(text.value.slice(0, 200), template.placeholderTitles);
      if (!placeholder) continue;
      report({
        message: `${where} '${shown(text.value)}' is a placeholder ('${placeholder}'); expected the lesson's real title`,
        span: text.span,
      });
    }
  },
});
