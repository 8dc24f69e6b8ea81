/**
 * Where each rule's documentation page is published. The one place that
 * knows the URL: SARIF `helpUri`, the GitHub step summary, the reports (and,
 * through this module, the language server's code descriptions) link to it.
 */
export const DOCS_BASE_URL = 'https://github.com/lessonlint/lessonlint/blob/main/docs/rules/';

/** Project home page, for SARIF `informationUri` and report footers. */
export const PROJECT_URL = 'https://github.com/lessonlint/lessonlint';

/** The docs page of a rule: docs/rules/<id>.md. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}
