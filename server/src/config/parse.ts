/**
 * Reading a config file's text: JSONC (comments and trailing commas allowed,
 * in `.json` too) or YAML. Besides the data, a parse keeps the syntax tree so
 * that a problem found later (by the schema, or in `extends`) can point at
 * the line and column of the offending key or value.
 */
// The ESM build: the package's `main` is a UMD wrapper whose dynamic requires esbuild cannot bundle.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { LineIndex } from '../engine/model/text';
import { ConfigError } from './errors';

export type JsonPath = Array<string | number>;

export interface Position {
  line: number;
  column: number;
}

export interface ConfigDocument {
  filePath: string;
  /** The parsed data; not yet validated. */
  data: unknown;
  /**
   * Where the value at `path` starts, or its key when `key` is set; falls
   * back to the nearest ancestor present in the file.
   */
  locate(path: JsonPath, key?: boolean): Position;
}

export function isYamlPath(filePath: string): boolean {
  return /\.ya?ml$/i.test(filePath);
}

export function parseConfigDocument(text: string, filePath: string): ConfigDocument {
  // Editors do not show a byte order mark; positions are counted without it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return isYamlPath(filePath) ? parseYaml(text, filePath) : parseJsonc(text, filePath);
}

const JSON_PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between entries",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the configuration',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: "unterminated comment (missing '*/')",
  UnexpectedEndOfString: 'unterminated string (missing closing quote)',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

function parseJsonc(text: string, filePath: string): ConfigDocument {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    throw new ConfigError(filePath, `invalid JSON: ${JSON_PROBLEMS[code] ?? code}`, lines.position(first.offset));
  }
  if (root) checkJsonKeys(root, filePath, lines);
  return {
    filePath,
    // Plain objects (jsonc-parser builds null-prototype ones); '__proto__' keys were refused above.
    data: root ? JSON.parse(JSON.stringify(getNodeValue(root))) : undefined,
    locate(path, key = false) {
      for (let prefix = path; root; prefix = prefix.slice(0, -1)) {
        const node = findNodeAtLocation(root, prefix);
        if (node) {
          const keyNode = key && prefix.length === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
          return lines.position((keyNode ?? node).offset);
        }
        if (prefix.length === 0) break;
      }
      return { line: 1, column: 1 };
    },
  };
}

/** JSON allows a key twice (the last wins, silently); a config must not. */
function checkJsonKeys(node: JsonNode, filePath: string, lines: LineIndex): void {
  if (node.type === 'array') {
    for (const child of node.children ?? []) checkJsonKeys(child, filePath, lines);
    return;
  }
  if (node.type !== 'object') return;
  const seen = new Set<string>();
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    if (key === '__proto__') throw new ConfigError(filePath, "the key '__proto__' is not allowed", lines.position(keyNode.offset));
    if (seen.has(key)) throw new ConfigError(filePath, `duplicate key '${key}' (each key may appear once per object)`, lines.position(keyNode.offset));
    seen.add(key);
    if (valueNode) checkJsonKeys(valueNode, filePath, lines);
  }
}

function parseYaml(text: string, filePath: string): ConfigDocument {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) throw new ConfigError(filePath, `invalid YAML: ${firstLine(first.message)}`, lines.position(first.pos[0]));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(filePath, `invalid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
  return {
    filePath,
    data,
    locate(path, key = false) {
      for (let prefix = path; ; prefix = prefix.slice(0, -1)) {
        const offset = yamlOffset(doc, prefix, key && prefix.length === path.length);
        if (offset !== undefined) return lines.position(offset);
        if (prefix.length === 0) return { line: 1, column: 1 };
      }
    },
  };
}

function yamlOffset(doc: Document, path: JsonPath, key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      keyNode = undefined;
      node = node.items[Number(segment)];
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  const target = key && keyNode ? keyNode : (node ?? keyNode);
  if (isScalar(target) || isMap(target) || isSeq(target) || isAlias(target)) return target.range?.[0];
  return path.length === 0 ? 0 : undefined;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
