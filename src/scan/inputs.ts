/**
 * The files a scan or merge reads back — shard and previous reports, journal lines, cached facts —
 * are validated against their schemas before any field is used: they may be cut off, hand-edited
 * or crafted, and a field that is missing must be a clear refusal, never a stack trace later on.
 * One function per kind of input, all through the shared validator (precompiled by the build).
 */
import { readFileSync } from 'node:fs';
import { reportSchema } from '../report/baseline.js';
import { validateAgainstSchema } from '../yaml/validate.js';

const schemas = new Map<string, object>();
function schema(name: 'scan' | 'scan-journal-line' | 'facts-cache'): object {
  let s = schemas.get(name);
  if (!s) {
    s = JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;
    schemas.set(name, s);
  }
  return s;
}

/** The first violation (`field: what is wrong`) and how many there are; null when the data is valid. */
export interface Invalid {
  /** The field, as a dotted path (e.g. `products[0].result`), within the message. */
  message: string;
  count: number;
}

function check(schemaObject: object, extra: object[], data: unknown, file: string): Invalid | null {
  // JSON inputs carry no positions worth reporting: the field names the place.
  const problems = validateAgainstSchema(schemaObject, { file, text: '', data, locate: () => ({ line: 1, column: 1 }) }, { extraSchemas: extra });
  if (problems.length === 0) return null;
  // The deepest field is the most telling one (a whole entry fails when one of its fields does).
  const first = [...problems].sort((a, b) => (b.path ?? '').split('/').length - (a.path ?? '').split('/').length)[0]!;
  return { message: first.message, count: problems.length };
}

export const invalidScanReport = (data: unknown, file: string): Invalid | null => check(schema('scan'), [reportSchema()], data, file);
export const invalidJournalLine = (data: unknown, file: string): Invalid | null => check(schema('scan-journal-line'), [schema('scan'), reportSchema()], data, file);
export const invalidCachedFacts = (data: unknown, file: string): Invalid | null => check(schema('facts-cache'), [], data, file);

/** `message` and, when there are more, how many: for a one-line diagnostic. */
export const describeInvalid = (i: Invalid): string => (i.count > 1 ? `${i.message} (and ${i.count - 1} more)` : i.message);
