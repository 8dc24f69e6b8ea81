import { lessonRule } from '../../rule';
import { analyzeTags, editableSpan, quoted } from './analyze';

/** §3: a tag that is clearly one of ours but not spelled canonically (`LLM3`, `owasp llm03`, `AML.T0049`). */
export default lessonRule({
  meta: {
    id: 'tag-malformed',
    description: 'A framework tag is spelled canonically ("OWASP LLM03", "MITRE ATLAS AML.T0049"), not "LLM3", "OWASP-LLM03" or a bare "AML.T0049".',
    defaultSeverity: 'warning',
    fixable: true,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    for (const tag of analyzeTags(lesson, template)) {
      if (tag.parse.kind !== 'fixable' || tag.duplicateOf) continue;
      const canonical = tag.parse.tag.canonical;
      const span = editableSpan(lesson.text, tag.ref);
      report({
        message: `Framework tag ${quoted(tag.ref.raw)} is not spelled canonically (${tag.parse.reason}); expected '${canonical}'`,
        span: tag.ref.span,
        ...(span ? { fix: { title: `Write '${canonical}'`, edits: [{ span, text: canonical }] } } : {}),
      });
    }
  },
});
