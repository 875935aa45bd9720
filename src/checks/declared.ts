import { badDeclaredPath, summarise } from './declaredEvidence.js';
import { getPath, isPresent, manifestData } from './declaredValue.js';
import { defineCheck, type Evidence } from './types.js';

export interface Params {
  fields: string[];
  match?: 'all' | 'any';
  minItems?: number;
  equals?: unknown;
  publiccode?: 'usedBy'[];
}

const countItems = (v: unknown): number => (Array.isArray(v) ? v.filter(isPresent).length : isPresent(v) ? 1 : 0);

/** Only the product can say it: fields in os2.yaml (and, where allowed, publiccode.yml). */
export const declared = defineCheck<Params>({
  paramsSchema: {
    type: 'object',
    required: ['fields'],
    additionalProperties: false,
    properties: {
      fields: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$' } },
      match: { enum: ['all', 'any'] },
      minItems: { type: 'integer', minimum: 1 },
      equals: {},
      publiccode: { type: 'array', items: { enum: ['usedBy'] } },
    },
  },
  run({ facts }, p) {
    const min = p.minItems ?? 1;
    if (p.publiccode?.includes('usedBy') && facts.publiccode?.status === 'known') {
      const usedBy = facts.publiccode.value.usedBy;
      if (usedBy.length >= min) {
        return {
          outcome: 'pass', code: 'declared.publiccode', args: { field: 'usedBy', count: usedBy.length },
          evidence: [{ kind: 'publiccode', path: facts.publiccode.value.path, value: usedBy.join(', ') }], basis: 'declared',
        };
      }
    }
    const data = manifestData(facts);
    if (!data) return { outcome: 'fail', code: 'declared.no-manifest', args: { fields: p.fields }, evidence: [{ kind: 'looked-for', value: 'os2.yaml' }], basis: 'none' };

    const failures: { code: string; args: Record<string, string | number | string[]> ; evidence: Evidence }[] = [];
    const passed: Evidence[] = [];
    for (const field of p.fields) {
      const value = getPath(data, field);
      if (!isPresent(value)) {
        failures.push({ code: 'declared.missing', args: { fields: [field] }, evidence: { kind: 'looked-for', path: field, value: `os2.yaml:${field}` } });
        continue;
      }
      if (p.equals !== undefined && JSON.stringify(value) !== JSON.stringify(p.equals)) {
        failures.push({ code: 'declared.not-equal', args: { field, expected: summarise(p.equals), actual: summarise(value) }, evidence: { kind: 'declared', path: field, value: summarise(value) } });
        continue;
      }
      const n = countItems(value);
      if (n < min) {
        failures.push({ code: 'declared.too-few', args: { field, count: n, min }, evidence: { kind: 'declared', path: field, value: summarise(value) } });
        continue;
      }
      const bad = badDeclaredPath(facts, value);
      if (bad) {
        failures.push({ code: bad.status === 'outside' ? 'declared.path-outside' : 'declared.path-missing', args: { field, path: bad.path }, evidence: { kind: 'declared', path: field, value: bad.path } });
        continue;
      }
      passed.push({ kind: 'declared', path: field, value: summarise(value) });
    }
    const ok = (p.match ?? 'all') === 'all' ? failures.length === 0 : passed.length > 0;
    if (ok) return { outcome: 'pass', code: 'declared.pass', args: { fields: passed.map((e) => e.path!) }, evidence: passed, basis: 'declared' };
    // Report a concrete problem (a wrong value) before a plain absence; list every absent field together.
    const concrete = failures.find((f) => f.code !== 'declared.missing');
    if (concrete) return { outcome: 'fail', code: concrete.code, args: concrete.args, evidence: failures.map((f) => f.evidence), basis: 'declared' };
    const missing = failures.flatMap((f) => f.args.fields as string[]);
    return { outcome: 'fail', code: 'declared.missing', args: { fields: missing }, evidence: failures.map((f) => f.evidence), basis: 'none' };
  },
});
