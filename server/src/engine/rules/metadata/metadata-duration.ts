import { lessonRule } from '../../rule';
import { describeField, fieldsOf, isExactlyWritten, shown } from './fields';

/** `~5 min`, `5 min`, `~4.5 min`. */
const CANONICAL = /^~?(\d{1,6}(?:\.\d{1,3})?) min$/;

/**
 * A duration that is clearly minutes, written loosely: `5min`, `~ 5 min`,
 * `4,5 min`, `≈5 min`, `5 mins`, `5 minutes`, a bare `5`.
 */
const LOOSE = /^([~\u2248]?)\s{0,3}(\d{1,6}(?:[.,]\d{1,3})?)(?:\s{0,3}(m|mins?|minutes?)\.?)?$/i;

/** §2: Duration is `~N min` or `N min`, N a positive number. */
export default lessonRule({
  meta: {
    id: 'metadata-duration',
    description: "The Duration field is '~N min' or 'N min' with N a positive number (decimals allowed).",
    defaultSeverity: 'error',
    fixable: true,
    specSection: '2',
  },
  check({ lesson, report }) {
    for (const field of fieldsOf(lesson, 'duration')) {
      const written = field.value.value;
      // An empty field is metadata-missing-field's finding.
      const exact = CANONICAL.exec(written);
      if (!written || (exact && Number(exact[1]) > 0)) continue;
      const name = describeField(field);
      const loose = written.length <= 40 ? LOOSE.exec(written) : null;
      const minutes = loose ? Number(loose[2]!.replace(',', '.')) : undefined;
      if (minutes === 0) {
        report({ message: `${name} '${shown(written)}' is not a positive number of minutes; expected e.g. '~5 min'`, span: field.value.span });
        continue;
      }
      if (!loose) {
        report({
          message: `${name} '${shown(written)}' is not '~N min' or 'N min' with N a positive number; expected e.g. '~5 min' or '4.5 min'`,
          span: field.value.span,
        });
        continue;
      }
      const canonical = `${loose[1] ? '~' : ''}${loose[2]!.replace(',', '.')} min`;
      // Only spacing, punctuation and case change: a unit spelt out ("minutes") is the author's word to change.
      const unit = loose[3]?.toLowerCase();
      const fixable = (unit === undefined || unit === 'min') && isExactlyWritten(lesson, field.value);
      report({
        message: `${name} '${shown(written)}' is not written as '~N min' or 'N min'; expected '${canonical}'`,
        span: field.value.span,
        ...(fixable ? { fix: { title: `Write '${canonical}'`, edits: [{ span: field.value.span, text: canonical }] } } : {}),
      });
    }
  },
});
