/**
 * Parity is a test: every requirement names a registered check with valid params, has Danish and
 * English wording, and is exercised by one passing and one failing Facts; every check is used.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkKinds, getCheck } from '../../src/checks/registry.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Facts } from '../../src/facts/types.js';
import type { LevelCatalogue } from '../../src/levels/types.js';
import { loadTestCatalogue, NOW } from '../helpers/facts.js';
import { PARITY_CASES, perfectFacts } from './parityCases.js';

const addFormats: FormatsPlugin =
  ((formatsModule as { default?: unknown }).default as { default?: FormatsPlugin }).default ??
  ((formatsModule as { default?: unknown }).default as FormatsPlugin);

let catalogue: LevelCatalogue;
let perfect: Facts;
beforeAll(async () => {
  catalogue = await loadTestCatalogue();
  perfect = await perfectFacts();
});

describe('catalogue ↔ check registry', () => {
  it('every requirement names a registered check kind with params valid against its paramsSchema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    const problems: string[] = [];
    for (const r of catalogue.requirements) {
      const check = getCheck(r.check.kind);
      if (!check) {
        problems.push(`${r.id}: unknown check kind ${r.check.kind}`);
        continue;
      }
      const validate = ajv.compile(check.paramsSchema);
      if (!validate(r.check.params ?? {})) problems.push(`${r.id}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
  });

  it('every check kind in the registry is used by at least one requirement', () => {
    const used = new Set(catalogue.requirements.map((r) => r.check.kind));
    expect(checkKinds.filter((k) => !used.has(k))).toEqual([]);
  });

  it('every check kind has its own outcome-table test file', async () => {
    const { readdirSync } = await import('node:fs');
    const files = new Set(readdirSync(new URL('.', import.meta.url)));
    expect(checkKinds.filter((k) => !files.has(`${k}.test.ts`))).toEqual([]);
  });

  it('every requirement has non-empty Danish and English title, description and remediation', () => {
    const problems: string[] = [];
    for (const r of catalogue.requirements) {
      for (const field of ['title', 'description', 'remediation'] as const) {
        for (const lang of ['da', 'en'] as const) {
          if (typeof r[field]?.[lang] !== 'string' || !r[field][lang].trim()) problems.push(`${r.id}.${field}.${lang}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('requirement ids are unique', () => {
    const ids = catalogue.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every requirement passes and fails', () => {
  it('the parity table has exactly one entry per catalogue requirement', () => {
    const ids = catalogue.requirements.map((r) => r.id).sort();
    expect(Object.keys(PARITY_CASES).sort()).toEqual(ids);
  });

  it('the perfect facts reach level 3 with every requirement passing', () => {
    const e = evaluate(perfect, catalogue, { now: NOW });
    expect(e.requirements.filter((r) => r.outcome !== 'pass').map((r) => `${r.id}: ${r.outcome} ${r.code}`)).toEqual([]);
    expect(e.achievedLevel).toBe(3);
  });

  it('every requirement: its good facts pass and its bad facts fail', () => {
    const problems: string[] = [];
    for (const r of catalogue.requirements) {
      const c = PARITY_CASES[r.id];
      if (!c) {
        problems.push(`${r.id}: no parity case`);
        continue;
      }
      const good = evaluate((c.good ?? ((f: Facts) => f))(perfect), catalogue, { now: NOW }).requirements.find((x) => x.id === r.id)!;
      const bad = evaluate(c.bad(perfect), catalogue, { now: NOW }).requirements.find((x) => x.id === r.id)!;
      if (good.outcome !== 'pass') problems.push(`${r.id} good: ${good.outcome} ${good.code} ${JSON.stringify(good.args)}`);
      if (bad.outcome !== 'fail') problems.push(`${r.id} bad: ${bad.outcome} ${bad.code} ${JSON.stringify(bad.args)}`);
    }
    expect(problems).toEqual([]);
  });

  it('a bad case fails its own requirement, not the whole catalogue', () => {
    // Keeps the table honest: each mutation is targeted (a handful of related ids may fail with it).
    const wide: string[] = [];
    for (const [id, c] of Object.entries(PARITY_CASES)) {
      const failing = evaluate(c.bad(perfect), catalogue, { now: NOW }).requirements.filter((r) => r.outcome !== 'pass');
      if (failing.length > 4) wide.push(`${id}: ${failing.map((r) => r.id).join(', ')}`);
    }
    expect(wide).toEqual([]);
  });

  it('the table does not change the perfect facts it is given', () => {
    const before = structuredClone(perfect);
    for (const c of Object.values(PARITY_CASES)) {
      c.bad(perfect);
      c.good?.(perfect);
    }
    expect(perfect).toEqual(before);
  });
});
