import { describe, expect, it } from 'vitest';
import { semver } from '../../src/checks/semver.js';
import type { GitTag } from '../../src/facts/types.js';
import { decision, emptyFacts, inGit, monthsAgo, runCheck, tag, unreadableGit } from '../helpers/facts.js';

const tagged = (...tags: GitTag[]) => inGit(emptyFacts(), { tags });
/** n SemVer tags, one a month, newest first when dated. */
const series = (n: number, prefix = 'v') => Array.from({ length: n }, (_, i) => tag(`${prefix}1.${n - i}.0`, monthsAgo(i + 1)));

describe('semver', () => {
  it.each([
    ['SemVer tags with v', tagged(...series(3)), {}, 'pass', 'semver.pass', { count: 3 }],
    ['SemVer tags without v, with pre-release and build', tagged(tag('1.0.0-rc.1', monthsAgo(3)), tag('1.0.0+build.5', monthsAgo(2))), {}, 'pass', 'semver.pass', { count: 2 }],
    ['a two-part version', tagged(tag('v1.2', monthsAgo(1)), tag('v1.1.0', monthsAgo(2))), {}, 'fail', 'semver.not-semver', { tags: ['v1.2'], count: 1, of: 2 }],
    ['four-part versions', tagged(tag('12.1.4.1', monthsAgo(1))), {}, 'fail', 'semver.not-semver', { tags: ['12.1.4.1'] }],
    ['a product prefix is not SemVer', tagged(tag('OS2mo-12.3.0', monthsAgo(1))), {}, 'fail', 'semver.not-semver', {}],
    ['non-version tags are ignored', tagged(tag('deploy-prod', monthsAgo(1)), tag('v2.0.0', monthsAgo(2))), {}, 'pass', 'semver.pass', { count: 1 }],
    ['no version tags', tagged(tag('latest', monthsAgo(1))), {}, 'fail', 'releases.none', { tags: 1 }],
    ['an old loose tag beyond the recent window does not count', tagged(...series(10), tag('0.9', monthsAgo(40))), {}, 'pass', 'semver.pass', { count: 10 }],
    ['recent from params widens the window', tagged(...series(10), tag('0.9', monthsAgo(40))), { recent: 11 }, 'fail', 'semver.not-semver', { tags: ['0.9'], of: 11 }],
    ['recent from params narrows the window', tagged(tag('v2.0.0', monthsAgo(1)), tag('1.5', monthsAgo(2))), { recent: 1 }, 'pass', 'semver.pass', { count: 1 }],
  ] as const)('%s', (_n, facts, params, outcome, code, args) => {
    expect(decision(runCheck(semver, facts, params))).toMatchObject({ outcome, code, basis: 'verified', args });
  });

  it.each([
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified'],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none'],
  ] as const)('%s', (_n, facts, outcome, code, basis) => {
    expect(decision(runCheck(semver, facts, {}))).toMatchObject({ outcome, code, basis });
  });
});
