/** Validates scan reports against schemas/scan.schema.json (which reuses the report schema's result by $ref). */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
// ajv-formats is CommonJS: its plugin is the namespace's default or the default's default.
const addFormats: FormatsPlugin =
  ((formatsModule as { default?: unknown }).default as { default?: FormatsPlugin }).default ??
  ((formatsModule as { default?: unknown }).default as FormatsPlugin);

const load = (name: string): object => JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(load('report.schema.json'));
const validate = ajv.compile(load('scan.schema.json'));

export function scanSchemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
