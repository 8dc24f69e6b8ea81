/**
 * Parsing of one framework tag as written in a lesson ("OWASP LLM03",
 * "MITRE ATLAS AML.T0049"). Recognises the canonical forms and the usual
 * misspellings of them (wrong case, missing prefix, missing zero padding,
 * odd separators), and returns the canonical spelling as the fix. It never
 * guesses across frameworks: "OWASP AML.T0049" or a bare "T0049" (which could
 * as well be MITRE ATT&CK) are unrecognized.
 *
 * Safety: input longer than MAX_TAG_LENGTH is rejected before any regex runs;
 * every regex is anchored and built from single characters and bounded
 * quantifiers, so matching is linear. parseTag never throws.
 */
import { formatTag } from './frameworks';
import type { FrameworkKey, FrameworkTag, TagParse } from './types';

/** Longer input is unrecognized without running any regex. */
export const MAX_TAG_LENGTH = 200;

/** Whitespace runs, including NBSP, the Unicode spaces and zero-width characters. */
const SPACE_RUN = /[\s\u200B-\u200D\u2060]+/g;
/** Hyphen-like characters (hyphen, non-breaking hyphen, figure/en/em dash, bar, minus, small/fullwidth hyphen-minus). */
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** After normalisation a tag is printable ASCII. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7E]/;

/**
 * OWASP lists, on the upper-cased input. Groups: 1 "OWASP", 2 separator after
 * it, 3 list letters, 4 separator before the number, 5 number, 6 edition
 * separator, 7 edition year, 8 closing parenthesis.
 */
const OWASP_RE = /^(?:(OWASP)([ _:/-]{0,3}))?(LLM|ML|ASI)([ _-]?)(\d{1,4})(?:([ :/_(-]{1,3})(\d{4}|\d{2})(\)?))?$/;

/**
 * MITRE ATLAS, on the upper-cased input. Groups: 1 "MITRE", 2 separator,
 * 3 "ATLAS", 4 separator, 5 "AML", 6 separator, 7 object letters (TA tactic,
 * T technique, M mitigation, CS case study), 8 separator, 9 number,
 * 10 sub-technique separator, 11 sub-technique number.
 */
const ATLAS_RE =
  /^(?:(MITRE)([ _:/-]{0,3}))?(?:(ATLAS)([ _:/-]{0,3}))?(?:(AML)([ ._:/-]{0,2}))?(TA|T|CS|M)([ _-]?)(\d{1,6})(?:([._ -]{1,2})(\d{1,4}))?$/;

/** The regexes above, for tests (ReDoS check). */
export const TAG_PATTERNS: readonly RegExp[] = [SPACE_RUN, DASH, NOT_PRINTABLE_ASCII, OWASP_RE, ATLAS_RE];

const OWASP_LETTERS: Record<string, FrameworkKey> = { LLM: 'owasp-llm', ML: 'owasp-ml', ASI: 'owasp-agentic' };

const EXAMPLES = 'expected e.g. "OWASP LLM01", "OWASP ML02", "OWASP ASI01" or "MITRE ATLAS AML.T0049"';

function unrecognized(reason: string): TagParse {
  return { kind: 'unrecognized', reason };
}

/** Zero-pads `digits` to `width`; undefined when the number needs more digits. */
function pad(digits: string, width: number): string | undefined {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48 /* '0' */) i++;
  const significant = digits.slice(i);
  return significant.length > width ? undefined : significant.padStart(width, '0');
}

/** Removes trailing sentence punctuation without a regex (`[.,;]+$` would be quadratic). */
function stripTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 46 /* . */ && c !== 44 /* , */ && c !== 59 /* ; */) break;
    end--;
  }
  return s.slice(0, end).trimEnd();
}

/** What normalisation changed, and the upper-cased tag text to match. */
interface Normalized {
  upper: string;
  notes: string[];
}

function normalize(trimmed: string): Normalized | string {
  const notes: string[] = [];
  let s = trimmed.replace(SPACE_RUN, ' ').trim();
  if (s !== trimmed) notes.push('unexpected whitespace');
  const dashed = s.replace(DASH, '-');
  if (dashed !== s) notes.push('a dash where a hyphen or space belongs');
  s = dashed;
  const stripped = stripTrailingPunctuation(s);
  if (stripped !== s) notes.push('trailing punctuation');
  s = stripped;
  if (s.length === 0) return 'empty tag';
  if (s.includes('\u00B7') || s.includes(',') || s.includes(';')) {
    return 'looks like more than one tag; separate tags with " · "';
  }
  if (NOT_PRINTABLE_ASCII.test(s)) return 'contains characters that cannot be part of a framework tag';
  // ASCII only from here on, so upper-casing cannot change the length or
  // turn a non-ASCII letter into an ASCII one.
  const upper = s.toUpperCase();
  if (upper !== s) notes.push('letters must be upper case');
  return { upper, notes };
}

function result(framework: FrameworkKey, id: string, edition: string | undefined, written: string, reasons: string[]): TagParse {
  const tag: FrameworkTag = { framework, id, canonical: formatTag(framework, id, edition) };
  if (edition !== undefined) tag.edition = edition;
  if (written === tag.canonical) return { kind: 'ok', tag };
  return { kind: 'fixable', tag, reason: reasons.length > 0 ? reasons.join('; ') : 'not written in canonical form' };
}

function parseOwasp(m: RegExpExecArray, written: string, notes: string[]): TagParse {
  const [, prefix, prefixSep, letters = '', innerSep, digits = '', editionSep, year, closing] = m;
  const framework = OWASP_LETTERS[letters];
  if (framework === undefined) return unrecognized(EXAMPLES);
  const number = pad(digits, 2);
  if (number === undefined) return unrecognized(`OWASP IDs have two digits (${letters}01…${letters}10)`);

  const reasons = [...notes];
  if (prefix === undefined) reasons.push('missing the "OWASP" prefix');
  else if (prefixSep !== ' ') reasons.push('write one space after "OWASP"');
  if (innerSep !== '') reasons.push(`no space or hyphen between "${letters}" and the number`);
  if (digits !== number) reasons.push(`the number has two digits (${letters}${number})`);

  let edition: string | undefined;
  if (year !== undefined) {
    edition = year.length === 2 ? `20${year}` : year;
    if (editionSep !== ':' || closing !== '' || year.length !== 4) reasons.push(`write the edition as ":${edition}"`);
  }
  return result(framework, letters + number, edition, written, reasons);
}

function parseAtlas(m: RegExpExecArray, written: string, notes: string[]): TagParse {
  const [, mitre, mitreSep, atlas, atlasSep, aml, amlSep, letters = '', innerSep, digits = '', subSep, subDigits] = m;
  // Without "ATLAS" or "AML" an ID like "T1190" may as well be MITRE ATT&CK.
  if (atlas === undefined && aml === undefined) return unrecognized(`not clearly a MITRE ATLAS ID; ${EXAMPLES}`);
  const number = pad(digits, 4);
  if (number === undefined) return unrecognized('ATLAS IDs have four digits (AML.T0049)');
  let id = `AML.${letters}${number}`;

  const reasons = [...notes];
  if (mitre === undefined && atlas === undefined) reasons.push('missing the "MITRE ATLAS" prefix');
  else if (mitre === undefined) reasons.push('missing "MITRE" before "ATLAS"');
  else if (atlas === undefined) reasons.push('missing "ATLAS" after "MITRE"');
  else if (mitreSep !== ' ' || atlasSep !== ' ') reasons.push('write "MITRE ATLAS" and one space before the ID');
  if (aml === undefined) reasons.push('missing "AML." before the ID');
  else if (amlSep !== '.') reasons.push('write "AML." with a dot');
  if (innerSep !== '') reasons.push(`no space or hyphen between "${letters}" and the number`);
  if (digits !== number) reasons.push(`the number has four digits (AML.${letters}${number})`);

  if (subDigits !== undefined) {
    if (letters !== 'T') return unrecognized('only techniques (AML.T0000) have sub-techniques (AML.T0000.000)');
    const sub = pad(subDigits, 3);
    if (sub === undefined) return unrecognized('sub-technique numbers have three digits (AML.T0018.000)');
    if (subSep !== '.' || subDigits !== sub) reasons.push(`write the sub-technique as ".${sub}"`);
    id += `.${sub}`;
  }
  return result('mitre-atlas', id, undefined, written, reasons);
}

/**
 * Parses one tag, e.g. one item of the `Framework tags:` line split at " · ".
 * Leading and trailing whitespace is ignored: `kind` and `tag.canonical`
 * concern the trimmed text, so a fix replaces the trimmed span. Never throws:
 * anything that is not a string, too long, or not recognisably one of the four
 * frameworks is `unrecognized`.
 */
export function parseTag(raw: string): TagParse {
  if (typeof raw !== 'string') return unrecognized('not a string');
  if (raw.length > MAX_TAG_LENGTH) return unrecognized(`longer than ${MAX_TAG_LENGTH} characters`);
  // Surrounding whitespace is not part of the tag and not a finding.
  const trimmed = raw.trim();
  const n = normalize(trimmed);
  if (typeof n === 'string') return unrecognized(n);

  const owasp = OWASP_RE.exec(n.upper);
  if (owasp !== null) return parseOwasp(owasp, trimmed, n.notes);
  const atlas = ATLAS_RE.exec(n.upper);
  if (atlas !== null) return parseAtlas(atlas, trimmed, n.notes);

  // Say why rather than guess when two families are mixed.
  const startsOwasp = n.upper.startsWith('OWASP');
  const startsAtlas = n.upper.startsWith('MITRE') || n.upper.startsWith('ATLAS');
  if (startsOwasp && n.upper.includes('AML')) return unrecognized('the "OWASP" prefix with a MITRE ATLAS ID');
  if (startsAtlas && (n.upper.includes('LLM') || n.upper.includes('ASI'))) {
    return unrecognized('the "MITRE ATLAS" prefix with an OWASP ID');
  }
  return unrecognized(`not a known framework tag; ${EXAMPLES}`);
}
