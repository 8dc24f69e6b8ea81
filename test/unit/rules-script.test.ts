/** §9 video script and timing, §10 slide outline, §11 production notes: what an author sees. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConfigFile } from '../../server/src/engine/index';
import { SAMPLE, fix, lint, lintRule, sampleWith } from '../helpers/lint';

const SCRIPT_RULES = [
  'slide-marker-format',
  'slide-marker-incomplete',
  'slide-numbering',
  'narration-before-first-slide',
  'script-word-count',
  'script-duration',
  'script-exceeds-lesson-duration',
  'outline-slide-count',
  'outline-numbering',
  'outline-title-match',
  'recording-line',
];

function scriptFindings(text: string, config?: ConfigFile) {
  return lint(text, config ? { config } : {}).filter((m) => SCRIPT_RULES.includes(m.ruleId));
}

const MARKER_3 = '[SLIDE 3 — Why this matters for application teams]';
/** Line of `[SLIDE 3 — …]` in the sample. */
const MARKER_3_LINE = 88;
const HEADING = '## Video script (~600 words, ~4.5 min)';
const HEADING_LINE = 78;
const RECORDING = '- Recording: ~4.5 min. Cap 5.';
const RECORDING_LINE = 124;

/** The sample with every slide number n ≥ `from` replaced by `renumber(n)`. */
function withSlideNumbers(renumber: (n: number) => number, from = 1): string {
  return SAMPLE.replace(/\[SLIDE (\d+) —/g, (marker, n: string) => (Number(n) >= from ? `[SLIDE ${renumber(Number(n))} —` : marker));
}

test('the sample lesson has no finding from the script, outline and production-notes rules', () => {
  assert.deepEqual(scriptFindings(SAMPLE), []);
});

describe('slide-marker-format', () => {
  for (const written of [
    '[Slide 3: Why this matters for application teams]',
    '[SLIDE 3 - Why this matters for application teams]',
    '[slide 3 — Why this matters for application teams]',
    '[SLIDE 3 — Why this matters for application teams',
    '[SLIDE 03 —  Why this matters for application teams ]',
    '[SLIDE #3 – Why this matters for application teams]',
  ]) {
    test(`'${written}' is reported on the marker and fixed to the canonical marker`, () => {
      const text = sampleWith(MARKER_3, written);
      const findings = scriptFindings(text);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding!.ruleId, 'slide-marker-format');
      assert.equal(finding!.severity, 'warning');
      assert.equal(finding!.message, `Slide marker '${written}' is malformed; expected '${MARKER_3}'`);
      assert.deepEqual([finding!.line, finding!.column, finding!.endColumn], [MARKER_3_LINE, 1, written.length + 1]);
      assert.equal(fix(text), SAMPLE);
    });
  }

  test('the fix leaves the title exactly as written', () => {
    const text = sampleWith(MARKER_3, '[Slide 3: why THIS matters]');
    assert.ok(fix(text).includes('[SLIDE 3 — why THIS matters]\n'));
  });

  test('text after the closing bracket is reported without a fix, so it is not lost', () => {
    const text = sampleWith(MARKER_3, `${MARKER_3} (30 seconds)`);
    const [finding] = lintRule('slide-marker-format', text);
    assert.match(finding!.message, /has text after its closing bracket; expected the marker '\[SLIDE 3 — Why this matters for application teams\]' alone on its line, with '\(30 seconds\)' moved/);
    assert.equal(finding!.fix, undefined);
  });

  test('a marker without a number or title is left to slide-marker-incomplete', () => {
    assert.deepEqual(lintRule('slide-marker-format', sampleWith(MARKER_3, '[Slide 3]')), []);
  });
});

describe('slide-marker-incomplete', () => {
  test('a marker without a title is an error with the expected marker', () => {
    const findings = scriptFindings(sampleWith(MARKER_3, '[SLIDE 3]'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.message]),
      [['slide-marker-incomplete', 'error', MARKER_3_LINE, 1, "Slide marker '[SLIDE 3]' has no title; expected '[SLIDE 3 — Title]'"]],
    );
    assert.equal(findings[0]!.fix, undefined);
  });

  test('a marker without a number suggests its position; numbering is not also reported', () => {
    const findings = scriptFindings(sampleWith(MARKER_3, '[Slide: Why this matters for application teams]'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [['slide-marker-incomplete', "Slide marker '[Slide: Why this matters for application teams]' has no slide number; expected '[SLIDE 3 — Why this matters for application teams]'"]],
    );
  });

  test('a bare marker lacks both', () => {
    const [finding] = lintRule('slide-marker-incomplete', sampleWith(MARKER_3, '[SLIDE]'));
    assert.equal(finding!.message, "Slide marker '[SLIDE]' has no slide number or title; expected '[SLIDE 3 — Title]'");
  });
});

describe('slide-numbering', () => {
  test('a repeated number is one error on the number, fixed by renumbering the markers', () => {
    const text = sampleWith(MARKER_3, '[SLIDE 2 — Why this matters for application teams]');
    const findings = scriptFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn, f.message]),
      [[
        'slide-numbering', 'error', MARKER_3_LINE, 8, 9,
        'The 3rd slide is numbered 2; expected 3 (slides are numbered 1 to 7 without gaps or repeats; found 1, 2, 2, 4, 5, 6, 7)',
      ]],
    );
    assert.equal(fix(text), SAMPLE);
  });

  test('a gap shifts every later number but yields one finding, and the fix renumbers markers only', () => {
    const text = withSlideNumbers((n) => n + 1, 3);
    const findings = scriptFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0]!.message,
      'The 3rd slide is numbered 4; expected 3 (slides are numbered 1 to 7 without gaps or repeats; found 1, 2, 4, 5, 6, 7, 8); 4 later markers are off too',
    );
    assert.equal(findings[0]!.fix!.edits.length, 5);
    // The outline (numbered 1..7 already) is untouched: the fixed text is the sample itself.
    assert.equal(fix(text), SAMPLE);
  });

  test('numbering that starts at 0 is reported at the first marker', () => {
    const [finding] = lintRule('slide-numbering', withSlideNumbers((n) => n - 1));
    assert.equal(finding!.line, 80);
    assert.match(finding!.message, /^The 1st slide is numbered 0; expected 1 .*; 6 later markers are off too$/);
  });

  test('with a malformed marker there is no renumbering fix until the marker is rewritten; --fix does both', () => {
    const text = sampleWith(MARKER_3, '[Slide 9: Why this matters for application teams]');
    const [finding] = lintRule('slide-numbering', text);
    assert.equal(finding!.fix, undefined);
    assert.equal(fix(text), SAMPLE);
  });
});

describe('narration-before-first-slide', () => {
  test('words before the first marker are an error on those words, and still count as spoken', () => {
    const text = sampleWith('[SLIDE 1 — Title]\n', 'Welcome back to module four.\n\n[SLIDE 1 — Title]\n');
    const findings = scriptFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]),
      [[
        'narration-before-first-slide', 'error', 80, 1, 80, 29,
        "5 words of narration come before the first slide marker '[SLIDE 1 — Title]'; expected the script to open with the marker, and the narration to follow it",
      ]],
    );
  });

  test('a script without any marker is one finding on its heading, not also an outline count', () => {
    const text = SAMPLE.replace(/\[SLIDE \d+ — [^\]\n]*\]\n\n/g, '');
    const findings = scriptFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column, f.message]),
      [[
        'narration-before-first-slide', HEADING_LINE, 4,
        "The video script has 540 words of narration but no slide marker; expected '[SLIDE 1 — Title]' lines, each followed by its narration",
      ]],
    );
  });
});

describe('script-word-count', () => {
  test('a count outside ±15% is a warning on the declared number, with counted, declared and range', () => {
    const findings = scriptFindings(sampleWith(HEADING, '## Video script (~800 words, ~4.5 min)'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn, f.message]),
      [[
        'script-word-count', 'warning', HEADING_LINE, 19, 22,
        'The video script has 540 spoken words (about 4.2 min at 130 words per minute), but its heading declares ~800; expected 680 to 920 words (±15%), or a heading that gives the real count',
      ]],
    );
  });

  test('the range is inclusive: 540 words fit ~470 (up to 540.5) and ~635 (down to 539.75)', () => {
    for (const declared of [470, 635]) {
      assert.deepEqual(lintRule('script-word-count', sampleWith(HEADING, `## Video script (~${declared} words, ~4.5 min)`)), [], `~${declared}`);
    }
    for (const declared of [469, 636]) {
      assert.equal(lintRule('script-word-count', sampleWith(HEADING, `## Video script (~${declared} words, ~4.5 min)`)).length, 1, `~${declared}`);
    }
  });

  test("the template's tolerance applies", () => {
    const [finding] = lintRule('script-word-count', SAMPLE, { config: { template: { wordTolerance: 0.05 } } });
    assert.match(finding!.message, /but its heading declares ~600; expected 570 to 630 words \(±5%\)/);
  });

  test('a heading without a word count is not checked', () => {
    assert.deepEqual(lintRule('script-word-count', sampleWith(HEADING, '## Video script')), []);
  });
});

describe('script-duration', () => {
  test('an estimate outside ±20% of the declared minutes is a warning on the minutes', () => {
    const findings = lintRule('script-duration', sampleWith(HEADING, '## Video script (~600 words, ~6 min)'));
    assert.deepEqual(
      findings.map((f) => [f.severity, f.line, f.column, f.endColumn, f.message]),
      [[
        'warning', HEADING_LINE, 31, 32,
        "The video script's estimated speaking time is 4.2 min (540 words at 130 words per minute), but its heading declares ~6 min; expected 4.8 to 7.2 min (±20%), or a heading that gives the real time",
      ]],
    );
  });

  test('when only the script length is off (the heading agrees with itself), script-word-count alone reports it', () => {
    // ~800 words is ~6.2 min at 130 wpm, which agrees with ~6 min; the 540-word script disagrees with both.
    const findings = scriptFindings(sampleWith(HEADING, '## Video script (~800 words, ~6 min)'));
    assert.deepEqual(findings.map((f) => f.ruleId).filter((id) => id.startsWith('script-')), ['script-word-count']);
  });

  test('the speaking rate comes from the template', () => {
    assert.deepEqual(lintRule('script-duration', SAMPLE, { config: { template: { wordsPerMinute: 100 } } }), []);
    const [finding] = lintRule('script-duration', SAMPLE, { config: { template: { wordsPerMinute: 90 } } });
    assert.match(finding!.message, /is 6 min \(540 words at 90 words per minute\)/);
  });
});

describe('script-exceeds-lesson-duration', () => {
  test('speaking time over the Duration is an error on the script heading, related to the Duration', () => {
    const text = sampleWith('**Duration:** ~5 min', '**Duration:** ~3 min');
    const findings = lint(text, { filePath: 'module-04/L4.2.2-x.md' }).filter((f) => f.ruleId === 'script-exceeds-lesson-duration');
    assert.deepEqual(
      findings.map((f) => [f.severity, f.line, f.column, f.message]),
      [[
        'error', HEADING_LINE, 4,
        "The video script's estimated speaking time is 4.2 min (540 words at 130 words per minute), longer than the lesson's Duration of ~3 min; expected at most 396 words, or a longer Duration",
      ]],
    );
    assert.deepEqual(findings[0]!.related, [
      { filePath: 'module-04/L4.2.2-x.md', range: { line: 3, column: 34, endLine: 3, endColumn: 40 }, message: "The lesson's Duration: ~3 min" },
    ]);
  });

  test('an estimate equal to the Duration (as rounded in messages) is allowed', () => {
    assert.deepEqual(lintRule('script-exceeds-lesson-duration', sampleWith('**Duration:** ~5 min', '**Duration:** ~4.2 min')), []);
    assert.equal(lintRule('script-exceeds-lesson-duration', sampleWith('**Duration:** ~5 min', '**Duration:** ~4.1 min')).length, 1);
  });

  test('an invalid Duration is metadata-duration’s finding, not a limit', () => {
    assert.deepEqual(lintRule('script-exceeds-lesson-duration', sampleWith('**Duration:** ~5 min', '**Duration:** 0 min')), []);
  });
});

test('a lesson without a video script (a Lab) gets no script, outline or recording finding', () => {
  const start = SAMPLE.indexOf('## Video script');
  const end = SAMPLE.indexOf('## Production notes');
  const lab = sampleWith('**Type:** Theory', '**Type:** Lab').replace(SAMPLE.slice(start, end), '');
  assert.ok(!lab.includes('[SLIDE'));
  assert.deepEqual(scriptFindings(lab), []);
});

describe('outline-slide-count', () => {
  const LAST_ITEM = '7. Up next — "L4.3.1 — Harmful fine-tuning, ~5 min."\n';

  test('a missing item is an error on the outline heading, with both counts', () => {
    const findings = scriptFindings(sampleWith(LAST_ITEM, ''));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.message]),
      [[
        'outline-slide-count', 'error', 112, 4,
        "The slide outline has 6 items but the video script has 7 slides; expected one item per slide (no item for slide 7, '[SLIDE 7 — Up next]')",
      ]],
    );
  });

  test('a surplus item is an error on that item', () => {
    const findings = scriptFindings(sampleWith(LAST_ITEM, `${LAST_ITEM}8. Credits — course team and sources.\n`));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column, f.message]),
      [['outline-slide-count', 121, 4, "The slide outline has 8 items but the video script has 7 slides; expected one item per slide (item 8, 'Credits', has no slide)"]],
    );
  });
});

describe('outline-numbering', () => {
  test('a gap is one error at the first wrong number, fixed by renumbering', () => {
    const text = sampleWith('4. Three mechanisms', '5. Three mechanisms');
    const findings = scriptFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn, f.message]),
      [[
        'outline-numbering', 'error', 117, 1, 2,
        'Slide outline item 4 is numbered 5; expected 4 (items are numbered 1 to 7 without gaps or repeats; found 1, 2, 3, 5, 5, 6, 7)',
      ]],
    );
    assert.equal(fix(text), SAMPLE);
  });

  test('a bulleted outline of one-line items is fixed into a numbered one', () => {
    const start = SAMPLE.indexOf('## Slide outline');
    const end = SAMPLE.indexOf('## Production notes');
    const outline = SAMPLE.slice(start, end);
    const text = SAMPLE.replace(outline, outline.replace(/^\d+\. /gm, '- '));
    const [finding] = lintRule('outline-numbering', text);
    assert.equal(finding!.message, 'The slide outline is a bulleted list; expected an ordered list numbered 1 to 7, item i describing slide i');
    assert.equal(fix(text), SAMPLE);
  });

  test('a bulleted outline with multi-line items gets no fix (markers would need re-indenting)', () => {
    const start = SAMPLE.indexOf('## Slide outline');
    const end = SAMPLE.indexOf('## Production notes');
    const outline = SAMPLE.slice(start, end);
    const text = SAMPLE.replace(outline, outline.replace(/^\d+\. /gm, '- ').replace('large type.\n', 'large type.\n  Keep the cover legible.\n'));
    const [finding] = lintRule('outline-numbering', text);
    assert.equal(finding!.fix, undefined);
  });
});

describe('outline-title-match', () => {
  test('swapped outline items are two hints on the item titles', () => {
    const text = sampleWith(
      '4. Three mechanisms — three cards: OOD evasion · gradient locality · adversarial training risk.\n5. 2026 defensive practice — four bullets with module references.\n',
      '4. 2026 defensive practice — four bullets with module references.\n5. Three mechanisms — three cards: OOD evasion · gradient locality · adversarial training risk.\n',
    );
    const findings = scriptFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn, f.message]),
      [
        [
          'outline-title-match', 'info', 117, 4, 27,
          "Outline item 4 '2026 defensive practice' shares no word with slide 4 'Why alignment doesn't remove backdoors'; expected the outline to follow the script's slides in order (item 4 describes slide 4)",
        ],
        [
          'outline-title-match', 'info', 118, 4, 20,
          "Outline item 5 'Three mechanisms' shares no word with slide 5 'What 2026 defensive practice looks like'; expected the outline to follow the script's slides in order (item 5 describes slide 5)",
        ],
      ],
    );
  });

  test('case, stop words and prefixes ("app" / "application") do not count as differences', () => {
    assert.deepEqual(lintRule('outline-title-match', sampleWith('3. What it means for app teams', '3. WHAT IT MEANS FOR APP TEAMS')), []);
    assert.equal(lintRule('outline-title-match', sampleWith('3. What it means for app teams', '3. What it is for')).length, 0, 'only stop words: nothing to compare');
  });

  test("an item that matches neither the marker title nor the slide's first sentence is a hint", () => {
    const [finding] = lintRule('outline-title-match', sampleWith('6. The honest answer', '6. Closing thoughts'));
    assert.equal(finding!.message.startsWith("Outline item 6 'Closing thoughts' shares no word with slide 6 'The honest answer'"), true);
  });

  test('with a different count the items do not line up, and the rule is silent', () => {
    assert.deepEqual(lintRule('outline-title-match', sampleWith('7. Up next — "L4.3.1 — Harmful fine-tuning, ~5 min."\n', '')), []);
  });
});

describe('recording-line', () => {
  const withRecording = (line: string) => sampleWith(RECORDING, line);
  const messages = (text: string) => lintRule('recording-line', text).map((f) => [f.line, f.column, f.message]);

  test('a missing recording line is reported on the Production notes heading', () => {
    assert.deepEqual(messages(sampleWith(`${RECORDING}\n`, '')), [
      [122, 4, "The production notes have no recording line; expected an item '- Recording: ~4.5 min. Cap Y.' (Y at most the lesson's Duration)"],
    ]);
  });

  test('a time over the cap is reported on the time (and so is its disagreement with the heading)', () => {
    assert.deepEqual(messages(withRecording('- Recording: ~6 min. Cap 5.')), [
      [RECORDING_LINE, 15, "The recording time ~6 min disagrees with the video script heading's ~4.5 min; expected the same minutes in both"],
      [RECORDING_LINE, 15, 'The recording time ~6 min is over its cap of 5 min; expected a time no longer than the cap'],
    ]);
  });

  test('a cap over the Duration is reported on the cap', () => {
    assert.deepEqual(messages(withRecording('- Recording: ~4.5 min. Cap 8.')), [
      [RECORDING_LINE, 28, "The recording cap of 8 min is longer than the lesson's Duration of ~5 min; expected a cap of at most 5 min"],
    ]);
  });

  test("a time that differs from the script heading's minutes is reported, related to the heading", () => {
    const [finding] = lint(withRecording('- Recording: ~4 min. Cap 5.'), { filePath: 'l.md' }).filter((f) => f.ruleId === 'recording-line');
    assert.equal(finding!.message, "The recording time ~4 min disagrees with the video script heading's ~4.5 min; expected the same minutes in both");
    assert.deepEqual(finding!.related?.[0]?.range, { line: HEADING_LINE, column: 31, endLine: HEADING_LINE, endColumn: 34 });
  });

  test('a line without a cap or a time says which is missing', () => {
    assert.deepEqual(messages(withRecording('- Recording: ~4.5 min.')), [[RECORDING_LINE, 3, "The recording line gives no cap; expected 'Recording: ~X min. Cap Y.'"]]);
    assert.deepEqual(messages(withRecording('- Recording: soon. Cap 5.')), [[RECORDING_LINE, 3, "The recording line gives no time; expected 'Recording: ~X min. Cap Y.'"]]);
  });

  test('bold labels and "Cap at" are read', () => {
    assert.deepEqual(messages(withRecording('- **Recording:** ~4.5 min. Cap at 5.')), []);
  });
});
