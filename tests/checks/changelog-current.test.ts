import { describe, expect, it } from 'vitest';
import { changelogCurrent } from '../../src/checks/changelogCurrent.js';
import type { Facts, GitTag } from '../../src/facts/types.js';
import { decision, emptyFacts, inGit, monthsAgo, runCheck, tag, unreadableGit } from '../helpers/facts.js';

const log = (versions: string[], path = 'CHANGELOG.md'): Facts['changelog'] => ({ status: 'known', value: { path, versions } });
const repo = (tags: GitTag[], changelog: Facts['changelog']) => ({ ...inGit(emptyFacts(), { tags }), changelog });
const V2 = [tag('v1.0.0', monthsAgo(6)), tag('v2.0.0', monthsAgo(1))];

describe('changelog-current', () => {
  it.each([
    ['newest tag in the changelog', repo(V2, log(['2.0.0', '1.0.0'])), 'pass', 'changelog.current', 'verified', { tag: 'v2.0.0', path: 'CHANGELOG.md', latest: '2.0.0' }],
    ['prefixes on either side are ignored', repo([tag('OS2mo-12.3', monthsAgo(1))], log(['v12.3', '12.2'])), 'pass', 'changelog.current', 'verified', {}],
    // OS2 product names hold a digit: stripping everything before the first digit would leave `2mo-12.3`.
    ['an OS2-prefixed tag against a bare heading', repo([tag('os2display-2.1.0', monthsAgo(1))], log(['2.1.0'])), 'pass', 'changelog.current', 'verified', { tag: 'os2display-2.1.0' }],
    ['changelog with v-prefixed headings', repo(V2, log(['v2.0.0'])), 'pass', 'changelog.current', 'verified', {}],
    ['newest tag only further down', repo(V2, log(['Unreleased', '2.0.0'])), 'pass', 'changelog.current', 'verified', { latest: 'Unreleased' }],
    ['changelog stops at the previous release', repo(V2, log(['1.0.0'])), 'fail', 'changelog.behind', 'verified', { tag: 'v2.0.0', latest: '1.0.0' }],
    ['changelog without version headings', repo(V2, log([])), 'fail', 'changelog.behind', 'verified', { latest: '—' }],
    ['a similar version is not the same', repo(V2, log(['2.0.0-rc.1', '2.0'])), 'fail', 'changelog.behind', 'verified', {}],
    ['no changelog', repo(V2, null), 'fail', 'changelog.missing', 'verified', { tag: 'v2.0.0' }],
    ['changelog unreadable', repo(V2, { status: 'unknown', reason: 'not UTF-8' }), 'unknown', 'changelog.unreadable', 'none', { reason: 'not UTF-8' }],
    ['no version tags', repo([], log(['1.0.0'])), 'fail', 'releases.none', 'verified', { tags: 0 }],
    ['not a git repository', { ...emptyFacts(), changelog: log(['1.0.0']) }, 'fail', 'git.not-repository', 'verified', {}],
    ['git unreadable', { ...unreadableGit(), changelog: log(['1.0.0']) }, 'unknown', 'git.unreadable', 'none', {}],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(changelogCurrent, facts, {}))).toMatchObject({ outcome, code, basis, args });
  });
});
