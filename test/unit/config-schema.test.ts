/**
 * The config file's JSON Schema and its precompiled validator: generated from
 * the rule registry, committed, current, and safe for a browser worker.
 */
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseConfigText } from '../../server/src/config/index';
import { allRules, DEFAULT_TEMPLATE } from '../../server/src/engine/index';

const ROOT = join(__dirname, '..', '..');

describe('config schema', () => {
  test('the committed schema and validator match what scripts/build-schema.mjs generates from the current rules', async () => {
    const script = pathToFileURL(join(ROOT, 'scripts', 'build-schema.mjs')).href;
    const { generateSchemaFiles } = (await import(script)) as { generateSchemaFiles(): Promise<Record<string, string>> };
    const generated = await generateSchemaFiles();
    for (const [file, text] of Object.entries(generated)) {
      assert.ok(readFileSync(join(ROOT, file), 'utf8') === text, `${file} is stale: run node scripts/build-schema.mjs`);
    }
  });

  test('every rule is a property of rules, and nothing else is', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'server', 'schemas', 'lessonlint.schema.json'), 'utf8'));
    const rules = schema.properties.rules;
    assert.equal(rules.additionalProperties, false);
    assert.deepEqual(Object.keys(rules.properties).sort(), allRules.map((r) => r.meta.id).sort());
  });

  test('a config that spells out every default (all rules, the whole template) is valid', () => {
    const rules = Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    const config = parseConfigText(JSON.stringify({ rules, template: DEFAULT_TEMPLATE, ignores: ['drafts/**'] }), '/c/.lessonlint.json');
    assert.deepEqual(config.template, DEFAULT_TEMPLATE);
  });

  test('every config example in docs/configuration.md is valid', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    const examples = [...docs.matchAll(/```(jsonc|yaml)\n([\s\S]*?)```/g)];
    assert.ok(examples.length >= 3);
    for (const [, language, text] of examples) {
      assert.doesNotThrow(() => parseConfigText(text!, language === 'yaml' ? '/c/.lessonlint.yaml' : '/c/.lessonlint.jsonc'), text);
    }
  });

  test('the validator never compiles code at run time (a browser worker under a strict CSP refuses that)', () => {
    const validator = readFileSync(join(ROOT, 'server', 'src', 'config', 'validator.generated.ts'), 'utf8');
    assert.doesNotMatch(validator, /new Function|\beval\s*\(/);
  });

  test('the config loader bundles for the browser: no Node built-ins, no ajv compiler', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['server/src/config/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((i) => i.startsWith('node:') || i.includes('node_modules/ajv/')), []);
    assert.doesNotMatch(result.outputFiles[0]!.text, /new Function|\beval\s*\(/);
  });
});
