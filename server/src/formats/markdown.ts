/** Escaping for text that goes into GitHub-flavoured markdown (step summaries, reports, SARIF help). */

/**
 * Makes text literal in markdown: every punctuation character that could
 * start emphasis, code, links, HTML, entities, tables, math, headings or
 * strike-through is backslash-escaped, and line breaks become spaces (a table
 * cell or a list item is one line).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|&~$#]/g, (c) => `\\${c}`);
}

/** A markdown link whose text is escaped and whose URL cannot close the link early. */
export function markdownLink(text: string, url: string): string {
  return `[${escapeMarkdown(text)}](${url.replace(/[()<> \t\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}
