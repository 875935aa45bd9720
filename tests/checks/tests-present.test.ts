import { describe, expect, it } from 'vitest';
import { testsPresent } from '../../src/checks/testsPresent.js';
import type { TestFacts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck } from '../helpers/facts.js';

const t = (over: Partial<TestFacts>) => emptyFacts({ tests: { byEcosystem: {}, sample: [], total: 0, ...over } });

describe('tests-present', () => {
  it.each([
    ['one test file', t({ byEcosystem: { javascript: 1 }, sample: ['src/a.test.ts'], total: 1 }), 1, 'pass', 'tests.pass', { count: 1, ecosystems: ['javascript (1)'] }],
    ['several ecosystems', t({ byEcosystem: { python: 3, java: 2, go: 0 }, sample: ['tests/test_a.py'], total: 5 }), 1, 'pass', 'tests.pass', { count: 5, ecosystems: ['python (3)', 'java (2)'] }],
    ['no tests', t({}), 1, 'fail', 'tests.none', { count: 0, min: 1 }],
    ['below minFiles from params', t({ byEcosystem: { go: 2 }, total: 2 }), 3, 'fail', 'tests.none', { count: 2, min: 3 }],
    ['at minFiles from params', t({ byEcosystem: { go: 3 }, total: 3 }), 3, 'pass', 'tests.pass', {}],
    ['only generated boilerplate', t({ total: 0, boilerplate: ['src/App.test.js'], boilerplateOnly: true }), 1, 'fail', 'tests.boilerplate', { count: 0 }],
    ['boilerplate next to real tests', t({ byEcosystem: { javascript: 4 }, total: 4, boilerplate: ['src/App.test.js'], boilerplateOnly: false }), 1, 'pass', 'tests.pass', { count: 4 }],
  ] as const)('%s', (_n, facts, minFiles, outcome, code, args) => {
    expect(decision(runCheck(testsPresent, facts, { minFiles }))).toMatchObject({ outcome, code, basis: 'verified', args });
  });
});
