/**
 * Output formats beyond the CLI's own stylish and json: SARIF, GitHub
 * workflow commands (+ step summary) and JUnit XML. Pure string builders:
 * the CLI writes what they return to stdout, --output-file or
 * $GITHUB_STEP_SUMMARY.
 */
export { fileResult, countBySeverity, totalsOf, type FileResult, type FingerprintsByFile, type ToolInfo } from './types';
export { DOCS_BASE_URL, PROJECT_URL, ruleDocsUrl } from './docs-url';
export { formatSarif, toSarifLog, relativeUri, SARIF_SCHEMA_URI, SRCROOT, type SarifOptions } from './sarif';
export { formatGithub, githubCommand, githubStepSummary, escapeData, escapeProperty, type StepSummaryOptions } from './github';
export { formatJunit, CLEAN_TESTCASE } from './junit';
export { escapeMarkdown, markdownLink } from './markdown';
