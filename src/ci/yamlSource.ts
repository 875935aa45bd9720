/**
 * A YAML CI definition kept as a node tree, so steps can carry the line they are on. Aliases are
 * resolved and `<<` merge keys are honoured when reading maps, since CI files use both heavily.
 */
import { Alias, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { CiStep, CiSystem } from '../facts/types.js';
import { classifyCommand, classifyRef } from './classify.js';

export interface YamlSource {
  file: string;
  docs: Document.Parsed[];
  lineOf(node: unknown): number | undefined;
}

export type YamlLoad = { ok: true; source: YamlSource } | { ok: false; error: string };

/** Parses every document in `text`; the first YAML error (with its line) fails the file. */
export function loadYaml(file: string, text: string): YamlLoad {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false }) as Document.Parsed[];
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (!Array.isArray(docs)) return { ok: false, error: 'not a YAML stream' };
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      return { ok: false, error: `${err.code} at line ${pos.line}, column ${pos.col}` };
    }
    // Readers below follow aliases; an alias bomb would make them walk billions of nodes.
    if (expandedSize(doc, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
      return { ok: false, error: `aliases expand to more than ${MAX_EXPANDED_NODES} nodes` };
    }
  }
  const source: YamlSource = {
    file,
    docs,
    lineOf(node) {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      return range ? lineCounter.linePos(range[0]).line : undefined;
    },
  };
  return { ok: true, source };
}

const MAX_EXPANDED_NODES = 200_000;

/**
 * Each alias's target, found in one pass per document: yaml's own `resolve` walks the whole
 * document on every call, which is quadratic in a file full of aliases. Same rule as yaml: the
 * last node anchored with that name before the alias.
 */
const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, unknown>>();
function resolveAlias(alias: Alias, doc: Document.Parsed): unknown {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const found = new Map<Alias, unknown>();
    const latest = new Map<string, unknown>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) found.set(node, latest.get(node.source));
        else if ((node as { anchor?: string }).anchor) latest.set((node as { anchor: string }).anchor, node);
      },
    });
    aliasTargets.set(doc, (targets = found));
  }
  return targets.get(alias);
}

/** Nodes of the document with every alias expanded, counted without expanding (stops past `limit`). */
function expandedSize(doc: Document.Parsed, limit: number): number {
  const memo = new Map<unknown, number>();
  const size = (node: unknown, depth: number): number => {
    if (depth > 1000) return Infinity; // also ends an alias that names its own ancestor
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    let n = 1;
    if (isAlias(node)) n = size(resolveAlias(node as Alias, doc), depth + 1);
    else if (isPair(node)) n = size(node.key, depth + 1) + size(node.value, depth + 1);
    else if (isMap(node) || isSeq(node)) {
      for (const item of (node as YAMLMap | YAMLSeq).items) if ((n += size(item, depth + 1)) > limit) break;
    }
    memo.set(node, n);
    return n;
  };
  return size(doc.contents, 0);
}

/** Follows aliases to the node they name. */
export function deref(node: unknown, doc: Document.Parsed): unknown {
  let n = node;
  for (let i = 0; i < 32 && isAlias(n); i++) n = resolveAlias(n as Alias, doc);
  return n;
}

/** Map entries in order, with `<<: *anchor` (or a list of anchors) merged in below own keys. */
export function entries(node: unknown, doc: Document.Parsed, depth = 0): [string, unknown][] {
  const map = deref(node, doc);
  if (!isMap(map) || depth > 16) return [];
  const own: [string, unknown][] = [];
  const merged: [string, unknown][] = [];
  for (const pair of (map as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === '<<') {
      const value = deref(pair.value, doc);
      const sources = isSeq(value) ? (value as YAMLSeq).items : [value];
      for (const s of sources) merged.push(...entries(s, doc, depth + 1));
    } else {
      own.push([key, pair.value]);
    }
  }
  const ownKeys = new Set(own.map(([k]) => k));
  return [...own, ...merged.filter(([k]) => !ownKeys.has(k))];
}

export function get(node: unknown, doc: Document.Parsed, key: string): unknown {
  return entries(node, doc).find(([k]) => k === key)?.[1];
}

export function items(node: unknown, doc: Document.Parsed): unknown[] {
  const seq = deref(node, doc);
  return isSeq(seq) ? (seq as YAMLSeq).items.map((i) => deref(i, doc)) : [];
}

export function isMapNode(node: unknown, doc: Document.Parsed): boolean {
  return isMap(deref(node, doc));
}

/** The scalar as a string (numbers and booleans included), or null. */
export function str(node: unknown, doc: Document.Parsed): string | null {
  const n = deref(node, doc);
  if (!isScalar(n) || n.value === null || n.value === undefined) return null;
  return String(n.value);
}

/** A script: a string, or a (possibly nested) list of strings; each with its own node for the line. */
export function scriptLines(node: unknown, doc: Document.Parsed): { text: string; node: Node }[] {
  const n = deref(node, doc);
  if (isScalar(n)) {
    const text = str(n, doc);
    return text === null ? [] : [{ text, node: n }];
  }
  if (isSeq(n)) return (n as YAMLSeq).items.flatMap((i) => scriptLines(i, doc));
  return [];
}

const MAX_COMMAND = 200;

/** The command as recorded: first lines of a long script, shortened. */
export function shorten(command: string): string {
  const flat = command.trim().replace(/\s*\r?\n\s*/g, ' ⏎ ');
  return flat.length > MAX_COMMAND ? flat.slice(0, MAX_COMMAND - 1) + '…' : flat;
}

/** The whole script of each command step (the step records it shortened), for following project targets. */
const FULL_COMMAND = new WeakMap<CiStep, string>();

/** A command step's whole script, as the CI file has it; undefined for a packaged step (an action, orb, task). */
export const fullCommand = (step: CiStep): string | undefined => FULL_COMMAND.get(step);

export function commandStep(system: CiSystem, file: string, job: string | null, command: string, line: number | undefined): CiStep {
  const step = withLine({ file, system, job, command: shorten(command), kinds: classifyCommand(command) }, line);
  FULL_COMMAND.set(step, command);
  return step;
}

export function refStep(system: CiSystem, file: string, job: string | null, ref: string, line: number | undefined, display = ref): CiStep {
  return withLine({ file, system, job, command: shorten(display), kinds: classifyRef(ref) }, line);
}

const withLine = (step: CiStep, line: number | undefined): CiStep => (line === undefined ? step : { ...step, line });
