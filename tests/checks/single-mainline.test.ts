import { describe, expect, it } from 'vitest';
import { singleMainline } from '../../src/checks/singleMainline.js';
import type { GitBranch } from '../../src/facts/types.js';
import { decision, emptyFacts, inGit, NOW, runCheck, unreadableGit, withManifest } from '../helpers/facts.js';

const params = { maxDivergentBranchAgeDays: 180 };
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const branch = (name: string, ageDays: number, ahead: number | null): GitBranch => ({ name, date: daysAgo(ageDays), aheadOfDefault: ahead === null ? null : ahead > 0 });
const declare = (value: unknown, base = inGit(emptyFacts())) => withManifest(base, { codebase: { singleCoreVersion: value } });

describe('single-mainline', () => {
  it.each([
    ['declared true', declare(true), 'pass', 'mainline.declared', 'declared'],
    ['declared false', declare(false), 'fail', 'mainline.declared-false', 'declared'],
    ['declared as the string "true"', declare('true'), 'fail', 'declared.missing', 'none'],
    ['not declared', withManifest(inGit(emptyFacts()), {}), 'fail', 'declared.missing', 'none'],
    ['no manifest', inGit(emptyFacts()), 'fail', 'declared.missing', 'none'],
    ['declared true outside git', declare(true, emptyFacts()), 'pass', 'mainline.declared', 'declared'],
    ['declared true, git unreadable', declare(true, unreadableGit()), 'pass', 'mainline.declared', 'declared'],
  ] as const)('%s', (_n, facts, outcome, code, basis) => {
    expect(decision(runCheck(singleMainline, facts, params))).toMatchObject({ outcome, code, basis });
  });

  it.each([
    ['an old branch ahead of main', [branch('feature/old-fork', 200, 12)], ['feature/old-fork']],
    ['a young branch ahead of main', [branch('feature/new', 10, 12)], []],
    ['an old branch fully merged', [branch('release/1.0', 400, 0)], []],
    ['an old branch with unknown ahead count', [branch('x', 400, null)], []],
    ['the default branch itself and its remote copy', [branch('main', 400, 5), branch('origin/main', 400, 5)], []],
    ['branch with no date', [{ name: 'y', date: null, aheadOfDefault: true }], []],
  ] as const)('%s: divergence is a finding, never the outcome', (_n, branches, expected) => {
    const r = runCheck(singleMainline, declare(true, inGit(emptyFacts(), { branches: [...branches] })), params);
    expect(r.outcome).toBe('pass');
    const findings = r.findings ?? [];
    if (expected.length === 0) expect(findings).toEqual([]);
    else expect(findings).toEqual([{ code: 'mainline.divergent', args: { branches: expected, days: 180 } }]);
  });

  it('the age limit comes from params', () => {
    const facts = declare(true, inGit(emptyFacts(), { branches: [branch('legacy', 100, 3)] }));
    expect(runCheck(singleMainline, facts, { maxDivergentBranchAgeDays: 90 }).findings).toHaveLength(1);
    expect(runCheck(singleMainline, facts, { maxDivergentBranchAgeDays: 120 }).findings).toHaveLength(0);
  });
});
