/**
 * Code actions: the engine's fix of each finding as a quick fix, "Disable
 * <rule> for this line" (an HTML suppression comment on the line above), and
 * `source.fixAll.lessonlint` (every fix, as `--fix` applies them) for
 * `editor.codeActionsOnSave`. Inserting a missing section is the
 * section-missing rule's own fix (the heading alone, preferred); a second
 * action inserts it with a skeleton of the section (section-skeleton.ts).
 *
 * Every re-lint these actions need (fix all, checking a suppression comment)
 * goes through the server's linter, so it runs under the same time budget as
 * any other lint.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { toMessages, type CourseLesson, type Finding, type LintMessage } from '../engine/index';
import { rangeOfSpan, type LessonAnalysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { LessonLinter, LintRequest } from './linter';
import { withSkeletons } from './section-skeleton';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lessonlint`;

export interface CodeActionOptions {
  /** Course findings of this lesson (they have no fixes, but can be disabled for a line). */
  courseFindings: readonly LintMessage[];
  /** The course findings this lesson would get with another header, to check a suppression comment. */
  courseFindingsWith?: (lesson: CourseLesson) => LintMessage[];
  /** The client applies versioned document edits (`documentChanges`). */
  versionedEdits: boolean;
  linter: LessonLinter;
}

/** Whether a requested kind filter (`context.only`) admits `kind`. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export async function codeActions(analysis: LessonAnalysis, context: CodeActionContext, options: CodeActionOptions): Promise<CodeAction[]> {
  const result = analysis.result;
  if (!result || analysis.ignored) return [];
  const actions: CodeAction[] = [];
  const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');

  if (wants(context.only, CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) {
      const finding = result.findings.find((f) => matches(analysis, f, diagnostic));
      if (!finding?.fix || finding.fix.edits.length === 0) continue;
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        // The engine offers at most one fix per finding, the canonical correction: it is the one to apply.
        isPreferred: true,
        edit: workspaceEdit(analysis, finding.fix.edits.map((e) => ({ range: rangeOfSpan(analysis.lines, e.span), newText: e.text })), options),
      });
      const skeleton = finding.ruleId === SECTION_MISSING ? skeletonAction(analysis, finding, diagnostic, options) : undefined;
      if (skeleton) actions.push(skeleton);
    }
    const offered = new Set<string>();
    for (const diagnostic of ours) {
      const ruleId = diagnostic.code as string;
      const line = diagnostic.range.start.line;
      const key = `${ruleId}\u0000${line}`;
      if (offered.has(key)) continue;
      offered.add(key);
      const edit = await disableForLineEdit(analysis, ruleId, line, options);
      if (!edit) continue;
      actions.push({
        title: `Disable ${ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: ours.filter((d) => d.code === ruleId && d.range.start.line === line),
        edit: workspaceEdit(analysis, [edit], options),
      });
    }
  }

  if (wants(context.only, FIX_ALL_KIND) && result.findings.some((f) => f.fix && f.fix.edits.length > 0)) {
    const edit = await fixAllEdit(analysis, options.linter);
    if (edit) actions.push({ title: 'Fix all auto-fixable lessonlint problems', kind: FIX_ALL_KIND, edit: workspaceEdit(analysis, [edit], options) });
  }
  return actions;
}

const SECTION_MISSING = 'section-missing';

/** The section-missing fix with each inserted heading followed by its section's skeleton. */
function skeletonAction(analysis: LessonAnalysis, finding: Finding, diagnostic: Diagnostic, options: CodeActionOptions): CodeAction | undefined {
  const { lesson } = analysis.result!;
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const edit of finding.fix!.edits) {
    const text = withSkeletons(lesson, analysis.config.template, edit.text);
    if (text === undefined) return undefined;
    edits.push({ range: rangeOfSpan(analysis.lines, edit.span), newText: text });
    titles.push(...edit.text.split(/\r?\n/).filter((line) => line.startsWith('## ')));
  }
  return {
    title: titles.length === 1 ? `Insert '${titles[0]}' with a skeleton` : 'Insert the missing sections with skeletons',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(analysis, edits, options),
  };
}

function matches(analysis: LessonAnalysis, finding: Finding, diagnostic: Diagnostic): boolean {
  if (finding.ruleId !== diagnostic.code || finding.message !== diagnostic.message) return false;
  const range = rangeOfSpan(analysis.lines, finding.span);
  return sameRange(range, diagnostic.range);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

function workspaceEdit(analysis: LessonAnalysis, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.versionedEdits && analysis.version !== null) {
    return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
  }
  return { changes: { [analysis.uri]: edits } };
}

/** What the linter needs to lint `text` as this lesson. */
function requestFor(analysis: LessonAnalysis, text: string): LintRequest {
  return { text, config: analysis.config, ...(analysis.path !== undefined ? { filePath: analysis.path } : {}) };
}

/**
 * Every fix, applied pass after pass as `--fix` does, as one edit of the
 * changed stretch of text; undefined when nothing changes or the fixing did
 * not finish within the budget.
 */
export async function fixAllEdit(analysis: LessonAnalysis, linter: LessonLinter): Promise<TextEdit | undefined> {
  const fixed = await linter.fixAll(requestFor(analysis, analysis.text));
  if (fixed.kind !== 'done' || fixed.applied === 0 || fixed.text === analysis.text) return undefined;
  return minimalEdit(analysis, fixed.text);
}

/** One edit replacing what differs between the text and `next` (common prefix and suffix kept). */
function minimalEdit(analysis: LessonAnalysis, next: string): TextEdit {
  const text = analysis.text;
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: LSP positions there are ill-defined.
  while (start > 0 && splitsPair(text, start)) start--;
  while (end > 0 && splitsPair(text, text.length - end)) end--;
  return { range: rangeOfSpan(analysis.lines, { start, end: text.length - end }), newText: next.slice(start, next.length - end) };
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 13 && after === 10);
}

/** Verified suppression edits by document version, rule and line (each check lints the lesson once or twice). */
const disableCache = new Map<string, TextEdit | null>();
const DISABLE_CACHE_LIMIT = 500;

/**
 * The edit that inserts `<!-- lessonlint-disable-next-line rule -->` above
 * `line` (0-based), or undefined where no comment can go without changing
 * the lesson (inside the metadata paragraph or the front matter, say). Each
 * candidate is checked by linting the edited text: the rule's findings on that
 * line must go and every other finding must stay, one line further down.
 */
export async function disableForLineEdit(
  analysis: LessonAnalysis,
  ruleId: string,
  line: number,
  options: Pick<CodeActionOptions, 'courseFindings' | 'courseFindingsWith' | 'linter'>,
): Promise<TextEdit | undefined> {
  const key = `${analysis.uri}\u0000${analysis.version}\u0000${analysis.text.length}\u0000${ruleId}\u0000${line}`;
  const cached = disableCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: TextEdit | undefined;
  let known = true;
  for (const candidate of disableCandidates(analysis, ruleId, line)) {
    const verdict = await suppressesOnly(analysis, candidate, ruleId, line + 1, options);
    if (verdict === 'unknown') known = false;
    if (verdict === 'yes') {
      found = candidate;
      break;
    }
  }
  // A check that did not finish is not remembered: the next request tries again.
  if (found || known) {
    if (disableCache.size >= DISABLE_CACHE_LIMIT) disableCache.clear();
    disableCache.set(key, found ?? null);
  }
  return found;
}

/** The comment indented like the line itself, then like the line above (a continuation inside a list item). */
function disableCandidates(analysis: LessonAnalysis, ruleId: string, line: number): TextEdit[] {
  const { lines, text } = analysis;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indentOf = (l: number) => /^[ \t]*/.exec(text.slice(lines.lineStart(l), Math.min(lines.lineEnd(l), lines.lineStart(l) + 200)))![0];
  const indents = [indentOf(line + 1)];
  if (line > 0) {
    const above = text.slice(lines.lineStart(line), lines.lineEnd(line));
    const marker = /^([ \t]*)(?:\d{1,9}[.)]|[-*+])[ \t]+/.exec(above.slice(0, 200));
    const contentIndent = marker ? ' '.repeat(marker[0].length) : indentOf(line);
    if (!indents.includes(contentIndent)) indents.push(contentIndent);
  }
  const position = { line, character: 0 };
  return indents.map((indent) => ({
    range: { start: position, end: position },
    newText: `${indent}<!-- lessonlint-disable-next-line ${ruleId} -->${eol}`,
  }));
}

async function suppressesOnly(
  analysis: LessonAnalysis,
  edit: TextEdit,
  ruleId: string,
  line: number,
  options: Pick<CodeActionOptions, 'courseFindings' | 'courseFindingsWith' | 'linter'>,
): Promise<'yes' | 'no' | 'unknown'> {
  const { text, lines, result } = analysis;
  if (!result) return 'no';
  const at = lines.lineStart(line);
  const next = text.slice(0, at) + edit.newText + text.slice(at);
  const outcome = await options.linter.lint(requestFor(analysis, next));
  // Not checked in time: no comment is offered rather than one that might change the lesson.
  if (outcome.kind !== 'done') return 'unknown';
  const relinted = outcome.result;

  // Findings at or below the inserted line move one line down.
  const expected = (messages: readonly LintMessage[]) =>
    messages.filter((m) => !(m.ruleId === ruleId && m.line === line)).map((m) => keyOf(m, line));
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.sort().join('\n') === b.sort().join('\n');

  const lessonBefore = expected(toMessages(result.findings, lines));
  const lessonAfter = toMessages(relinted.findings, relinted.lines).map((m) => keyOf(m));
  if (!sameSet(lessonBefore, lessonAfter)) return 'no';
  if (options.courseFindings.length === 0) return 'yes';
  if (!options.courseFindingsWith || !relinted.course) return 'no';
  return sameSet(expected(options.courseFindings), options.courseFindingsWith(relinted.course).map((m) => keyOf(m))) ? 'yes' : 'no';
}

/** A finding's identity; with `insertedAt`, as it reads after a line is inserted above that (1-based) line. */
function keyOf(m: LintMessage, insertedAt = Number.POSITIVE_INFINITY): string {
  const line = m.line >= insertedAt ? m.line + 1 : m.line;
  const endLine = m.endLine > insertedAt || (m.endLine === insertedAt && m.endColumn > 1) ? m.endLine + 1 : m.endLine;
  return [m.ruleId, line, m.column, endLine, m.endColumn, m.message].join('\u0000');
}
