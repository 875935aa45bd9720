/**
 * Loads a YAML input (os2.yaml, the level catalogue, a portfolio list) into plain JSON-like data
 * while keeping the document around, so later validation can point at `file:line:column`.
 * All syntax problems are reported at once; hostile inputs (alias bombs, deep nesting, huge files,
 * `__proto__` keys) end in an `InputError`, never in a hang, a crash or a polluted prototype.
 */
import { Composer, LineCounter, Parser, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair, ParsedNode } from 'yaml';
import type { CST } from 'yaml';
import { InputError, type SourceProblem } from '../errors.js';
import { readInputFile } from '../repo/readInput.js';

export interface Position {
  line: number;
  column: number;
}

export interface LocateOptions {
  /** Point at the key of the last pointer segment rather than its value (unknown-key errors). */
  key?: boolean;
}

export interface LoadedYaml {
  file: string;
  /** The text as parsed (a UTF-8 byte-order mark removed). */
  text: string;
  /** Plain data: objects, arrays, strings, numbers, booleans, null. Dates stay strings. */
  data: unknown;
  /**
   * Position of the node a JSON pointer (e.g. ajv's `instancePath`) names. Where the pointer goes
   * further than the document (a missing property), the deepest existing ancestor's position.
   */
  locate(pointer: string, opts?: LocateOptions): Position;
}

export interface YamlLimits {
  /** Largest file accepted, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** How the file is named in a size error: `the manifest`, `--levels`, `a portfolio`. */
  what?: string;
  /** Deepest nesting of collections accepted (default 64). */
  maxDepth?: number;
  /** Most alias dereferences accepted while building the data (default 100). */
  maxAliasCount?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_ALIAS_COUNT = 100;
/** Upper bound on values built, so aliases within the count limit still cannot blow up memory. */
const MAX_NODES = 1_000_000;

const fileProblem = (file: string, code: string, message: string): SourceProblem => ({ file, line: 1, column: 1, code, message });

const fail = (file: string, code: string, message: string): never => {
  throw new InputError(`${file}: ${message}`, [fileProblem(file, code, message)], code);
};

/** Reads, decodes and parses a YAML file; throws `InputError` for anything that stops it. */
export async function loadYamlFile(path: string, opts: YamlLimits = {}): Promise<LoadedYaml> {
  const bytes = await readInputFile(path, { what: opts.what ?? 'a YAML input', maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(path, 'file-not-utf8', 'file is not valid UTF-8 text');
  }
  return parseYamlText(text, path, opts);
}

/** Parses YAML held in memory; `file` is used only for positions in problems. */
export function parseYamlText(text: string, file: string, opts: YamlLimits = {}): LoadedYaml {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();

  // The text is parsed once into its concrete syntax tree (the parser does not recurse). The
  // composer and its error formatting do recurse and can exhaust memory on absurd nesting, so the
  // nesting is measured on that tree before anything is composed from it.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const depth = cstDepth(tokens, maxDepth);
  if (depth.exceeded) {
    const pos = linePosOf(text, depth.offset);
    const problem = { file, ...pos, code: 'yaml-too-deep', message: `nesting is deeper than ${maxDepth} levels` };
    throw new InputError(`${file}: ${problem.message}`, [problem], 'yaml-invalid');
  }

  const doc = composeFirstDocument(tokens, text.length);
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  const problems: SourceProblem[] = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    return { file, ...pos, code: yamlErrorCode(e.code), message: yamlMessage(e.code, e.message, text, e.pos[0]) };
  });

  let data: unknown = null;
  if (problems.length === 0) {
    const builder = new PlainBuilder(doc, file, at, maxDepth, opts.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
    data = builder.build();
    problems.push(...builder.problems);
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    const noun = problems.length === 1 ? 'problem' : 'problems';
    throw new InputError(`${file}: ${problems.length} YAML ${noun}`, problems, 'yaml-invalid');
  }
  return { file, text, data, locate: (pointer, o) => locateNode(doc, pointer, o, at) };
}

function yamlErrorCode(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'yaml-duplicate-key';
  if (code === 'MULTIPLE_DOCS') return 'yaml-multiple-documents';
  return 'yaml-syntax';
}

function yamlMessage(code: string, message: string, text: string, offset: number): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second "---")';
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0].trim();
    return key ? `duplicate key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}` : 'duplicate key';
  }
  return plainYamlMessage(message);
}

/** Drops the " at line L, column C:" suffix and code excerpt: positions are reported separately. */
function plainYamlMessage(message: string): string {
  const m = /^([\s\S]*?) at line \d+, column \d+/.exec(message);
  return (m?.[1] ?? message.split('\n')[0] ?? message).trim();
}

function linePosOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const COMPOSE_OPTIONS = {
  uniqueKeys: true,
  schema: 'core',
  // Custom tags resolve to plain values instead of warnings turning into surprises.
  logLevel: 'error',
} as const;

/**
 * The first document composed from the syntax tree, as `parseDocument` would give it: a second
 * document is an error on the first. Positions come from the line counter the parser fed.
 */
function composeFirstDocument(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | null = null;
  for (const next of new Composer(COMPOSE_OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/** Walks the CST iteratively; reports the first collection deeper than `max`. */
function cstDepth(tokens: CST.Token[], max: number): { exceeded: false } | { exceeded: true; offset: number } {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) stack.push({ token, depth: 0 });
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    const push = (t: CST.Token | undefined, d: number) => {
      if (t) stack.push({ token: t, depth: d });
    };
    switch (token.type) {
      case 'document':
        push(token.value, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > max) return { exceeded: true, offset: token.offset };
        for (const item of token.items) {
          if ('key' in item) push(item.key ?? undefined, d);
          push(item.value, d);
        }
        break;
      }
      default:
        break;
    }
  }
  return { exceeded: false };
}

/** Builds plain data from the document with bounded aliases and depth, never touching prototypes. */
class PlainBuilder {
  readonly problems: SourceProblem[] = [];
  private aliases = 0;
  private nodes = 0;
  private stopped = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly file: string,
    private readonly at: (offset: number) => Position,
    private readonly maxDepth: number,
    private readonly maxAliasCount: number,
  ) {}

  build(): unknown {
    return this.value(this.doc.contents, 0);
  }

  private problem(node: YamlNode | null | undefined, code: string, message: string): void {
    const offset = node?.range?.[0] ?? 0;
    this.problems.push({ file: this.file, ...this.at(offset), code, message });
  }

  private stop(node: YamlNode | null | undefined, code: string, message: string): void {
    if (!this.stopped) this.problem(node, code, message);
    this.stopped = true;
  }

  private value(node: unknown, depth: number): unknown {
    if (this.stopped || node == null) return null;
    if (++this.nodes > MAX_NODES) {
      this.stop(node as YamlNode, 'yaml-too-large', `document expands to more than ${MAX_NODES} values`);
      return null;
    }
    if (isAlias(node)) {
      if (++this.aliases > this.maxAliasCount) {
        this.stop(node, 'yaml-too-many-aliases', `more than ${this.maxAliasCount} alias references; aliases are limited to prevent resource exhaustion`);
        return null;
      }
      const target = node.resolve(this.doc);
      if (!target) {
        this.problem(node, 'yaml-syntax', `unresolved alias *${node.source}`);
        return null;
      }
      return this.value(target, depth);
    }
    if (isScalar(node)) return plainScalar(node.value);
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > this.maxDepth) {
        this.stop(node, 'yaml-too-deep', `nesting is deeper than ${this.maxDepth} levels`);
        return null;
      }
      if (isSeq(node)) return node.items.map((item) => this.value(item, depth + 1));
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = this.key(pair);
        if (key === undefined) continue;
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          this.problem(pair.key as YamlNode, 'yaml-duplicate-key', `duplicate key "${key}"`);
          continue;
        }
        // defineProperty, not assignment: a `__proto__` key becomes an own property, not a prototype.
        Object.defineProperty(out, key, { value: this.value(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return null;
  }

  private key(pair: Pair): string | undefined {
    let k: unknown = pair.key;
    if (isAlias(k)) k = k.resolve(this.doc);
    if (k == null) return '';
    if (isScalar(k)) return k.value == null ? '' : String(k.value);
    this.problem(k as YamlNode, 'yaml-complex-key', 'mapping keys must be plain scalars');
    return undefined;
  }
}

function plainScalar(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  // Anything else a tag could produce (binary data, sets) is kept as its string form.
  return String(v);
}

function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locateNode(doc: Document.Parsed, pointer: string, opts: LocateOptions | undefined, at: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let offset = (node as ParsedNode | null)?.range?.[0] ?? 0;
  const segments = decodePointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    for (let hops = 0; isAlias(node) && hops < 100; hops++) node = node.resolve(doc);
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyString(p.key, doc) === seg);
      if (!pair) break;
      keyOffset = (pair.key as ParsedNode | null)?.range?.[0];
      next = pair.value;
      const valueOffset = (pair.value as ParsedNode | null)?.range?.[0];
      // An empty value (`key:`) has no useful position of its own; its key does.
      const empty = next == null || (isScalar(next) && next.value === null && (next as { source?: string }).source === '');
      offset = (last && opts?.key) || empty || valueOffset === undefined ? (keyOffset ?? offset) : valueOffset;
    } else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(seg)) {
      next = node.items[Number(seg)];
      if (next == null) break;
      offset = (next as ParsedNode).range?.[0] ?? offset;
    } else {
      break;
    }
    node = next;
  }
  return at(offset);
}

function keyString(key: unknown, doc: Document.Parsed): string | undefined {
  if (isAlias(key)) key = key.resolve(doc);
  if (key == null) return '';
  if (isScalar(key)) return key.value == null ? '' : String(key.value);
  return undefined;
}
