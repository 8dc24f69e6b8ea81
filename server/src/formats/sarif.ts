/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF
 * viewers read it. One run; `tool.driver.rules` lists every rule (also those
 * without findings, so that viewers can show the rule set), results point at
 * relative URIs under the `%SRCROOT%` base. Lint columns are 1-based UTF-16
 * code units with an exclusive end, which is SARIF's default `columnKind`
 * ("utf16CodeUnits") and region convention, so they carry over unchanged.
 */
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../engine/rule';
import type { LineColumnRange, LintMessage, RelatedLocation, Severity } from '../engine/types';
import { FINGERPRINT_KEY } from '../baseline/fingerprint';
import { PROJECT_URL, ruleDocsUrl } from './docs-url';
import { escapeMarkdown } from './markdown';
import type { FileResult, FingerprintsByFile, ToolInfo } from './types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The base that every artifact URI is relative to (the working directory the CLI reports paths from). */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  tool: ToolInfo;
  /** Every rule the tool knows (allRules.map(r => r.meta)), in a stable order. */
  rules: readonly RuleMeta[];
  /** From fingerprintMessages(); results of files without fingerprints carry none. */
  fingerprints?: FingerprintsByFile;
  /**
   * Absolute `file:` URI of the directory the paths are relative to, ending
   * in '/'. Optional: GitHub resolves relative URIs against the checkout.
   */
  srcRootUri?: string;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarifLog(results: readonly FileResult[], options: SarifOptions): Sarif.Log {
  const rules = options.rules.map(ruleDescriptor);
  const ruleIndex = new Map<string, number>(options.rules.map((r, i) => [r.id, i]));
  // Findings of a rule the list does not hold (should not happen) still get a descriptor, so ruleIndex stays valid.
  const indexOf = (ruleId: string): number => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      index = rules.length;
      rules.push({ id: ruleId });
      ruleIndex.set(ruleId, index);
    }
    return index;
  };
  const artifactIndex = new Map(results.map((r, i) => [r.filePath, i]));

  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
    const prints = options.fingerprints?.get(file.filePath);
    file.messages.forEach((message, i) => {
      sarifResults.push(resultOf(file.filePath, message, indexOf(message.ruleId), artifactIndex, prints?.[i]));
    });
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        informationUri: options.tool.informationUri ?? PROJECT_URL,
        rules,
      },
    },
    ...(options.srcRootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRootUri } } } : {}),
    artifacts: results.map((r) => ({ location: artifactLocation(r.filePath) })),
    results: sarifResults,
    columnKind: 'utf16CodeUnits',
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** The SARIF log as the CLI prints it. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarifLog(results, options), null, 2)}\n`;
}

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const url = ruleDocsUrl(meta.id);
  const full = `${meta.description} Lesson format §${meta.specSection}.${meta.fixable ? ' Some findings can be fixed with --fix.' : ''}`;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: full },
    helpUri: url,
    help: { text: `${full} Documentation: ${url}`, markdown: `${escapeMarkdown(full)}\n\n[Documentation](${url})` },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: ['lessonlint', `lesson-format-${meta.specSection}`], fixable: meta.fixable },
  };
}

function resultOf(
  filePath: string,
  message: LintMessage,
  ruleIndex: number,
  artifactIndex: ReadonlyMap<string, number>,
  fingerprint: string | undefined,
): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: message.ruleId,
    ruleIndex,
    level: LEVEL[message.severity],
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(filePath, artifactIndex), region: regionOf(message) } }],
  };
  if (fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint };
  if (message.related?.length) result.relatedLocations = message.related.map((r, id) => relatedLocation(r, id, artifactIndex));
  if (message.fix) {
    result.fixes = [
      {
        description: { text: message.fix.title },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(filePath, artifactIndex),
            replacements: message.fix.edits.map((e) => ({ deletedRegion: regionOf(e), insertedContent: { text: e.text } })),
          },
        ],
      },
    ];
  }
  return result;
}

function relatedLocation(related: RelatedLocation, id: number, artifactIndex: ReadonlyMap<string, number>): Sarif.Location {
  return {
    id,
    physicalLocation: { artifactLocation: artifactLocation(related.filePath, artifactIndex), region: regionOf(related.range) },
    message: { text: related.message },
  };
}

function artifactLocation(filePath: string, artifactIndex?: ReadonlyMap<string, number>): Sarif.ArtifactLocation {
  const index = artifactIndex?.get(filePath);
  return { uri: relativeUri(filePath), uriBaseId: SRCROOT, ...(index !== undefined ? { index } : {}) };
}

/** A relative path as a relative URI reference: each segment percent-encoded, '/' kept. */
export function relativeUri(filePath: string): string {
  return filePath.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}

/** SARIF regions are 1-based with an exclusive end column; an empty region is an insertion point. */
function regionOf(range: LineColumnRange): Sarif.Region {
  const startLine = Math.max(1, range.line);
  const startColumn = Math.max(1, range.column);
  const endLine = Math.max(startLine, range.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, range.endColumn) : Math.max(1, range.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}
