import { describe, expect, it } from 'vitest';
import { gitRepository } from '../../src/checks/gitRepository.js';
import { commit, decision, emptyFacts, inGit, remote, runCheck, unreadableGit, withManifest } from '../helpers/facts.js';

const ONE = [commit('Initial commit', '2026-05-01T10:00:00Z')];
const origin = remote('https://github.com/OS2demo/os2demo.git');

describe('git-repository', () => {
  it.each([
    ['commits and a remote', inGit(emptyFacts(), { recentCommits: ONE, remotes: [origin] }), true, 'pass', 'git.pass-remote', 'verified', { commits: 1, remote: origin.url }],
    ['commits, no remote, declared URL', withManifest(inGit(emptyFacts(), { recentCommits: ONE }), { repository: { url: 'https://github.com/OS2demo/os2demo' } }), true, 'pass', 'git.pass-declared', 'declared', { commits: 1 }],
    ['commits, no remote, nothing declared', inGit(emptyFacts(), { recentCommits: ONE }), true, 'fail', 'git.no-remote', 'verified', { commits: 1 }],
    ['commits, no remote, declared URL is a missing path', withManifest(inGit(emptyFacts(), { recentCommits: ONE }), { repository: { url: 'src/app.git' } }), true, 'fail', 'git.no-remote', 'verified', {}],
    ['commits, no remote, remote not required', inGit(emptyFacts(), { recentCommits: ONE }), false, 'pass', 'git.pass-local', 'verified', { commits: 1 }],
    ['no commits', inGit(emptyFacts(), { recentCommits: [], commitCount: 0, remotes: [origin] }), true, 'fail', 'git.no-commits', 'verified', {}],
    ['not a git repository', emptyFacts(), true, 'fail', 'git.not-repository', 'verified', {}],
    ['not a git repository, URL declared', withManifest(emptyFacts(), { repository: { url: 'https://github.com/x/y' } }), true, 'fail', 'git.not-repository', 'verified', {}],
    ['git unreadable', unreadableGit(), true, 'unknown', 'git.unreadable', 'none', { reason: 'git log failed: fatal: bad object HEAD' }],
  ] as const)('%s', (_n, facts, requireRemoteOrDeclared, outcome, code, basis, args) => {
    expect(decision(runCheck(gitRepository, facts, { requireRemoteOrDeclared }))).toMatchObject({ outcome, code, basis, args });
  });
});
