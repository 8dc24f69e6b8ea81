/**
 * `lessonlint/previewModel`: the lesson as the client's preview shows it,
 * read off the lesson model (markdown bodies are passed as source; the
 * client renders and sanitizes them).
 */
import { lookupTag, parseTag, frameworks } from '../engine/catalog/index';
import type { LintMessage, Template } from '../engine/index';
import { sectionKeyTitle } from '../engine/model/parse';
import type { Lesson, TagReference } from '../engine/model/types';
import { estimatedMinutes, estimatedSeconds, spokenWords } from '../engine/timing';
import type { PreviewModel, PreviewTag } from '../protocol';
import type { LessonAnalysis } from './analysis';

export function previewModel(analysis: LessonAnalysis, findings: LintMessage[]): PreviewModel {
  const lesson = analysis.result?.lesson;
  const model: PreviewModel = {
    uri: analysis.uri,
    isLesson: lesson?.isLesson ?? false,
    tags: [],
    objectives: [],
    keyTerms: [],
    references: [],
    quiz: [],
    slides: [],
    totalWords: 0,
    productionNotes: [],
    findings,
  };
  if (!lesson?.isLesson) return model;
  const template = analysis.config.template;
  const field = (key: string) => lesson.metadata.find((f) => f.key === key)?.value.value;
  const id = analysis.result?.course?.id?.value ?? lesson.title?.id?.value ?? field('id');
  const title = lesson.title?.title?.value ?? field('title');
  if (id) model.id = id;
  if (title) model.title = title;
  for (const key of ['type', 'duration', 'status', 'module'] as const) {
    const value = field(key);
    if (value !== undefined) model[key] = value;
  }
  model.tags = lesson.tags.map((t) => previewTag(t, template));
  model.objectives = (lesson.objectives?.objectives ?? []).map((o) => o.text);
  const core = sectionMarkdown(lesson, 'core content');
  if (core !== undefined) model.coreContentMarkdown = core;
  const example = sectionMarkdown(lesson, 'real-world example');
  if (example !== undefined) model.realWorldExampleMarkdown = example;
  model.keyTerms = (lesson.keyTerms ?? []).map((k) => ({
    term: k.term?.value ?? k.item.text,
    ...(k.definition ? { definition: k.definition.value } : {}),
  }));
  model.references = (lesson.references ?? []).map((r) => ({ text: r.item.text, urls: r.urls.map((u) => u.url) }));
  model.quiz = (lesson.quiz ?? []).map((q) => ({
    ...(q.question ? { question: q.question.text.value } : {}),
    ...(q.answer ? { answer: q.answer.text.value } : {}),
  }));
  const script = lesson.videoScript;
  if (script) {
    model.slides = script.slides.map((slide, i) => {
      const outline = lesson.outline?.[i];
      return {
        ...(slide.number ? { number: slide.number.value } : {}),
        ...(slide.title ? { title: slide.title.value } : {}),
        words: slide.words,
        seconds: estimatedSeconds(slide.words, template.wordsPerMinute),
        ...(outline
          ? { outline: { ...(outline.title ? { title: outline.title.value } : {}), ...(outline.description ? { description: outline.description.value } : {}) } }
          : {}),
      };
    });
    model.totalWords = spokenWords(script);
    model.estimatedMinutes = estimatedMinutes(model.totalWords, template.wordsPerMinute);
    if (script.declaredMinutes) model.declaredMinutes = script.declaredMinutes.value;
    if (script.declaredWords) model.declaredWords = script.declaredWords.value;
  }
  model.productionNotes = (lesson.productionNotes?.items ?? []).map((item) => item.text);
  return model;
}

function previewTag(tag: TagReference, template: Template): PreviewTag {
  const preview: PreviewTag = { raw: tag.raw };
  const parsed = parseTag(tag.raw);
  if (parsed.kind === 'unrecognized') return preview;
  preview.canonical = parsed.tag.canonical;
  const info = frameworks().find((f) => f.key === parsed.tag.framework);
  if (info) preview.framework = info.name;
  preview.edition = parsed.tag.edition ?? (parsed.tag.framework === 'owasp-llm' ? template.owaspLlmEdition : (info?.defaultEdition ?? ''));
  const result = lookupTag(parsed.tag, { owaspLlmEdition: template.owaspLlmEdition });
  if (result.status === 'found' || result.status === 'deprecated') {
    preview.name = result.entry.displayName ?? result.entry.name;
    preview.entryType = result.entry.type;
    if (result.entry.url) preview.url = result.entry.url;
  }
  return preview;
}

/** A section's body as markdown source (after its heading), when the lesson has that section. */
function sectionMarkdown(lesson: Lesson, keyTitle: string): string | undefined {
  const section = lesson.sections.find((s) => sectionKeyTitle(s.normalizedTitle) === keyTitle);
  return section ? lesson.text.slice(section.heading.span.end, section.span.end).trim() : undefined;
}
