/** Reading reference URLs without the network: well-formedness, scheme, arXiv identifiers. */
import type { UrlReference } from '../../model/types';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:/;

export type UrlProblem =
  | { kind: 'no-scheme' }
  | { kind: 'malformed'; reason: string }
  | { kind: 'scheme'; scheme: string };

/**
 * A reference URL as the rules see it: what is wrong with it as a web address
 * (http is not wrong here; see reference-https), or the parsed URL when nothing is.
 */
export type CheckedUrl = { problem: UrlProblem; url?: undefined } | { problem?: undefined; url: URL };

function readUrl(url: string): CheckedUrl {
  if (!SCHEME.test(url)) return { problem: { kind: 'no-scheme' } };
  if (/\s/.test(url)) return { problem: { kind: 'malformed', reason: 'it contains white space' } };
  const parsed = parseUrl(url);
  if (!parsed) return { problem: { kind: 'malformed', reason: 'it does not parse as a URL' } };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { problem: { kind: 'scheme', scheme: parsed.protocol } };
  if (!/^\/\//.test(url.slice(parsed.protocol.length))) return { problem: { kind: 'malformed', reason: `'//' is missing after '${parsed.protocol}'` } };
  if (!parsed.hostname.includes('.') && !parsed.hostname.startsWith('[')) {
    return { problem: { kind: 'malformed', reason: `its host '${parsed.hostname}' is not a domain name` } };
  }
  return { url: parsed };
}

/** Four rules read each reference URL: it is checked and parsed once per reference. */
const checked = new WeakMap<UrlReference, CheckedUrl>();

export function checkedUrl(reference: UrlReference): CheckedUrl {
  let result = checked.get(reference);
  if (!result) {
    result = readUrl(reference.url);
    checked.set(reference, result);
  }
  return result;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The URL as the author wrote it, for messages. */
export function writtenUrl(reference: UrlReference): string {
  return reference.written?.value ?? reference.url;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
const ARXIV_PAPER_PATHS = new Set(['abs', 'pdf', 'html', 'ps', 'format']);
const NEW_STYLE_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v[1-9]\d{0,3})?$/;
const OLD_STYLE_ID = /^[a-z]{2,12}(?:-[a-z]{2,12})?(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}(?:v[1-9]\d{0,3})?$/;

/** The URL's path without trailing slashes (a loop: `/\/+$/` would be quadratic on "////…x"). */
export function trimmedPath(url: URL): string {
  const path = url.pathname;
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

export function isArxivUrl(url: URL): boolean {
  return ARXIV_HOSTS.has(url.hostname.toLowerCase());
}

/**
 * The identifier an arXiv paper URL carries (/abs/, /pdf/, /html/…), as
 * written, or undefined when the path names no paper at all.
 */
export function arxivIdOf(url: URL): string | undefined {
  const path = trimmedPath(url);
  const slash = path.indexOf('/', 1);
  if (slash < 0 || !ARXIV_PAPER_PATHS.has(path.slice(1, slash))) return undefined;
  const id = path.slice(slash + 1);
  return path.startsWith('/pdf/') && id.endsWith('.pdf') ? id.slice(0, -4) : id;
}

/**
 * arXiv identifiers: YYMM.NNNN (April 2007 to December 2014), YYMM.NNNNN
 * (from January 2015), each with an optional version vN; before April 2007,
 * archive/YYMMNNN (hep-th/9901001, math.GT/0309136).
 */
export function isValidArxivId(id: string): boolean {
  const modern = NEW_STYLE_ID.exec(id);
  if (modern) {
    const yymm = Number(modern[1]) * 100 + Number(modern[2]);
    if (!validMonth(modern[2]!)) return false;
    return modern[3]!.length === 4 ? yymm >= 704 && yymm <= 1412 : yymm >= 1501;
  }
  const old = OLD_STYLE_ID.exec(id);
  if (!old) return false;
  const year = Number(old[1]);
  return validMonth(old[2]!) && (year >= 91 || year <= 7);
}

function validMonth(mm: string): boolean {
  const month = Number(mm);
  return month >= 1 && month <= 12;
}
