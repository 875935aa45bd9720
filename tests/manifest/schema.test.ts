import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/manifest/load.js';
import { parseYamlText } from '../../src/yaml/load.js';

type Schema = Record<string, unknown>;
const schema = manifestSchema() as Schema;
const defs = schema.$defs as Record<string, Schema>;
const deref = (s: Schema): Schema => (typeof s.$ref === 'string' ? deref(defs[s.$ref.replace('#/$defs/', '')]!) : s);

/** Every `properties` entry anywhere in the schema, with its dotted path. */
function allProperties(s: Schema, path: string, out: [string, Schema][] = []): [string, Schema][] {
  for (const [name, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
    out.push([`${path}${name}`, sub]);
    allProperties(sub, `${path}${name}.`, out);
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    if (s[key] && typeof s[key] === 'object') allProperties(s[key] as Schema, `${path}*.`, out);
  }
  for (const branch of (s.anyOf as Schema[]) ?? []) allProperties(branch, path, out);
  return out;
}

describe('the manifest schema', () => {
  it('is draft 2020-12 with a stable $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://os2level.os2.eu/schemas/os2-manifest.schema.json');
  });

  it('describes every property, since the README reference is generated from it', () => {
    const props = [...allProperties(schema, ''), ...Object.values(defs).flatMap((d) => allProperties(d, '$defs.'))];
    expect(props.length).toBeGreaterThan(100);
    const undescribed = props.filter(([, s]) => typeof s.description !== 'string' || s.description.length < 10).map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it('closes every object to unknown keys', () => {
    const open: string[] = [];
    const visit = (s: Schema, path: string) => {
      if (s.type === 'object' && s.properties && s.additionalProperties !== false) open.push(path);
      for (const [name, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) visit(sub, `${path}.${name}`);
      for (const key of ['items', 'additionalProperties'] as const) if (s[key] && typeof s[key] === 'object') visit(s[key] as Schema, `${path}.*`);
      for (const b of (s.anyOf as Schema[]) ?? []) visit(b, path);
    };
    visit(schema, '');
    for (const [name, d] of Object.entries(defs)) visit(d, `$defs.${name}`);
    expect(open).toEqual([]);
  });

  it('is exercised field by field by the example manifest', () => {
    const example = parseYamlText(readFileSync(new URL('../../examples/os2.example.yaml', import.meta.url), 'utf8'), 'os2.example.yaml').data;
    const missing: string[] = [];
    const visit = (s: Schema, value: unknown, path: string) => {
      const d = deref(s);
      for (const [name, sub] of Object.entries((d.properties as Record<string, Schema>) ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        if (v === undefined) missing.push(`${path}${name}`);
        else if (v !== null) visit(sub, v, `${path}${name}.`);
      }
      if (d.items && Array.isArray(value) && value.length) visit(d.items as Schema, value[0], path);
    };
    visit(schema, example, '');
    expect(missing).toEqual([]);
  });
});
