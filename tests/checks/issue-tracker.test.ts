import { describe, expect, it } from 'vitest';
import { issueTracker } from '../../src/checks/issueTracker.js';
import { decision, emptyFacts, inGit, remote, runCheck, unreadableGit, withManifest } from '../helpers/facts.js';

const params = { trackerHosts: ['github.com', 'gitlab.com', 'codeberg.org', 'gitea.com', 'bitbucket.org'] };
const withRemote = (url: string) => inGit(emptyFacts(), { remotes: [remote(url)] });
const templates = { issueTemplates: [{ path: '.github/ISSUE_TEMPLATE/bug.md' }, { path: '.github/ISSUE_TEMPLATE/feature.md' }] };

describe('issue-tracker', () => {
  it.each([
    ['declared tracker URL', withManifest(emptyFacts(), { issueTracker: { url: 'https://jira.os2.eu/projects/DEMO' } }), 'pass', 'tracker.declared', 'declared', { templates: 0 }],
    ['declared URL with issue templates', withManifest(emptyFacts({ wellKnown: templates }), { issueTracker: { url: 'https://github.com/OS2demo/x/issues' } }), 'pass', 'tracker.declared', 'declared', { templates: 2 }],
    ['GitHub remote', withRemote('https://github.com/OS2demo/os2demo.git'), 'pass', 'tracker.inferred', 'verified', { host: 'github.com', owner: 'OS2demo', repo: 'os2demo' }],
    ['GitLab remote over ssh', withRemote('git@gitlab.com:os2/demo.git'), 'pass', 'tracker.inferred', 'verified', { host: 'gitlab.com' }],
    ['host matched case-insensitively', withRemote('https://GitHub.com/OS2demo/os2demo'), 'pass', 'tracker.inferred', 'verified', {}],
    ['self-hosted remote not in the list', withRemote('https://git.kommune.dk/it/demo.git'), 'fail', 'tracker.missing', 'none', { hosts: params.trackerHosts }],
    ['no remote, nothing declared', inGit(emptyFacts()), 'fail', 'tracker.missing', 'none', {}],
    ['not a git repository, nothing declared', emptyFacts(), 'fail', 'tracker.missing', 'none', {}],
    ['declared tracker that is a missing repository path', withManifest(emptyFacts(), { issueTracker: { url: 'docs/issues.md' } }), 'fail', 'declared.path-missing', 'declared', { field: 'issueTracker.url', path: 'docs/issues.md' }],
    ['declared tracker outside the repository', withManifest(emptyFacts(), { issueTracker: { url: '../../etc/passwd' } }), 'fail', 'declared.path-outside', 'declared', { path: '../../etc/passwd' }],
    ['issue templates alone are not a tracker', emptyFacts({ wellKnown: templates }), 'fail', 'tracker.missing', 'none', {}],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(issueTracker, facts, params))).toMatchObject({ outcome, code, basis, args });
  });

  it('the tracker hosts come from params', () => {
    const facts = withRemote('https://git.kommune.dk/it/demo.git');
    expect(runCheck(issueTracker, facts, { trackerHosts: ['git.kommune.dk'] }).code).toBe('tracker.inferred');
  });

  it('a declaration still passes when git is unreadable', () => {
    const facts = withManifest(unreadableGit(), { issueTracker: { url: 'https://github.com/OS2demo/x/issues' } });
    expect(runCheck(issueTracker, facts, params).code).toBe('tracker.declared');
  });

  // STYLE "Honest outcomes": when git cannot be read the remote is unseen, so the answer is
  // unknown (as os2-organisation answers), not a fail that claims there is no tracker.
  it('git unreadable and nothing declared → unknown, not fail', () => {
    expect(decision(runCheck(issueTracker, unreadableGit(), params))).toMatchObject({ outcome: 'unknown', code: 'git.unreadable', basis: 'none' });
  });
});
