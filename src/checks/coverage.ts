import { defineCheck, type Evidence } from './types.js';

/** Points by which a declared coverage figure may differ from the measured one before it is a finding. */
const MISMATCH_POINTS = 5;

/** tests.coverage / tests.coverage-high: measured line coverage (or a declared figure, marked so). */
export const coverage = defineCheck<{ minLinePercent: number }>({
  paramsSchema: { type: 'object', required: ['minLinePercent'], additionalProperties: false, properties: { minLinePercent: { type: 'number', minimum: 0, maximum: 100 } } },
  run({ facts }, { minLinePercent }) {
    const c = facts.coverage;
    const findings = [];
    if (c.linePercent !== null && c.declaredPercent !== null && Math.abs(c.linePercent - c.declaredPercent) > MISMATCH_POINTS) {
      findings.push({ code: 'coverage.mismatch', args: { measured: c.linePercent, declared: c.declaredPercent } });
    }
    if (c.linePercent !== null) {
      const ok = c.linePercent >= minLinePercent;
      const evidence: Evidence[] = c.reports.map((r) => ({ kind: 'coverage', path: r.path, value: `${r.linesCovered}/${r.linesTotal}` }));
      return {
        outcome: ok ? 'pass' : 'fail', partial: !ok, code: ok ? 'coverage.pass' : 'coverage.low',
        args: { percent: c.linePercent, min: minLinePercent, branch: c.branchPercent, reports: c.reports.map((r) => r.path) },
        evidence, basis: 'verified', findings,
      };
    }
    if (c.declaredPercent !== null) {
      const ok = c.declaredPercent >= minLinePercent;
      return {
        outcome: ok ? 'pass' : 'fail', partial: !ok, code: ok ? 'coverage.declared-pass' : 'coverage.declared-low',
        args: { percent: c.declaredPercent, min: minLinePercent, url: c.declaredReportUrl ?? '—' },
        evidence: [{ kind: 'declared', path: 'quality.coverage.percent', value: c.declaredPercent }], basis: 'declared', findings,
      };
    }
    if (c.failures.length) {
      const f = c.failures[0]!;
      return { outcome: 'unknown', code: 'coverage.unreadable', args: { path: f.path, reason: f.reason }, evidence: c.failures.map((x) => ({ kind: 'coverage' as const, path: x.path })), basis: 'none' };
    }
    return { outcome: 'unknown', code: 'coverage.no-report', args: { min: minLinePercent }, evidence: [{ kind: 'looked-for', value: 'lcov.info, coverage.xml, jacoco.xml, coverage-summary.json, coverage.out' }], basis: 'none' };
  },
});
