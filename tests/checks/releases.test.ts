import { describe, expect, it } from 'vitest';
import { releases } from '../../src/checks/releases.js';
import type { GitTag } from '../../src/facts/types.js';
import { decision, emptyFacts, inGit, monthsAgo, NOW, runCheck, tag, unreadableGit } from '../helpers/facts.js';

const params = { withinMonths: 12 };
const tagged = (tags: GitTag[], partialHistory = false) => inGit(emptyFacts(), { tags, partialHistory });

describe('releases', () => {
  it.each([
    ['a recent SemVer tag', tagged([tag('v1.2.0', '2026-04-01T10:00:00Z')]), 'pass', 'releases.pass', { tag: 'v1.2.0', date: '2026-04-01', months: 12, count: 1 }],
    ['a tag exactly 12 months old', tagged([tag('1.0.0', '2025-06-01T12:00:00Z')]), 'pass', 'releases.pass', {}],
    ['a tag just over 12 months old', tagged([tag('1.0.0', '2025-06-01T11:59:00Z')]), 'fail', 'releases.stale', { tag: '1.0.0', date: '2025-06-01' }],
    ['a loose version tag counts as a release', tagged([tag('OS2mo-12.3', monthsAgo(2))]), 'pass', 'releases.pass', { tag: 'OS2mo-12.3' }],
    ['the newest of several tags decides', tagged([tag('v1.0.0', monthsAgo(30)), tag('v2.0.0', monthsAgo(3)), tag('v1.5.0', monthsAgo(20))]), 'pass', 'releases.pass', { tag: 'v2.0.0', count: 3 }],
    ['only old tags', tagged([tag('v1.0.0', monthsAgo(30)), tag('v1.1.0', monthsAgo(13))]), 'fail', 'releases.stale', { tag: 'v1.1.0', count: 2 }],
    ['a tag without a date is not recent', tagged([tag('v1.0.0', null)]), 'fail', 'releases.stale', {}],
    ['tags that are not versions', tagged([tag('deploy-prod', monthsAgo(1)), tag('release-candidate-1', monthsAgo(1))]), 'fail', 'releases.none', { tags: 2 }],
    ['no tags', tagged([]), 'fail', 'releases.none', { tags: 0 }],
  ] as const)('%s', (_n, facts, outcome, code, args) => {
    expect(decision(runCheck(releases, facts, params))).toMatchObject({ outcome, code, basis: 'verified', args });
  });

  it.each([
    ['no tags in a shallow clone', tagged([], true), 'unknown', 'git.partial', 'none'],
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified'],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none'],
  ] as const)('%s', (_n, facts, outcome, code, basis) => {
    expect(decision(runCheck(releases, facts, params))).toMatchObject({ outcome, code, basis });
  });

  it('a shallow clone with a recent tag still passes', () => {
    expect(runCheck(releases, tagged([tag('v3.0.0', monthsAgo(1))], true), params).outcome).toBe('pass');
  });

  it('the window comes from params and now is passed in', () => {
    const facts = tagged([tag('v1.0.0', monthsAgo(5))]);
    expect(runCheck(releases, facts, { withinMonths: 4 }).outcome).toBe('fail');
    expect(runCheck(releases, facts, { withinMonths: 6 }).outcome).toBe('pass');
    expect(runCheck(releases, facts, { withinMonths: 6 }, new Date(NOW.getTime() + 90 * 86_400_000)).outcome).toBe('fail');
  });
});
