import { lessonRule } from '../../rule';
import { analyzeTags, quoted } from './analyze';

const EXPECTED = 'expected OWASP LLMnn, OWASP MLnn, OWASP ASInn or MITRE ATLAS AML.…';

/**
 * The parser's reason when it says more than "not a tag" (e.g. "OWASP IDs
 * have two digits"); its generic reasons repeat the examples that EXPECTED
 * already gives.
 */
function specificReason(reason: string): string | undefined {
  const head = reason.split('; expected')[0]!.trim();
  if (head === '' || head.startsWith('expected') || head === 'not a known framework tag') return undefined;
  return head;
}

/** §3: a tag that is no framework Lessonlint knows ("NIST 800-53", "CWE-79"). */
export default lessonRule({
  meta: {
    id: 'tag-unrecognized',
    description: 'Every framework tag names OWASP LLM, OWASP ML, OWASP Agentic (ASI) or MITRE ATLAS.',
    defaultSeverity: 'error',
    fixable: false,
    specSection: '3',
  },
  check({ lesson, template, report }) {
    for (const tag of analyzeTags(lesson, template)) {
      if (tag.parse.kind !== 'unrecognized' || tag.duplicateOf) continue;
      const reason = specificReason(tag.parse.reason);
      report({
        message: `${quoted(tag.ref.raw)} is not a framework tag Lessonlint knows (${EXPECTED})${reason ? `: ${reason}` : ''}`,
        span: tag.ref.span,
      });
    }
  },
});
