/** Turning a run's results into the chosen format, and the files the CLI reads and writes besides lessons. */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { allRules } from '../engine/rules';
import { PROJECT_URL } from '../formats/docs-url';
import { formatGithub, githubStepSummary } from '../formats/github';
import { formatJunit } from '../formats/junit';
import { formatSarif } from '../formats/sarif';
import type { FileResult, FingerprintsByFile, ToolInfo } from '../formats/types';
import { formatJson } from './format/json';
import { formatStylish } from './format/stylish';
import { CliError, type OutputFormat } from './options';

export const TOOL: ToolInfo = { name: 'lessonlint', version, informationUri: PROJECT_URL };

export interface OutputContext {
  colour: boolean;
  /** The folder the reported paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  /** Parallel to each result's messages; SARIF carries them as partialFingerprints. */
  fingerprints?: FingerprintsByFile;
}

export function formatOutput(format: OutputFormat, results: readonly FileResult[], context: OutputContext): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const root = pathToFileURL(context.cwd).href;
      return formatSarif(results, {
        tool: TOOL,
        rules: allRules.map((r) => r.meta),
        ...(context.fingerprints ? { fingerprints: context.fingerprints } : {}),
        srcRootUri: root.endsWith('/') ? root : `${root}/`,
      });
    }
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results, { tool: TOOL });
    case 'stylish':
      return formatStylish(results, context.colour);
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Writes a file the user asked for (creating its folder); `what` names it in the error. */
export async function writeOutput(path: string, text: string, what: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${what} ${path} (${errorCode(error)})`);
  }
}

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} ${path} (${errorCode(error)})`);
  }
}

/**
 * Appends the markdown summary to $GITHUB_STEP_SUMMARY. Findings link to the
 * file at the commit when the run's paths are relative to the checkout (the
 * CLI runs in $GITHUB_WORKSPACE). Returns what went wrong, if anything: the
 * summary is a side channel, not a reason to fail the run.
 */
export async function writeGithubStepSummary(
  summaryPath: string,
  results: readonly FileResult[],
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<string | undefined> {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = env;
  const atCheckout = server && repository && sha && workspace && resolve(workspace) === resolve(cwd);
  const summary = githubStepSummary(results, {
    tool: TOOL,
    rules: allRules.map((r) => r.meta),
    ...(atCheckout ? { blobBaseUrl: `${server}/${repository}/blob/${sha}/` } : {}),
  });
  try {
    await appendFile(summaryPath, summary);
    return undefined;
  } catch (error) {
    return `cannot append the summary to $GITHUB_STEP_SUMMARY (${summaryPath}: ${errorCode(error)})`;
  }
}
