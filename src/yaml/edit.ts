/**
 * Editing YAML text in place: a value is added (or, when asked, replaced) by splicing the source at
 * the positions the `yaml` package's parsed document gives, so every byte os2level does not change
 * stays as written — comments, quoting, folded and literal blocks, key order. Only a shape that
 * cannot be spliced (a flow mapping on the path, an empty document) falls back to re-serialising.
 */
import { isMap, isScalar, parseDocument, stringify, type Node, type YAMLMap } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** The text with `value` at `path`: inserted when absent, replaced when present. */
export function setYamlValue(text: string, path: YamlPath, value: unknown): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new Error(`cannot edit YAML that does not parse: ${doc.errors[0]!.message}`);
  let node: unknown = doc.contents;
  if (node === null || (isScalar(node) && node.value === null)) return reserialise(text, path, value);
  let depth = 0;
  for (; depth < path.length; depth++) {
    if (!isMap(node) || !(node as YAMLMap).has(path[depth])) break;
    node = (node as YAMLMap).get(path[depth], true);
  }
  if (depth === path.length) return replaceNode(text, node as Node, value);
  // `key:` with nothing (null) at the end of the existing path: write the rest as its value.
  if (isScalar(node) && node.value === null && node.range) {
    const rest = nest(path.slice(depth), value);
    return replaceNode(text, node, rest);
  }
  if (isMap(node) && (node as YAMLMap).flow && node.range) {
    const inserted = insertIntoFlowMap(text, node as YAMLMap, path.slice(depth), value);
    if (inserted !== null) return inserted;
  }
  if (!isMap(node) || (node as YAMLMap).flow || !(node as YAMLMap).items.length) {
    const doc2 = parseDocument(text);
    doc2.setIn([...path], value);
    return doc2.toString({ lineWidth: 0 });
  }
  return insertIntoBlockMap(text, node as YAMLMap, path.slice(depth), value);
}

function nest(rest: YamlPath, value: unknown): unknown {
  return rest.reduceRight<unknown>((inner, key) => ({ [String(key)]: inner }), value);
}

/** `{ name: X }` + `description` → `{ name: X, description: … }`, the value in flow style. */
function insertIntoFlowMap(text: string, map: YAMLMap, rest: YamlPath, value: unknown): string | null {
  const end = map.range![1];
  const close = text.lastIndexOf('}', end);
  if (close < map.range![0]) return null;
  const entry = stringify(nest(rest, value), { lineWidth: 0, collectionStyle: 'flow' }).trim().replace(/^\{\s*/, '').replace(/\s*\}$/, '');
  if (entry.includes('\n')) return null;
  const before = text.slice(0, close).replace(/\s*$/, '');
  const separator = map.items.length ? ', ' : ' ';
  return `${before}${separator}${entry} ${text.slice(close)}`;
}

function insertIntoBlockMap(text: string, map: YAMLMap, rest: YamlPath, value: unknown): string {
  const first = map.items[0]!.key as Node | null;
  const last = map.items.at(-1)!;
  const firstStart = first?.range?.[0];
  const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node | null)?.range)?.[1];
  if (firstStart === undefined || lastEnd === undefined) {
    const doc = parseDocument(text);
    doc.setIn([...rest], value);
    return doc.toString({ lineWidth: 0 });
  }
  const indent = ' '.repeat(firstStart - (text.lastIndexOf('\n', firstStart - 1) + 1));
  // After the last entry's line (a block scalar already ends with its newline).
  let at = text[lastEnd - 1] === '\n' ? lastEnd : text.indexOf('\n', lastEnd);
  let prefix = '';
  if (at < 0) {
    at = text.length;
    prefix = '\n';
  } else if (text[at] === '\n' && text[lastEnd - 1] !== '\n') at += 1;
  const block = stringify(nest(rest, value), { lineWidth: 0 })
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
  return text.slice(0, at) + prefix + block + text.slice(at);
}

/** Replaces one value node, keeping what surrounds it. */
function replaceNode(text: string, node: Node, value: unknown): string {
  const range = node.range;
  if (!range) throw new Error('node without a source range');
  if (value === null || typeof value !== 'object' || isFlowish(value)) {
    // A scalar or a list of scalars on the key's line; a multi-line string double-quoted.
    const inline = typeof value === 'string' && value.includes('\n')
      ? JSON.stringify(value)
      : stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).trimEnd();
    return text.slice(0, range[0]) + inline + text.slice(range[1]);
  }
  // A mapping or a list of mappings: on the following lines, indented under the key.
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const keyIndent = /^ */.exec(text.slice(lineStart))![0].length;
  const block = stringify(value, { lineWidth: 0 }).trimEnd().split('\n').map((l) => (l ? ' '.repeat(keyIndent + 2) + l : l)).join('\n');
  const before = text.slice(0, range[0]).replace(/[ \t]+$/, '');
  const after = text.slice(range[1]);
  return `${before}\n${block}${after.startsWith('\n') || after === '' ? '' : '\n'}${after}`;
}

const isFlowish = (value: unknown): boolean => Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');

/** An empty document: the whole text is the new value (the comments before it kept). */
function reserialise(text: string, path: YamlPath, value: unknown): string {
  const doc = parseDocument(text);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  doc.setIn([...path], value);
  return doc.toString({ lineWidth: 0 });
}
