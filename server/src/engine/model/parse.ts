/**
 * Builds the lesson model. The text is parsed once into mdast (CommonMark, GFM
 * and YAML front matter: the tree of remark-parse + remark-gfm +
 * remark-frontmatter, see markdown.ts); everything after that reads the tree
 * or short slices of the source at spans the tree gave.
 */
import type { Heading as MdHeading, List, RootContent, Yaml } from 'mdast';
import { parseMarkdown } from './markdown';
import { readFrontMatter, readInlineMetadata } from './metadata';
import { NodeSpans, plainText } from './nodes';
import { readSuppressions } from './suppressions';
import { normalizeTitle, trimmedText } from './text';
import type { Heading, Lesson, Section, TitleHeading } from './types';
import {
  firstList,
  readKeyTerms,
  readObjectives,
  readOutline,
  readQuiz,
  readRecording,
  readReferences,
  readUpNext,
  readVideoScript,
} from './views/index';

/** Section titles (normalized) whose content the model reads into views. */
export const KNOWN_SECTION_VIEWS = {
  objectives: 'learning objectives',
  keyTerms: 'key terms',
  references: 'references',
  quiz: 'quiz items',
  videoScript: 'video script',
  outline: 'slide outline',
  productionNotes: 'production notes',
} as const;

/** "video script (~600 words, ~4.5 min)" is the video script section. */
export function sectionKeyTitle(normalizedTitle: string): string {
  const paren = normalizedTitle.indexOf('(');
  return paren < 0 ? normalizedTitle : normalizedTitle.slice(0, paren).trim();
}

function readHeading(node: MdHeading, spans: NodeSpans): Heading {
  const span = spans.of(node);
  const textSpan = node.children.length > 0 ? spans.ofChildren(node) : { start: span.end, end: span.end };
  return { depth: node.depth, text: plainText(node).trim(), span, textSpan };
}

const LESSON_ID_PREFIX = /^[Ll]\s?(\d{1,6}(?:[.,]\d{0,6}){0,5})/;
const SEPARATOR = /^\s*(?:[\u2014\u2013:|-]+\s*)?/;

function readTitle(heading: Heading, source: string): TitleHeading {
  const raw = trimmedText(source, heading.textSpan.start, heading.textSpan.end);
  const title: TitleHeading = { span: heading.span, textSpan: raw.span, text: raw.value };
  const id = LESSON_ID_PREFIX.exec(raw.value);
  if (!id) {
    if (raw.value) title.title = raw;
    return title;
  }
  const idEnd = raw.span.start + id[0].length;
  title.id = {
    value: id[0],
    parts: id[1]!.split(/[.,]/).filter((p) => p !== '').map(Number),
    span: { start: raw.span.start, end: idEnd },
  };
  const rest = raw.value.slice(id[0].length);
  const separator = SEPARATOR.exec(rest)![0];
  title.separator = { value: separator, span: { start: idEnd, end: idEnd + separator.length } };
  const titleText = trimmedText(source, idEnd + separator.length, raw.span.end);
  if (titleText.value) title.title = titleText;
  return title;
}

/** Whether a file name (last path segment) starts with a lesson ID. */
export function fileNameLessonId(filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const name = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  return /^L\d+\.\d+\.\d+(?=\D|$)/.exec(name)?.[0];
}

export function parseLesson(text: string, filePath?: string): Lesson {
  // micromark drops exactly one leading BOM itself and counts offsets without
  // it; `bom` puts that one back (a second BOM stays content, as it should).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseMarkdown(text);
  const spans = new NodeSpans(text, bom);
  const lesson: Lesson = { text, isLesson: false, tree, extraTitles: [], metadata: [], tags: [], sections: [], suppressions: [] };

  const children = tree.children;
  let index = 0;
  const first = children[0];
  if (first?.type === 'yaml') {
    lesson.frontMatter = readFrontMatter(text, spans.of(first), (first as Yaml).value);
    lesson.metadata.push(...lesson.frontMatter.fields);
    lesson.tags.push(...lesson.frontMatter.tags);
    index = 1;
  }

  let current: Section | undefined;
  let preambleStart: number | undefined;
  let afterTitle = false;
  for (; index < children.length; index++) {
    const node = children[index]!;
    const nodeSpan = spans.of(node);
    if (node.type === 'heading' && node.depth === 1) {
      const heading = readHeading(node, spans);
      if (!lesson.title && lesson.sections.length === 0) {
        lesson.title = readTitle(heading, text);
        afterTitle = true;
        continue;
      }
      lesson.extraTitles.push(heading);
    }
    if (afterTitle && node.type === 'paragraph' && !lesson.metadataSpan) {
      afterTitle = false;
      const inline = readInlineMetadata(text, nodeSpan);
      if (inline) {
        lesson.metadataSpan = nodeSpan;
        lesson.metadata.push(...inline.fields);
        lesson.tags.push(...inline.tags);
        continue;
      }
    }
    afterTitle = false;
    if (node.type === 'heading' && node.depth === 2) {
      const heading = readHeading(node, spans);
      current = { heading, normalizedTitle: normalizeTitle(heading.text), span: { ...nodeSpan }, nodes: [], subsections: [] };
      lesson.sections.push(current);
      continue;
    }
    if (current) {
      current.nodes.push(node as RootContent);
      current.span.end = nodeSpan.end;
      if (node.type === 'heading' && node.depth >= 3) current.subsections.push(readHeading(node, spans));
    } else if (node.type !== 'heading' || node.depth !== 1) {
      preambleStart ??= nodeSpan.start;
      lesson.preamble = { start: preambleStart, end: nodeSpan.end };
    }
  }

  readSectionViews(lesson, spans);
  lesson.suppressions = readSuppressions(tree, spans);
  const fmId = lesson.frontMatter?.fields.some((f) => f.key === 'id');
  lesson.isLesson = !!lesson.title?.id || !!fmId || !!fileNameLessonId(filePath);
  return lesson;
}

function readSectionViews(lesson: Lesson, spans: NodeSpans): void {
  const source = lesson.text;
  const seen = new Set<string>();
  for (const section of lesson.sections) {
    const key = sectionKeyTitle(section.normalizedTitle);
    // Only the first of a duplicated section is read; the duplicate is a finding.
    if (seen.has(key)) continue;
    seen.add(key);
    switch (key) {
      case KNOWN_SECTION_VIEWS.objectives: {
        const list = firstList(section, spans);
        if (list) lesson.objectives = { ...list, objectives: readObjectives(list, source) };
        break;
      }
      case KNOWN_SECTION_VIEWS.keyTerms: {
        const list = firstList(section, spans);
        if (list) lesson.keyTerms = readKeyTerms(list, source);
        break;
      }
      case KNOWN_SECTION_VIEWS.references: {
        const node = section.nodes.find((n): n is List => n.type === 'list');
        if (node) lesson.references = readReferences(firstList(section, spans)!, node, spans);
        break;
      }
      case KNOWN_SECTION_VIEWS.quiz: {
        const list = firstList(section, spans);
        if (list) {
          lesson.quizList = list;
          lesson.quiz = readQuiz(list, source);
        }
        break;
      }
      case KNOWN_SECTION_VIEWS.videoScript:
        lesson.videoScript = readVideoScript(section, spans);
        break;
      case KNOWN_SECTION_VIEWS.outline: {
        const list = firstList(section, spans);
        if (list) {
          lesson.outlineList = list;
          lesson.outline = readOutline(list, source);
          lesson.upNext = readUpNext(list.items, source);
        }
        break;
      }
      case KNOWN_SECTION_VIEWS.productionNotes: {
        const list = firstList(section, spans);
        if (list) {
          lesson.productionNotes = list;
          lesson.recording = readRecording(list, source);
        }
        break;
      }
    }
  }
}
