/**
 * Validation of publiccode.yml against schemas/publiccode.schema.json (a subset of the standard's
 * rules for the fields os2level writes) plus what a schema cannot say: SPDX ids, and at least one
 * language with a long description and features.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { unknownSpdxIds } from './spdx.js';

const SCHEMA_URL = new URL('../../schemas/publiccode.schema.json', import.meta.url);

// ajv-formats is CommonJS: depending on the loader its plugin is the namespace's default or the default's default.
const addFormats: FormatsPlugin = ((formatsModule as { default?: unknown }).default as { default?: FormatsPlugin }).default
  ?? ((formatsModule as { default?: unknown }).default as FormatsPlugin);

export interface PubliccodeProblem {
  /** JSON pointer of the value, `/` for the top level. */
  pointer: string;
  /** `missing` for a required key that is absent, else `invalid`. */
  kind: 'missing' | 'invalid';
  detail: string;
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')));
  }
  return compiled;
}

export function validatePubliccode(data: unknown): PubliccodeProblem[] {
  const validate = validator();
  const problems: PubliccodeProblem[] = [];
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if') continue; // the failing `then` says what is wrong
      if (e.keyword === 'required') problems.push({ pointer: `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`, kind: 'missing', detail: 'required' });
      else problems.push({ pointer: e.instancePath || '/', kind: 'invalid', detail: `${e.message ?? e.keyword}` });
    }
  }
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const licence = (record.legal as Record<string, unknown> | undefined)?.license;
  if (typeof licence === 'string') {
    for (const id of unknownSpdxIds(licence)) problems.push({ pointer: '/legal/license', kind: 'invalid', detail: `"${id}" is not an SPDX licence id os2level knows` });
  }
  const description = record.description && typeof record.description === 'object' ? Object.values(record.description as Record<string, unknown>) : [];
  const some = (key: string): boolean => description.some((d) => d && typeof d === 'object' && (d as Record<string, unknown>)[key] !== undefined);
  if (description.length && !some('longDescription')) problems.push({ pointer: '/description/*/longDescription', kind: 'missing', detail: 'required in at least one language' });
  if (description.length && !some('features')) problems.push({ pointer: '/description/*/features', kind: 'missing', detail: 'required in at least one language' });
  return dedupe(problems);
}

function dedupe(list: PubliccodeProblem[]): PubliccodeProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.pointer}|${p.kind}|${p.detail}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
