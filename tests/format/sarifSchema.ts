/**
 * Validating SARIF output. NOTE: tests/fixtures/sarif-2.1.0.schema.json is a hand-written SUBSET of
 * the official OASIS SARIF 2.1.0 schema (the official file was not available offline): official
 * property names, types, enums, required lists and additionalProperties:false for every object
 * os2level emits. Replace it with the official file when it can be fetched.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema errors of a SARIF log, as readable lines; empty when valid. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
