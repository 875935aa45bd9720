import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/yaml/load.js';
import { dottedPath, validateAgainstSchema } from '../../src/yaml/validate.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://os2level.os2.eu/schemas/test-validate.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    level: { type: 'integer', minimum: 0, maximum: 3 },
    when: { type: 'string', format: 'date' },
    kind: { enum: ['container', 'on-premises'] },
    lead: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string' }, organisation: { type: 'string' } },
    },
    material: { $ref: '#/$defs/oneOrMany' },
    decision: { anyOf: [{ type: 'null' }, { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string' } } }] },
    ids: { type: 'object', propertyNames: { pattern: '^[a-z]+(\\.[a-z0-9-]+)+$', title: 'a requirement id' }, additionalProperties: { type: 'string' } },
  },
  $defs: {
    oneOrMany: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
};

const check = (text: string) => validateAgainstSchema(schema, parseYamlText(text, 'm.yaml'));
const summary = (text: string) => check(text).map((p) => [p.code, p.line, p.column, p.path]);

describe('validateAgainstSchema', () => {
  it('accepts valid data', () => {
    expect(check('name: x\nlevel: 2\nwhen: 2024-01-15\nmaterial: [a, b]\ndecision: null\n')).toEqual([]);
  });

  it('names a wrong type deep inside by its dotted path, at the value', () => {
    const problems = check('name: x\nlead:\n  name: 42\n');
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([['schema-type', 3, 9, '/lead/name']]);
    expect(problems[0]!.message.startsWith('lead.name: ')).toBe(true);
    expect(problems[0]!.file).toBe('m.yaml');
  });

  it('reports a missing required property at its parent', () => {
    expect(summary('name: x\nlead:\n  organisation: Aarhus\n')).toEqual([['schema-required', 3, 3, '/lead/name']]);
    expect(summary('level: 1\n')).toEqual([['schema-required', 1, 1, '/name']]);
  });

  it('reports an unknown key at the key, with a did-you-mean', () => {
    const problems = check('name: x\nlead:\n  name: a\n  organsation: b\nleevl: 1\n');
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['schema-unknown-key', 4, 3, '/lead/organsation'],
      ['schema-unknown-key', 5, 1, '/leevl'],
    ]);
    expect(problems[0]!.message).toContain('"organisation"');
    expect(problems[1]!.message).toContain('"level"');
  });

  it('reports all violations together, sorted by position', () => {
    const problems = check('level: 7\nwhen: 15-01-2024\nname: ""\nkind: containr\n');
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['schema-range', 1],
      ['schema-format', 2],
      ['schema-length', 3],
      ['schema-enum', 4],
    ]);
    expect(problems[3]!.message).toContain('"container"');
  });

  it('turns an anyOf cascade into one message when no branch takes the type', () => {
    const problems = check('name: x\nmaterial: 3\ndecision: text\n');
    expect(problems.map((p) => [p.code, p.line, p.path])).toEqual([
      ['schema-type', 2, '/material'],
      ['schema-type', 3, '/decision'],
    ]);
  });

  it('reports the error inside the branch that takes the type', () => {
    expect(summary('name: x\nmaterial: [a, 5]\n')).toEqual([['schema-type', 2, 15, '/material/1']]);
    expect(summary('name: x\ndecision:\n  urll: y\n').map((s) => s[0]).sort()).toEqual(['schema-required', 'schema-unknown-key']);
  });

  it('reports a key that breaks propertyNames once, at the key', () => {
    expect(summary('name: x\nids:\n  Docs: y\n')).toEqual([['schema-invalid-key', 3, 3, '/ids/Docs']]);
  });

  it('flags a non-mapping document', () => {
    expect(summary('- a\n')).toEqual([['schema-type', 1, 1, '']]);
    expect(summary('')).toEqual([['schema-type', 1, 1, '']]);
  });

  it('reuses the compiled schema', () => {
    for (let i = 0; i < 50; i++) expect(check('name: x\n')).toEqual([]);
  });
});

describe('dottedPath', () => {
  it('names fields the way a person would', () => {
    expect(dottedPath('')).toBe('');
    expect(dottedPath('/governance/lead/name')).toBe('governance.lead.name');
    expect(dottedPath('/relevance/usedBy/1')).toBe('relevance.usedBy[1]');
    expect(dottedPath('/explanations/docs.readme/reason')).toBe('explanations["docs.readme"].reason');
  });
});
