import { lessonRule } from '../../rule';

/** §9: every spoken word belongs to a slide, so the script opens with its first marker. */
export default lessonRule({
  meta: {
    id: 'narration-before-first-slide',
    description: 'The video script starts with a slide marker: no narration comes before `[SLIDE 1 — Title]`.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '9',
  },
  check({ lesson, report }) {
    const script = lesson.videoScript;
    if (!script?.preamble) return;
    const one = script.preamble.words === 1;
    const words = `${script.preamble.words} word${one ? '' : 's'}`;
    const first = script.slides[0];
    report({
      message: first
        ? `${words} of narration ${one ? 'comes' : 'come'} before the first slide marker '${first.raw}'; expected the script to open with the marker, and the narration to follow it`
        : `The video script has ${words} of narration but no slide marker; expected '[SLIDE 1 — Title]' lines, each followed by its narration`,
      // Without any marker the whole script is "preamble": the finding is about the section, so it sits on its heading.
      span: first ? script.preamble.span : script.section.heading.textSpan,
    });
  },
});
