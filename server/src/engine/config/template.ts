/**
 * The course template: every number and list of lesson-format.md that a
 * course may change. Defaults are the spec's; a config file's `template`
 * overrides them field by field.
 */
export type OwaspLlmEdition = '2023' | '2025' | '2026';

export interface Template {
  /** Edition that an OWASP LLM tag without `:YYYY` refers to. */
  owaspLlmEdition: OwaspLlmEdition;
  lessonTypes: string[];
  statuses: string[];
  /** Section titles in order, per lesson type; `default` is used for types not listed. */
  sections: Record<string, string[]>;
  objectives: { min: number; max: number; actionVerbs: string[]; vagueVerbs: string[] };
  quiz: { min: number; max: number };
  /** Speaking rate used to estimate minutes from words. */
  wordsPerMinute: number;
  /** Allowed relative difference between declared and counted words (0.15 = ±15%). */
  wordTolerance: number;
  /** Allowed relative difference between declared and estimated minutes. */
  minuteTolerance: number;
  /** Titles that are placeholders, not titles. */
  placeholderTitles: string[];
}

export const THEORY_SECTIONS = [
  'Learning objectives',
  'Core content',
  'Real-world example',
  'Key terms',
  'References',
  'Quiz items',
  'Video script',
  'Slide outline',
  'Production notes',
];

export const DEFAULT_TEMPLATE: Template = {
  owaspLlmEdition: '2025',
  lessonTypes: ['Theory', 'Lab', 'Demo', 'Case study', 'Assessment'],
  statuses: ['Mandatory', 'Optional'],
  sections: {
    default: THEORY_SECTIONS,
    Theory: THEORY_SECTIONS,
    // A lab is done, not watched: no video script or slides.
    Lab: ['Learning objectives', 'Core content', 'Key terms', 'References', 'Quiz items', 'Production notes'],
  },
  objectives: {
    min: 1,
    max: 5,
    actionVerbs: [
      'Analyze', 'Apply', 'Assess', 'Build', 'Classify', 'Compare', 'Configure', 'Construct', 'Contrast',
      'Create', 'Critique', 'Define', 'Demonstrate', 'Describe', 'Design', 'Detect', 'Diagnose',
      'Differentiate', 'Distinguish', 'Evaluate', 'Explain', 'Identify', 'Implement', 'Interpret', 'List',
      'Map', 'Measure', 'Mitigate', 'Name', 'Outline', 'Plan', 'Prioritize', 'Recognize', 'Recommend',
      'Select', 'Summarize', 'Test', 'Use', 'Write',
    ],
    vagueVerbs: ['Understand', 'Know', 'Learn', 'Appreciate', 'Be aware of', 'Grasp', 'Become familiar with'],
  },
  quiz: { min: 3, max: 10 },
  wordsPerMinute: 130,
  wordTolerance: 0.15,
  minuteTolerance: 0.2,
  placeholderTitles: ['TODO', 'TBD', 'Untitled', 'Title', 'FIXME', 'XXX'],
};

/** The section list that applies to a lesson of the given type. */
export function sectionsFor(template: Template, lessonType: string | undefined): string[] {
  if (lessonType) {
    const key = Object.keys(template.sections).find((k) => k.toLowerCase() === lessonType.toLowerCase());
    if (key) return template.sections[key]!;
  }
  return template.sections.default ?? THEORY_SECTIONS;
}
