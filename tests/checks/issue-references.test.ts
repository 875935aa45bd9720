import { describe, expect, it } from 'vitest';
import { issueReferences, referencesIssue } from '../../src/checks/issueReferences.js';
import type { GitCommit } from '../../src/facts/types.js';
import { commit, decision, emptyFacts, inGit, monthsAgo, runCheck, unreadableGit } from '../helpers/facts.js';

const params = { sample: 100, minRatio: 0.3 };
function history(refs: number, total: number, merges = 0): GitCommit[] {
  const merge = Array.from({ length: merges }, (_, i) => commit(`Merge pull request #${900 + i} from x/y`, monthsAgo(0, i), 2));
  const plain = Array.from({ length: total }, (_, i) => commit(i < refs ? `Fix booking overlap (#${i + 1})` : 'Tidy up imports', monthsAgo(1, i)));
  return [...merge, ...plain];
}
const repo = (commits: GitCommit[]) => inGit(emptyFacts(), { recentCommits: commits, commitCount: commits.length });

describe('issue-references', () => {
  it.each([
    ['3 of 10 (exactly the ratio)', repo(history(3, 10)), 'pass', 'refs.pass', { hits: 3, sample: 10, percent: 30, min: 30 }],
    ['2 of 10', repo(history(2, 10)), 'fail', 'refs.low', { hits: 2, sample: 10, percent: 20, min: 30 }],
    ['all reference an issue', repo(history(7, 7)), 'pass', 'refs.pass', { percent: 100 }],
    ['none', repo(history(0, 4)), 'fail', 'refs.low', { hits: 0, sample: 4 }],
    ['merge commits are left out of the sample', repo(history(0, 10, 20)), 'fail', 'refs.low', { hits: 0, sample: 10 }],
    ['only merge commits', repo(history(0, 0, 3)), 'fail', 'git.no-commits', {}],
    ['no commits', repo([]), 'fail', 'git.no-commits', {}],
  ] as const)('%s', (_n, facts, outcome, code, args) => {
    expect(decision(runCheck(issueReferences, facts, params))).toMatchObject({ outcome, code, basis: 'verified', args });
  });

  it.each([
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified'],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none'],
  ] as const)('%s', (_n, facts, outcome, code, basis) => {
    expect(decision(runCheck(issueReferences, facts, params))).toMatchObject({ outcome, code, basis });
  });

  it('sample and minRatio come from params: only the newest `sample` commits count', () => {
    // Newest 5 reference nothing, the 5 older ones all do.
    const commits = [...history(0, 5), ...history(5, 5)];
    expect(runCheck(issueReferences, repo(commits), { sample: 5, minRatio: 0.3 }).code).toBe('refs.low');
    expect(runCheck(issueReferences, repo(commits), { sample: 10, minRatio: 0.5 }).code).toBe('refs.pass');
    expect(runCheck(issueReferences, repo(commits), { sample: 10, minRatio: 0.51 }).code).toBe('refs.low');
  });

  it.each([
    ['Fix #123', true],
    ['Closes #7: booking overlap', true],
    ['(#42) tidy', true],
    ['GH-12 tidy', true],
    ['OS2MO-1234 new org unit', true],
    ['See https://github.com/OS2demo/x/issues/5', true],
    ['See https://gitlab.com/os2/x/-/issues/5', true],
    ['See https://jira.example.dk/browse/DEMO-5', true],
    ['Bump version to 1.2.3', false],
    ['Use utf-8 everywhere', false],
    ['C# 10 features', false],
    ['abc#12 is not a reference', false],
  ] as const)('referencesIssue(%j) = %s', (subject, expected) => {
    expect(referencesIssue(subject)).toBe(expected);
  });
});
