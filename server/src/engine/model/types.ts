/**
 * The lesson model: a lesson parsed once, with a source span for every element
 * that a rule, a hover or a fix talks about. Rules read this model; they never
 * parse markdown themselves. Everything is optional where an author may have
 * left it out: a missing element is a finding, not a crash.
 */
import type { Root, RootContent } from 'mdast';
import type { Span } from '../types';

/** A piece of text with the span it was read from. */
export interface Text {
  value: string;
  span: Span;
}

export interface NumberValue {
  value: number;
  span: Span;
}

export interface LessonId {
  /** As written, e.g. "L4.2.2". */
  value: string;
  /** The numbers as written: [module, unit, lesson] when well formed. */
  parts: number[];
  span: Span;
}

/** The H1: `# L4.2.2 — Title`. */
export interface TitleHeading {
  span: Span;
  /** Span of the heading text after the `#` marker. */
  textSpan: Span;
  text: string;
  /** Present when the heading starts with something shaped like a lesson ID. */
  id?: LessonId;
  /** The raw text that stands between the ID and the title (ideally " — "). */
  separator?: Text;
  title?: Text;
}

export type MetadataKey = 'id' | 'title' | 'type' | 'duration' | 'status' | 'module' | 'frameworks';

export interface MetadataField {
  /** Canonical key, or undefined for a label the template does not know. */
  key?: MetadataKey;
  /** The label as written ("Framework tags", "frameworks"). */
  label: Text;
  /** The value as written, trimmed; for front matter lists, the joined items. */
  value: Text;
  /** The whole field, label through value. */
  span: Span;
  source: 'inline' | 'front-matter';
}

/** One tag as written in the framework tags field, not yet interpreted. */
export interface TagReference {
  raw: string;
  span: Span;
  source: 'inline' | 'front-matter';
}

export interface FrontMatter {
  span: Span;
  fields: MetadataField[];
  tags: TagReference[];
  /** Set when the YAML does not parse or is not a mapping. */
  error?: { message: string; span: Span };
}

export interface Heading {
  depth: number;
  text: string;
  span: Span;
  textSpan: Span;
}

export interface Section {
  heading: Heading;
  /** Heading text lower-cased, whitespace folded, trailing punctuation dropped. */
  normalizedTitle: string;
  /** From the heading through the last block before the next H2 (or the end). */
  span: Span;
  /** Block nodes after the heading, up to the next H2. */
  nodes: RootContent[];
  subsections: Heading[];
}

export interface ListItemModel {
  span: Span;
  /** The number written before `.` or `)` for ordered lists. */
  number?: NumberValue;
  /** Span of the marker itself: "1." or "-". */
  markerSpan: Span;
  /** Text of the item's first paragraph (inline markdown flattened to text). */
  text: string;
  /** Span of the item's content after the marker (first line through end of item). */
  contentSpan: Span;
}

export interface ListModel {
  ordered: boolean;
  span: Span;
  items: ListItemModel[];
}

export interface Objective extends ListItemModel {
  /** First word of the objective, e.g. "Describe" (multi-word vague verbs are matched by rules on `text`). */
  verb?: Text;
}

export interface KeyTerm {
  item: ListItemModel;
  term?: Text;
  /** The separator between term and definition as written, when one was found. */
  separator?: Text;
  definition?: Text;
}

export interface UrlReference {
  url: string;
  span: Span;
  /** The URL as written (link destination or bare text), when found in the source; `url` may differ ("www.x.org" → "http://www.x.org"). */
  written?: Text;
}

export interface ReferenceItem {
  item: ListItemModel;
  urls: UrlReference[];
}

export interface QuizItem {
  item: ListItemModel;
  question?: QuizPart;
  answer?: QuizPart;
}

export interface QuizPart {
  /** "Q:" or "A:" label as written. */
  label: Text;
  /** Text after the label, trimmed (may be empty). */
  text: Text;
}

export interface SlideMarker {
  /** The whole marker line, brackets included. */
  span: Span;
  raw: string;
  /** Whether it is exactly `[SLIDE n — Title]`. */
  wellFormed: boolean;
  number?: NumberValue;
  title?: Text;
  /** Spoken words in the narration that follows, up to the next marker. */
  words: number;
  /** From the end of the marker to the start of the next marker or the section's end. */
  narrationSpan: Span;
}

export interface VideoScript {
  section: Section;
  declaredWords?: NumberValue;
  declaredMinutes?: NumberValue;
  slides: SlideMarker[];
  /** Narration that comes before the first marker (a finding), if any. */
  preamble?: { span: Span; words: number };
  /** Spoken words across all slides (markers excluded). */
  totalWords: number;
}

export interface OutlineItem {
  item: ListItemModel;
  title?: Text;
  description?: Text;
}

export interface RecordingLine {
  span: Span;
  minutes?: NumberValue;
  cap?: NumberValue;
}

export interface UpNextPointer {
  span: Span;
  id: LessonId;
  title?: Text;
  minutes?: NumberValue;
}

export type SuppressionKind = 'disable' | 'enable' | 'disable-next-line';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule IDs named; empty means all rules. */
  rules: Text[];
  span: Span;
}

export interface Lesson {
  /** The text as given, BOM included; all spans index into it. */
  text: string;
  /** Whether this file looks like a lesson at all (a lesson H1 or a front matter `id`). */
  isLesson: boolean;
  tree: Root;
  frontMatter?: FrontMatter;
  title?: TitleHeading;
  /** H1 headings after the first one. */
  extraTitles: Heading[];
  /** The metadata paragraph right after the H1, when there is one. */
  metadataSpan?: Span;
  /** Fields from the metadata paragraph and the front matter, in source order. */
  metadata: MetadataField[];
  /** Tags from both sources, in source order. */
  tags: TagReference[];
  /** Blocks between the H1 (and its metadata) and the first H2. */
  preamble?: Span;
  /** H2 sections in source order. */
  sections: Section[];
  objectives?: ListModel & { objectives: Objective[] };
  keyTerms?: KeyTerm[];
  references?: ReferenceItem[];
  quiz?: QuizItem[];
  quizList?: ListModel;
  videoScript?: VideoScript;
  outline?: OutlineItem[];
  outlineList?: ListModel;
  productionNotes?: ListModel;
  recording?: RecordingLine;
  upNext?: UpNextPointer;
  suppressions: Suppression[];
}
