/**
 * Applying planned values to publiccode.yml. An existing file is edited in place
 * (src/publiccode/yamlEdit.ts splices the source at the parsed document's positions), so every byte
 * of what was there stays as written — comments, quoting, folded blocks, key order — and only the
 * added keys are new. A value equal to what the file holds is not touched; when nothing changes the
 * original text comes back byte for byte. A new file is built as a document in the standard's order.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, parseDocument } from 'yaml';
import type { PubliccodeEdit } from './plan.js';
import { setYamlValue } from '../yaml/edit.js';

/** The order of top-level keys in a new file: the standard's order of presentation. */
const NEW_FILE_ORDER = [
  'publiccodeYmlVersion', 'name', 'url', 'landingURL', 'softwareVersion', 'releaseDate', 'platforms', 'categories',
  'usedBy', 'developmentStatus', 'softwareType', 'description', 'legal', 'maintenance', 'localisation',
];

export interface ParsedPubliccode {
  doc: Document;
  /** Plain values of the existing file (null for a new file). */
  data: Record<string, unknown> | null;
}

/** Parses existing text; YAML errors are returned so the caller can refuse to rewrite a broken file. */
export function parsePubliccode(text: string | null): ParsedPubliccode | { errors: string[] } {
  if (text === null) return { doc: new Document({}), data: null };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) return { errors: doc.errors.map((e) => e.message.split('\n')[0]!) };
  if (doc.contents !== null && !isMap(doc.contents)) return { errors: ['the top level is not a mapping'] };
  if (doc.contents === null) return { doc: new Document({}), data: {} };
  const data = doc.toJS({ maxAliasCount: 20 }) as Record<string, unknown>;
  return { doc, data: normaliseDates(data) as Record<string, unknown> };
}

/** The edits that change something, and the text with them applied (the original when none does). */
export function applyEdits(parsed: ParsedPubliccode, edits: readonly PubliccodeEdit[], original: string | null): { applied: PubliccodeEdit[]; text: string } {
  const applied: PubliccodeEdit[] = [];
  const ordered = parsed.data === null ? [...edits].sort((a, b) => rank(a) - rank(b)) : edits;
  let text = original;
  for (const e of ordered) {
    const current = parsed.doc.hasIn(e.path) ? normaliseDates(toPlain(parsed.doc.getIn(e.path))) : undefined;
    if (isDeepStrictEqual(current, e.value)) continue;
    parsed.doc.setIn(e.path, e.value);
    if (text !== null) text = setYamlValue(text, e.path, e.value);
    applied.push(e);
  }
  return { applied, text: text ?? parsed.doc.toString({ lineWidth: 0 }) };
}

const rank = (e: PubliccodeEdit): number => {
  const i = NEW_FILE_ORDER.indexOf(String(e.path[0]));
  return i < 0 ? NEW_FILE_ORDER.length : i;
};

function toPlain(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node && typeof (node as { toJSON: unknown }).toJSON === 'function'
    ? (node as { toJSON(): unknown }).toJSON()
    : node;
}

/** YAML 1.1 readers turn dates into Date objects; compare and validate them as YYYY-MM-DD strings. */
function normaliseDates(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(normaliseDates);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normaliseDates(x)]));
  return v;
}
