/** The gate policy as a table: --min-level, --strict and the --baseline ratchet for time-dependent requirements. */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/evaluate/types.js';
import type { LevelNumber, Strength } from '../../src/levels/types.js';
import type { Report, ReportRequirement } from '../../src/report/model.js';
import { EXIT_GATE_FAILED, EXIT_OK, exitCodeFor, gateFailures, toleratedByBaseline, type GateOptions } from '../../src/report/exitCode.js';

interface Req {
  id: string;
  level?: LevelNumber;
  strength?: Strength;
  timeDependent?: boolean;
  outcome: Outcome;
}

function requirement({ id, level = 1, strength = 'must', timeDependent = false, outcome }: Req): ReportRequirement {
  return {
    id, level, strength, area: 'versioning', theme: 'formkrav', source: 'os2', ref: null, timeDependent,
    outcome, checkOutcome: outcome, basis: 'none', title: id, code: 'test', args: {}, message: id, remediation: id,
    evidence: [], findings: [], explanation: null, notApplicable: null,
  };
}

function report(reqs: Req[], path = '/repo', more: { path: string; reqs: Req[] }[] = []): Report {
  const result = (p: string, rs: Req[]) => ({
    path: p, manifest: null, productName: null, achievedLevel: null, nextLevel: 0 as LevelNumber, targetLevel: null, gap: [], recommendations: [],
    progress: [], counts: { pass: 0, fail: 0, explained: 0, 'not-applicable': 0, unknown: 0, error: 0 }, notices: [],
    requirements: rs.map(requirement), consistency: [],
  });
  return {
    schemaVersion: 1, tool: { name: 'os2level', version: '0.0.0' }, catalogue: { id: 'test', path: '/c.yaml' }, lang: 'en', asOf: '2026-06-01',
    results: [result(path, reqs), ...more.map((m) => result(m.path, m.reqs))],
  };
}

const TIME = { id: 'versioning.releases', timeDependent: true };
const FILE = { id: 'docs.install' };

describe('exitCodeFor', () => {
  const cases: { name: string; now: Req[]; gate: GateOptions; baseline?: Req[]; exit: number; failing: string[]; tolerated?: string[] }[] = [
    { name: 'no --min-level: never gated', now: [{ ...FILE, outcome: 'fail' }], gate: {}, exit: EXIT_OK, failing: [] },
    { name: 'a failing must at the gate level', now: [{ ...FILE, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['docs.install'] },
    { name: 'a failing must above the gate level', now: [{ ...FILE, level: 2, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [] },
    { name: 'explained and not-applicable satisfy', now: [{ id: 'a.b', outcome: 'explained' }, { id: 'a.c', outcome: 'not-applicable' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [] },
    { name: 'unknown blocks', now: [{ ...FILE, outcome: 'unknown' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['docs.install'] },
    { name: 'a failing should passes without --strict', now: [{ ...FILE, strength: 'should', outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [] },
    { name: 'a failing should fails with --strict', now: [{ ...FILE, strength: 'should', outcome: 'fail' }], gate: { minLevel: 1, strict: true }, exit: EXIT_GATE_FAILED, failing: ['docs.install'] },
    // The ratchet.
    { name: 'time-dependent, no baseline: gated as usual', now: [{ ...TIME, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['versioning.releases'] },
    { name: 'time-dependent, met in the baseline, failing now: regression', now: [{ ...TIME, outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'pass' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['versioning.releases'] },
    { name: 'time-dependent, explained in the baseline, failing now: regression', now: [{ ...TIME, outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'explained' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['versioning.releases'] },
    { name: 'time-dependent, failing in the baseline and now: tolerated', now: [{ ...TIME, outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [], tolerated: ['versioning.releases'] },
    { name: 'time-dependent, unknown in the baseline, failing now: tolerated', now: [{ ...TIME, outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'unknown' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [], tolerated: ['versioning.releases'] },
    { name: 'time-dependent, absent from the baseline (new requirement): tolerated', now: [{ ...TIME, outcome: 'fail' }], baseline: [], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [], tolerated: ['versioning.releases'] },
    { name: 'time-dependent, met now: passes whatever the baseline', now: [{ ...TIME, outcome: 'pass' }], baseline: [{ ...TIME, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_OK, failing: [] },
    { name: 'commit-controlled, failing in the baseline and now: still gated', now: [{ ...FILE, outcome: 'fail' }], baseline: [{ ...FILE, outcome: 'fail' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['docs.install'] },
    { name: 'mixed: the tolerated one does not hide the commit-controlled one', now: [{ ...TIME, outcome: 'fail' }, { ...FILE, outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'fail' }, { ...FILE, outcome: 'pass' }], gate: { minLevel: 1 }, exit: EXIT_GATE_FAILED, failing: ['docs.install'], tolerated: ['versioning.releases'] },
    { name: 'time-dependent should under --strict, failing in the baseline: tolerated', now: [{ ...TIME, strength: 'should', outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'fail' }], gate: { minLevel: 1, strict: true }, exit: EXIT_OK, failing: [], tolerated: ['versioning.releases'] },
    { name: 'time-dependent should under --strict, met in the baseline: regression', now: [{ ...TIME, strength: 'should', outcome: 'fail' }], baseline: [{ ...TIME, outcome: 'pass' }], gate: { minLevel: 1, strict: true }, exit: EXIT_GATE_FAILED, failing: ['versioning.releases'] },
  ];
  it.each(cases)('$name', ({ now, gate, baseline, exit, failing, tolerated = [] }) => {
    const r = report(now);
    const g = { ...gate, ...(baseline ? { baseline: report(baseline) } : {}) };
    expect(exitCodeFor(r, g)).toBe(exit);
    expect(gateFailures(r, g).flatMap((f) => f.ids)).toEqual(failing);
    expect(toleratedByBaseline(r, g).flatMap((t) => t.ids)).toEqual(tolerated);
  });

  it('pairs repositories by path in a batch, and a lone repository with a lone baseline result whatever its path', () => {
    const now = report([{ ...TIME, outcome: 'fail' }], '/a', [{ path: '/b', reqs: [{ ...TIME, outcome: 'fail' }] }]);
    const base = report([{ ...TIME, outcome: 'pass' }], '/a', [{ path: '/b', reqs: [{ ...TIME, outcome: 'fail' }] }]);
    expect(gateFailures(now, { minLevel: 1, baseline: base })).toEqual([{ path: '/a', ids: ['versioning.releases'], tolerated: [] }]);
    // Committed from another checkout: another absolute path, one repository on each side.
    expect(exitCodeFor(report([{ ...TIME, outcome: 'fail' }], '/ci/work'), { minLevel: 1, baseline: report([{ ...TIME, outcome: 'fail' }], '/home/dev/repo') })).toBe(EXIT_OK);
    // A repository the baseline does not hold is gated as usual.
    const batch = report([{ ...TIME, outcome: 'fail' }], '/a', [{ path: '/c', reqs: [{ ...TIME, outcome: 'fail' }] }]);
    const partial = report([{ ...TIME, outcome: 'fail' }], '/a', [{ path: '/b', reqs: [] }]);
    expect(gateFailures(batch, { minLevel: 1, baseline: partial }).map((f) => f.path)).toEqual(['/c']);
  });

  it('is pure: the same inputs give the same answer and nothing is mutated', () => {
    const r = report([{ ...TIME, outcome: 'fail' }]);
    const b = report([{ ...TIME, outcome: 'fail' }]);
    const before = JSON.stringify([r, b]);
    expect(exitCodeFor(r, { minLevel: 1, baseline: b })).toBe(exitCodeFor(r, { minLevel: 1, baseline: b }));
    expect(JSON.stringify([r, b])).toBe(before);
  });
});
