/**
 * Every regular expression of the extension, the server and the engine is
 * checked for catastrophic backtracking with recheck: a rule runs its regexes
 * over author text (short fields, but a field may be huge in a hostile
 * lesson), so none may be super-linear.
 *
 * The regexes are found with the TypeScript compiler API in
 * server/src/**\/*.ts and client/src/**\/*.ts: every regex literal and every
 * `new RegExp(…)`/`RegExp(…)` with a literal source. A RegExp built from a
 * non-literal source (a template with substitutions, a variable) is listed in
 * DYNAMIC_SOURCES below with the regexes it can produce; an unlisted one fails
 * the test, so that a new one cannot slip past the check.
 *
 * recheck's synchronous API runs its native (or Java) backend in a worker and
 * falls back to its pure-JS one when neither is installed; set
 * RECHECK_SYNC_BACKEND=pure to force the pure one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { checkSync, type Diagnostics } from 'recheck';
import { globSync } from 'tinyglobby';
import ts from 'typescript';
import { MINUTES_DECLARED, WORDS_DECLARED } from '../../server/src/engine/model/views/common';

const ROOT = join(__dirname, '..', '..');

interface RegexSite {
  /** `path:line`, relative to the repository root. */
  where: string;
  source: string;
  flags: string;
}

interface DynamicSite {
  where: string;
  file: string;
  /** The RegExp call as written, e.g. "new RegExp(`…${unit}`, 'i')". */
  code: string;
}

/**
 * Non-literal RegExp sources, by file and by the call as written, with every
 * regex the call can build. Update this when such a call changes.
 */
const DYNAMIC_SOURCES: Record<string, Record<string, () => RegExp[]>> = {
  'server/src/engine/model/views/common.ts': {
    // NUMBER_THEN(unit) is called for these two exports only.
    "new RegExp(`(?:(~)\\\\s*)?(\\\\d{1,6}(?:\\\\.\\\\d{1,3})?)\\\\s*${unit}`, 'i')": () => [WORDS_DECLARED, MINUTES_DECLARED],
  },
};

function collect(): { literals: RegexSite[]; dynamic: DynamicSite[] } {
  const literals: RegexSite[] = [];
  const dynamic: DynamicSite[] = [];
  const files = globSync(['server/src/**/*.ts', 'client/src/**/*.ts'], { cwd: ROOT, ignore: ['**/node_modules/**'] }).sort();
  for (const file of files) {
    const path = join(ROOT, file);
    const sourceFile = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(ROOT, path).split('\\').join('/')}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const close = text.lastIndexOf('/');
        literals.push({ where: where(node), source: text.slice(1, close), flags: text.slice(close + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [source, flags] = node.arguments ?? [];
        const literalFlags = flags === undefined ? '' : ts.isStringLiteralLike(flags) ? flags.text : undefined;
        if (source && ts.isStringLiteralLike(source) && literalFlags !== undefined) {
          literals.push({ where: where(node), source: source.text, flags: literalFlags });
        } else {
          dynamic.push({ where: where(node), file: relative(ROOT, path).split('\\').join('/'), code: node.getText(sourceFile) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, dynamic };
}

/**
 * Super-linear regexes this test found in files whose owners have been sent
 * a linear rewrite (the value). They are listed in the test output instead of
 * failing it until fixed; an entry that no longer matches an unsafe regex
 * fails the last test, so that it is removed once the fix lands. Keyed by
 * `file /source/flags` (not by line: lines move).
 */
const REPORTED: Record<string, string> = {};

/** Seconds recheck may spend on one regex before it counts as not proven safe. */
const TIMEOUT_MS = 20_000;

function describeUnsafe(d: Diagnostics): string {
  if (d.status === 'vulnerable') {
    return `${d.complexity.type} backtracking (${d.complexity.summary}); attack: ${d.attack.pattern}, hot spot: ${d.hotspot.map((h) => d.source.slice(h.start, h.end)).join(' ')}`;
  }
  if (d.status === 'unknown') return `not proven safe (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''})`;
  return d.status;
}

const { literals, dynamic } = collect();

describe('regular expressions are free of catastrophic backtracking', () => {
  test('the scan finds the regexes (a sanity check on the collector)', () => {
    assert.ok(literals.length > 20, `only ${literals.length} regex literals found`);
    assert.ok(literals.some((r) => r.where.startsWith('server/src/engine/model/views/video-script.ts:')));
  });

  test('every dynamic RegExp source is listed with the regexes it builds', () => {
    const unlisted = dynamic.filter((site) => !DYNAMIC_SOURCES[site.file]?.[site.code]);
    assert.deepEqual(unlisted.map((s) => `${s.where}: ${s.code}`), [], 'add these to DYNAMIC_SOURCES in test/unit/redos.test.ts');
  });

  const checked: RegexSite[] = [
    ...literals,
    ...dynamic.flatMap((site) =>
      (DYNAMIC_SOURCES[site.file]?.[site.code]?.() ?? []).map((regex) => ({ where: site.where, source: regex.source, flags: regex.flags })),
    ),
  ];
  // One test per file keeps the report readable and each failure precise (file:line, attack string).
  const byFile = new Map<string, RegexSite[]>();
  for (const site of checked) {
    const file = site.where.slice(0, site.where.lastIndexOf(':'));
    byFile.set(file, [...(byFile.get(file) ?? []), site]);
  }
  const stillUnsafe = new Set<string>();
  for (const [file, sites] of byFile) {
    test(file, (t) => {
      const unsafe: string[] = [];
      for (const site of sites) {
        const diagnostics = checkSync(site.source, site.flags, { timeout: TIMEOUT_MS });
        if (diagnostics.status === 'safe') continue;
        const report = `${site.where} /${site.source}/${site.flags}: ${describeUnsafe(diagnostics)}`;
        const key = `${file} /${site.source}/${site.flags}`;
        if (REPORTED[key]) {
          stillUnsafe.add(key);
          t.diagnostic(`reported, awaiting the owner's fix: ${report}`);
        } else unsafe.push(report);
      }
      assert.deepEqual(unsafe, [], `super-linear regexes:\n${unsafe.join('\n')}`);
    });
  }

  test('every REPORTED regex is still there and still unsafe (else remove its entry)', () => {
    assert.deepEqual(Object.keys(REPORTED).filter((key) => !stillUnsafe.has(key)), []);
  });
});
