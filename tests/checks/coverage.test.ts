import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/checks/coverage.js';
import type { CoverageFacts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck } from '../helpers/facts.js';

const lcov = { path: 'coverage/lcov.info', format: 'lcov' as const, linesCovered: 0, linesTotal: 100, branchesCovered: null, branchesTotal: null };
const cov = (over: Partial<CoverageFacts>) =>
  emptyFacts({ coverage: { reports: [], failures: [], linePercent: null, branchPercent: null, declaredPercent: null, declaredReportUrl: null, ...over } });
const measured = (linePercent: number, over: Partial<CoverageFacts> = {}) => cov({ reports: [{ ...lcov, linesCovered: linePercent }], linePercent, ...over });

describe('coverage', () => {
  it.each([
    ['measured at the threshold', measured(50), 50, 'pass', 'coverage.pass', 'verified', { percent: 50, min: 50, reports: ['coverage/lcov.info'] }],
    ['measured just below', measured(49.9), 50, 'fail', 'coverage.low', 'verified', { percent: 49.9, min: 50 }],
    ['measured 65 against the N3 threshold', measured(65), 70, 'fail', 'coverage.low', 'verified', { min: 70 }],
    ['measured 100', measured(100), 70, 'pass', 'coverage.pass', 'verified', {}],
    ['measured 0', measured(0), 50, 'fail', 'coverage.low', 'verified', { percent: 0 }],
    ['declared only, enough', cov({ declaredPercent: 72.5, declaredReportUrl: 'https://codecov.io/x' }), 70, 'pass', 'coverage.declared-pass', 'declared', { percent: 72.5, min: 70, url: 'https://codecov.io/x' }],
    ['declared only, too low', cov({ declaredPercent: 40 }), 50, 'fail', 'coverage.declared-low', 'declared', { percent: 40, url: '—' }],
    ['measured wins over declared', measured(30, { declaredPercent: 90 }), 50, 'fail', 'coverage.low', 'verified', { percent: 30 }],
    ['a report that could not be read', cov({ failures: [{ path: 'coverage.xml', reason: 'not XML' }] }), 50, 'unknown', 'coverage.unreadable', 'none', { path: 'coverage.xml', reason: 'not XML' }],
    ['a declared figure outranks an unreadable report', cov({ failures: [{ path: 'coverage.xml', reason: 'x' }], declaredPercent: 80 }), 50, 'pass', 'coverage.declared-pass', 'declared', {}],
    ['no report at all', cov({}), 50, 'unknown', 'coverage.no-report', 'none', { min: 50 }],
  ] as const)('%s', (_n, facts, minLinePercent, outcome, code, basis, args) => {
    expect(decision(runCheck(coverage, facts, { minLinePercent }))).toMatchObject({ outcome, code, basis, args });
  });

  it.each([
    ['declared and measured agree within 5 points', 70, 75, []],
    ['declared 5.1 points above measured', 70, 75.1, [{ code: 'coverage.mismatch', args: { measured: 70, declared: 75.1 } }]],
    ['declared far below measured', 90, 20, [{ code: 'coverage.mismatch', args: { measured: 90, declared: 20 } }]],
  ] as const)('%s: a finding that does not change the outcome', (_n, line, declaredPercent, findings) => {
    const r = runCheck(coverage, measured(line, { declaredPercent }), { minLinePercent: 50 });
    expect(r.outcome).toBe('pass');
    expect(r.findings).toEqual(findings);
  });
});
