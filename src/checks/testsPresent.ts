import { defineCheck } from './types.js';

/** tests.present: automated tests by ecosystem convention. */
export const testsPresent = defineCheck<{ minFiles: number }>({
  paramsSchema: { type: 'object', required: ['minFiles'], additionalProperties: false, properties: { minFiles: { type: 'integer', minimum: 1 } } },
  run({ facts }, { minFiles }) {
    const t = facts.tests;
    const ecosystems = Object.entries(t.byEcosystem).filter(([, n]) => n > 0).map(([e, n]) => `${e} (${n})`);
    const evidence = t.sample.slice(0, 5).map((path) => ({ kind: 'file' as const, path }));
    if (t.boilerplateOnly) return { outcome: 'fail', code: 'tests.boilerplate', args: { count: t.total }, evidence, basis: 'verified' };
    if (t.total >= minFiles) return { outcome: 'pass', code: 'tests.pass', args: { count: t.total, ecosystems }, evidence, basis: 'verified' };
    return { outcome: 'fail', code: 'tests.none', args: { count: t.total, min: minFiles }, evidence: [{ kind: 'looked-for', value: 'tests/, *.test.*, *_test.go, src/test/, test_*.py' }], basis: 'verified' };
  },
});
