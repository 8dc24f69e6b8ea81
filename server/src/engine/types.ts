/**
 * Public types of the lint engine. The engine is pure: text and configuration
 * in, findings out. Positions inside the engine are UTF-16 offsets into the
 * lesson text (what JavaScript strings index); the edges convert them to
 * 1-based line/column (CLI) or 0-based LSP positions.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Half-open range of UTF-16 offsets into the lesson text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Replace `span` with `text`. An insertion has start === end. */
export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  /** Short imperative label for a quick-fix menu: "Replace '-' with '—'". */
  title: string;
  edits: TextEdit[];
}

/** 1-based line and column (UTF-16 code units), end exclusive. */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place involved in a finding, possibly in another lesson. */
export interface RelatedLocation {
  filePath: string;
  range: LineColumnRange;
  message: string;
}

export type FindingTag = 'unnecessary' | 'deprecated';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
  related?: RelatedLocation[];
  tags?: FindingTag[];
}

/** A text edit in 1-based line/column form, as the CLI's JSON prints it. */
export interface LineColumnEdit extends LineColumnRange {
  text: string;
}

/** A finding as the edges see it: positions resolved to lines and columns. */
export interface LintMessage extends LineColumnRange {
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: { title: string; edits: LineColumnEdit[] };
  related?: RelatedLocation[];
  tags?: FindingTag[];
}
