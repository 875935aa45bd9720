import { describe, expect, it } from 'vitest';
import { gitActivity } from '../../src/checks/gitActivity.js';
import type { GitCommit } from '../../src/facts/types.js';
import { commit, decision, emptyFacts, inGit, monthsAgo, NOW, runCheck, unreadableGit } from '../helpers/facts.js';

// The shipped catalogue's parameters.
const params = {
  withinMonths: 12,
  maxBulkRatio: 0.8,
  bulkPatterns: [
    '^(release|sync|synced|synchroni[sz]e[ds]?|upload(ed)?|update|import(ed)?|snapshot|code drop|dump)\\b',
    '^add files via upload\\b',
    '^v?\\d+(\\.\\d+)+\\s*$',
  ],
};

/** `bulk` bulk-looking commits among `total`, all recent. */
function mix(bulk: number, total: number, subject = 'Sync from internal repository'): GitCommit[] {
  return Array.from({ length: total }, (_, i) => commit(i < bulk ? subject : `Fix route planning for case #${i}`, monthsAgo(1, i)));
}
const repo = (recentCommits: GitCommit[], over = {}) => inGit(emptyFacts(), { recentCommits, ...over });

describe('git-activity', () => {
  it.each([
    ['a recent ordinary commit', repo([commit('Add booking page', '2026-05-20T10:00:00Z')]), 'pass', 'activity.pass', { date: '2026-05-20', bulk: 0, sample: 1, percent: 0 }],
    ['last commit exactly 12 months ago', repo([commit('Fix', '2025-06-01T12:00:00Z')]), 'pass', 'activity.pass', {}],
    ['last commit just over 12 months ago', repo([commit('Fix', '2025-06-01T11:00:00Z')]), 'fail', 'activity.stale', { date: '2025-06-01', months: 12 }],
    ['last commit years ago', repo([commit('Fix', '2019-01-01T00:00:00Z')]), 'fail', 'activity.stale', {}],
    ['no commits', repo([], { commitCount: 0, lastCommitDate: null }), 'fail', 'git.no-commits', {}],
    ['8 of 10 bulk (at the ratio)', repo(mix(8, 10)), 'pass', 'activity.pass', { bulk: 8, sample: 10, percent: 80 }],
    ['9 of 10 bulk (above the ratio)', repo(mix(9, 10)), 'fail', 'activity.bulk', { bulk: 9, sample: 10, percent: 90 }],
    ['all bulk but fewer than 5 commits', repo(mix(4, 4)), 'pass', 'activity.pass', { bulk: 4, sample: 4 }],
    ['all bulk, 5 commits', repo(mix(5, 5)), 'fail', 'activity.bulk', { percent: 100 }],
    ['"Add files via upload" is bulk', repo(mix(10, 10, 'Add files via upload')), 'fail', 'activity.bulk', {}],
    ['bare version subjects are bulk', repo(mix(10, 10, 'v2.3.1')), 'fail', 'activity.bulk', {}],
    ['bulk patterns match case-insensitively', repo(mix(10, 10, 'RELEASE 2.0')), 'fail', 'activity.bulk', {}],
    ['"Updated docs" is not "update"', repo(mix(10, 10, 'Updated docs for install')), 'pass', 'activity.pass', { bulk: 0 }],
  ] as const)('%s', (_n, facts, outcome, code, args) => {
    expect(decision(runCheck(gitActivity, facts, params))).toMatchObject({ outcome, code, basis: 'verified', args });
  });

  it.each([
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified'],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none'],
  ] as const)('%s', (_n, facts, outcome, code, basis) => {
    expect(decision(runCheck(gitActivity, facts, params))).toMatchObject({ outcome, code, basis });
  });

  it('the bulk ratio and the window come from params', () => {
    const facts = repo(mix(5, 10));
    expect(runCheck(gitActivity, facts, { ...params, maxBulkRatio: 0.5 }).outcome).toBe('pass');
    expect(runCheck(gitActivity, facts, { ...params, maxBulkRatio: 0.4 }).code).toBe('activity.bulk');
    const old = repo([commit('Fix', monthsAgo(5))]);
    expect(runCheck(gitActivity, old, { ...params, withinMonths: 6 }).outcome).toBe('pass');
    expect(runCheck(gitActivity, old, { ...params, withinMonths: 4 }).code).toBe('activity.stale');
  });

  it('staleness is measured against the now passed in, not the clock', () => {
    const facts = repo([commit('Fix', '2026-05-01T00:00:00Z')]);
    expect(runCheck(gitActivity, facts, params, NOW).outcome).toBe('pass');
    expect(runCheck(gitActivity, facts, params, new Date('2027-06-01T00:00:00Z')).code).toBe('activity.stale');
  });

  it('an invalid pattern is refused by the params schema', async () => {
    const { paramsErrors } = await import('../helpers/facts.js');
    expect(paramsErrors(gitActivity as never, { ...params, bulkPatterns: ['('] })).not.toEqual([]);
  });
});
