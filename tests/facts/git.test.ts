import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGitFacts, parseRemoteUrl } from '../../src/facts/git.js';
import type { GitFacts, Known } from '../../src/facts/types.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const value = (facts: Known<GitFacts>): GitFacts => {
  if (facts.status !== 'known') throw new Error(`git facts unknown: ${facts.reason}`);
  return facts.value;
};

const plainGit = (cwd: string, args: string[], input?: string): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', input, env: { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' } });

/** main with three dated commits (README and docs touched early), tags of each kind, a remote with a token. */
function historyRepo() {
  const repo = createRepo()
    .commit('Initial import', '2024-03-01T10:00:00Z', { 'README.md': '# Produkt\n', 'docs/index.md': '# Docs\n' })
    .commit('Fix #12: odd \u001f subject | with "quotes"', '2025-05-02T11:00:00+02:00', { 'src/a.ts': 'a' })
    .tag('v1.0.0', { message: 'First release', date: '2025-05-03T12:00:00Z' })
    .tag('latest')
    .commit('Update docs', '2025-06-01T09:00:00Z', { 'docs/index.md': '# Docs v2\n' })
    .commit('Add code', '2025-07-01T09:00:00Z', { 'src/b.ts': 'b' })
    .tag('v1.1.0-rc.1', {
      message: 'Release candidate\n\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEEfake\n=abcd\n-----END PGP SIGNATURE-----\n',
      date: '2025-07-02T08:00:00Z',
    })
    .tag('5.2.0rc1')
    .remote('origin', 'https://os2bot:ghp_SECRETTOKEN@github.com/OS2offdig/os2produkt.git');
  return repo;
}

describe('collectGitFacts', () => {
  it('reads commits, dates, tags, remotes and docs freshness from a real history', async () => {
    const repo = historyRepo();
    const git = value(await collectGitFacts(repo.dir));
    expect(git.commitCount).toBe(4);
    expect(git.firstCommitDate).toBe('2024-03-01T10:00:00Z');
    expect(git.lastCommitDate).toBe('2025-07-01T09:00:00Z');
    expect(git.detached).toBe(false);
    expect(git.defaultBranch).toBe('main');
    expect(git.head).toMatch(/^[0-9a-f]{40}$/);
    expect(git.partialHistory).toBe(false);
    expect(git.docsLastChanged).toBe('2025-06-01T09:00:00Z');
    expect(git.recentCommits.map((c) => c.subject)).toEqual(['Add code', 'Update docs', 'Fix #12: odd \u001f subject | with "quotes"', 'Initial import']);
    expect(git.recentCommits[1]).toMatchObject({ date: '2025-06-01T09:00:00Z', parents: 1 });
    expect(git.recentCommits[3]!.parents).toBe(0);
    // +02:00 normalised to UTC.
    expect(git.recentCommits[2]!.date).toBe('2025-05-02T09:00:00Z');

    const tags = Object.fromEntries(git.tags.map((t) => [t.name, t]));
    expect(tags['v1.0.0']).toEqual({ name: 'v1.0.0', date: '2025-05-03T12:00:00Z', annotated: true, signed: false, isVersion: true, isSemver: true });
    expect(tags['latest']).toEqual({ name: 'latest', date: '2025-05-02T09:00:00Z', annotated: false, signed: false, isVersion: false, isSemver: false });
    expect(tags['v1.1.0-rc.1']).toMatchObject({ annotated: true, signed: true, isSemver: true, date: '2025-07-02T08:00:00Z' });
    expect(tags['5.2.0rc1']).toMatchObject({ annotated: false, signed: false, isVersion: true, isSemver: false, date: '2025-07-01T09:00:00Z' });

    expect(git.remotes).toEqual([{ name: 'origin', url: 'https://github.com/OS2offdig/os2produkt.git', host: 'github.com', owner: 'OS2offdig', repo: 'os2produkt' }]);
    expect(JSON.stringify(git)).not.toContain('SECRETTOKEN');
  });

  it('dates the last README change, whatever its case, and ignores other files', async () => {
    const repo = createRepo()
      .commit('docs', '2025-01-01T00:00:00Z', { 'Documentation/guide.md': 'g' })
      .commit('readme', '2025-02-01T00:00:00Z', { 'readme.rst': 'r' })
      .commit('nested readme is not the README', '2025-03-01T00:00:00Z', { 'src/README.md': 'n' })
      .commit('code', '2025-04-01T00:00:00Z', { 'src/a.ts': 'a' });
    expect(value(await collectGitFacts(repo.dir)).docsLastChanged).toBe('2025-02-01T00:00:00Z');
  });

  it('bounds recent commits', async () => {
    const git = value(await collectGitFacts(historyRepo().dir, { recentLimit: 2 }));
    expect(git.recentCommits).toHaveLength(2);
    expect(git.commitCount).toBe(4);
    expect(git.lastCommitDate).toBe('2025-07-01T09:00:00Z');
  });

  it('is unknown outside a repository and empty-but-known for a repository without commits', async () => {
    expect(await collectGitFacts(tempDir())).toEqual({ status: 'unknown', reason: 'not-a-repository' });
    expect(await collectGitFacts(join(tempDir(), 'missing'))).toEqual({ status: 'unknown', reason: 'missing-directory' });
    const empty = createRepo().remote('origin', 'git@gitlab.com:os2/sub/prod.git');
    expect(value(await collectGitFacts(empty.dir))).toEqual({
      head: null,
      detached: false,
      defaultBranch: null,
      commitCount: 0,
      firstCommitDate: null,
      lastCommitDate: null,
      recentCommits: [],
      tags: [],
      remotes: [{ name: 'origin', url: 'git@gitlab.com:os2/sub/prod.git', host: 'gitlab.com', owner: 'os2/sub', repo: 'prod' }],
      branches: [],
      partialHistory: false,
      docsLastChanged: null,
    });
  });

  it('reports a detached HEAD', async () => {
    const repo = createRepo().commit('one', '2025-01-01T00:00:00Z').commit('two', '2025-02-01T00:00:00Z');
    repo.checkout('HEAD~1');
    const git = value(await collectGitFacts(repo.dir));
    expect(git).toMatchObject({ detached: true, defaultBranch: 'main', commitCount: 1, lastCommitDate: '2025-01-01T00:00:00Z', docsLastChanged: null });
  });

  it('tells which branches are ahead of the default branch', async () => {
    const repo = createRepo().commit('base', '2025-01-01T00:00:00Z');
    repo.branch('feature', true).commit('f1', '2025-02-01T00:00:00Z').commit('f2', '2025-02-02T00:00:00Z');
    repo.checkout('main').commit('m1', '2025-03-01T00:00:00Z');
    repo.branch('stale');
    repo.commit('m2', '2025-04-01T00:00:00Z');
    const git = value(await collectGitFacts(repo.dir));
    expect(git.defaultBranch).toBe('main');
    expect(git.branches).toEqual([
      { name: 'main', date: '2025-04-01T00:00:00Z', aheadOfDefault: false },
      { name: 'stale', date: '2025-03-01T00:00:00Z', aheadOfDefault: false },
      { name: 'feature', date: '2025-02-02T00:00:00Z', aheadOfDefault: true },
    ]);
  });

  it('takes the default branch from origin/HEAD in a clone, and reads a bare clone', async () => {
    const upstream = createRepo().commit('base', '2025-01-01T00:00:00Z');
    upstream.branch('develop', true).commit('dev', '2025-02-01T00:00:00Z');
    const clone = join(tempDir(), 'clone');
    plainGit(upstream.dir, ['clone', '-q', upstream.dir, clone]); // upstream HEAD is develop
    plainGit(clone, ['checkout', '-q', '-b', 'topic', 'origin/main']);
    const git = value(await collectGitFacts(clone));
    expect(git.defaultBranch).toBe('develop');
    expect(git.branches.map((b) => b.name)).toEqual(['develop', 'origin/develop', 'topic', 'origin/main']);
    expect(git.branches.find((b) => b.name === 'origin/main')).toMatchObject({ aheadOfDefault: false });
    expect(git.remotes[0]).toMatchObject({ name: 'origin', host: null, repo: basenameOf(upstream.dir) });

    const bare = join(tempDir(), 'bare.git');
    plainGit(upstream.dir, ['clone', '-q', '--bare', upstream.dir, bare]);
    const bareGit = value(await collectGitFacts(bare));
    expect(bareGit).toMatchObject({ commitCount: 2, defaultBranch: 'develop', detached: false, partialHistory: false });
    expect(bareGit.branches.map((b) => b.name).sort()).toEqual(['develop', 'main']);
  });

  it('marks a shallow clone as partial history', async () => {
    const upstream = createRepo().commit('a', '2025-01-01T00:00:00Z').commit('b', '2025-02-01T00:00:00Z').commit('c', '2025-03-01T00:00:00Z');
    upstream.tag('v0.1.0', { message: 'old', date: '2025-01-02T00:00:00Z' });
    const shallow = join(tempDir(), 'shallow');
    plainGit(tempDir(), ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${upstream.dir}`, shallow]);
    const git = value(await collectGitFacts(shallow));
    expect(git).toMatchObject({ partialHistory: true, commitCount: 1, firstCommitDate: '2025-03-01T00:00:00Z', lastCommitDate: '2025-03-01T00:00:00Z' });
  });

  it('marks a partial (promisor) clone as partial history', async () => {
    const upstream = createRepo().commit('a', '2025-01-01T00:00:00Z', { 'README.md': 'x' });
    plainGit(upstream.dir, ['config', 'uploadpack.allowFilter', 'true']);
    const partial = join(tempDir(), 'partial');
    plainGit(tempDir(), ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${upstream.dir}`, partial]);
    const git = value(await collectGitFacts(partial));
    expect(git).toMatchObject({ partialHistory: true, commitCount: 1, docsLastChanged: '2025-01-01T00:00:00Z' });
  });

  it('never lazily fetches missing trees in a tree-less partial clone: it degrades instead', async () => {
    const upstream = createRepo()
      .commit('a', '2025-01-01T00:00:00Z', { 'README.md': 'x' })
      .commit('b', '2025-02-01T00:00:00Z', { 'src/x.ts': 'x' });
    plainGit(upstream.dir, ['config', 'uploadpack.allowFilter', 'true']);
    const partial = join(tempDir(), 'treeless');
    plainGit(tempDir(), ['clone', '-q', '--filter=tree:0', '--no-checkout', `file://${upstream.dir}`, partial]);
    const objectsBefore = plainGit(partial, ['count-objects', '-v']);
    const git = value(await collectGitFacts(partial));
    expect(git).toMatchObject({ partialHistory: true, commitCount: 2, lastCommitDate: '2025-02-01T00:00:00Z' });
    // Answering docsLastChanged needs trees the clone does not have; fetching them is forbidden.
    expect(git.docsLastChanged).toBeNull();
    expect(plainGit(partial, ['count-objects', '-v'])).toBe(objectsBefore);
  });

  it('collects 2000 tags with one for-each-ref', async () => {
    const repo = createRepo().commit('base', '2025-01-01T00:00:00Z');
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    // One update-ref transaction creates all lightweight tags quickly.
    const stdin = Array.from({ length: 2000 }, (_, i) => `create refs/tags/v1.${Math.floor(i / 100)}.${i % 100} ${head}\n`).join('');
    plainGit(repo.dir, ['update-ref', '--stdin'], stdin);
    const started = Date.now();
    const git = value(await collectGitFacts(repo.dir));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(git.tags).toHaveLength(2000);
    expect(git.tags.every((t) => t.isSemver && t.date === '2025-01-01T00:00:00Z' && !t.annotated)).toBe(true);
  });
});

const basenameOf = (p: string): string => p.split('/').pop()!;

describe('parseRemoteUrl', () => {
  it.each([
    ['https://user:token@github.com/OS2offdig/os2mo.git', 'https://github.com/OS2offdig/os2mo.git', 'github.com', 'OS2offdig', 'os2mo'],
    ['https://ghp_abc@github.com/OS2offdig/os2mo', 'https://github.com/OS2offdig/os2mo', 'github.com', 'OS2offdig', 'os2mo'],
    ['https://gitlab.com/os2/sub/prod.git?private_token=xyz', 'https://gitlab.com/os2/sub/prod.git', 'gitlab.com', 'os2/sub', 'prod'],
    ['http://GitLab.Example.dk:8080/team/app/', 'http://GitLab.Example.dk:8080/team/app/', 'gitlab.example.dk', 'team', 'app'],
    ['ssh://git@github.com:22/OS2offdig/os2mo.git', 'ssh://git@github.com:22/OS2offdig/os2mo.git', 'github.com', 'OS2offdig', 'os2mo'],
    ['ssh://git:secret@host.dk/o/r.git', 'ssh://git@host.dk/o/r.git', 'host.dk', 'o', 'r'],
    ['git@github.com:OS2offdig/os2mo.git', 'git@github.com:OS2offdig/os2mo.git', 'github.com', 'OS2offdig', 'os2mo'],
    ['github.com:OS2offdig/os2mo', 'github.com:OS2offdig/os2mo', 'github.com', 'OS2offdig', 'os2mo'],
    ['git://git.example.org/project.git', 'git://git.example.org/project.git', 'git.example.org', null, 'project'],
    ['file:///srv/git/OS2offdig/os2mo.git', 'file:///srv/git/OS2offdig/os2mo.git', null, null, 'os2mo'],
    ['/srv/git/os2mo.git', '/srv/git/os2mo.git', null, null, 'os2mo'],
    ['../sibling', '../sibling', null, null, 'sibling'],
  ])('%s', (input, url, host, owner, repo) => {
    expect(parseRemoteUrl('origin', input)).toEqual({ name: 'origin', url, host, owner, repo });
  });
});
