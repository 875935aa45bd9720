import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGitFacts } from '../../src/facts/git.js';
import { listTrackedFiles, openGit, runGit } from '../../src/repo/git.js';
import { cleanupTempDirs, createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

/** A repository whose config names a marker-writing program at every place git could run one. */
function hostileRepo(): { repo: TestRepo; marker: string } {
  const repo = createRepo();
  const marker = join(tempDir(), 'marker');
  const script = join(tempDir(), 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\necho /\n`);
  chmodSync(script, 0o755);
  repo.commit('first', '2025-01-01T00:00:00Z', { 'README.md': '# x\n', 'data.bin': 'one\n', '.gitattributes': '*.bin diff=evil\n' });
  repo.commit('second', '2025-02-01T00:00:00Z', { 'data.bin': 'two\n' });
  for (const [key, value] of [
    ['core.fsmonitor', script],
    ['core.pager', script],
    ['pager.log', script],
    ['diff.external', script],
    ['diff.evil.textconv', script],
    ['core.sshCommand', script],
    ['gpg.program', script],
  ]) repo.git(['config', key!, value!]);
  const hooks = join(repo.dir, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman']) {
    writeFileSync(join(hooks, hook), `#!/bin/sh\nexec '${script}' ${hook}\n`);
    chmodSync(join(hooks, hook), 0o755);
  }
  rmSync(marker, { force: true });
  return { repo, marker };
}

describe('listTrackedFiles', () => {
  it('lists tracked files sorted and /-separated, including odd names', async () => {
    const repo = createRepo().commit('files', undefined, {
      'b.txt': 'b',
      'a dir/z.md': 'z',
      'a dir/ø æ.md': 'ø',
      'new\nline.txt': 'n',
      'src/index.ts': 'x',
    });
    repo.write({ 'untracked.txt': 'u' });
    expect(await listTrackedFiles(repo.dir)).toEqual(['a dir/z.md', 'a dir/ø æ.md', 'b.txt', 'new\nline.txt', 'src/index.ts']);
  });

  it('is null for a directory that is not a repository, [] for an empty one', async () => {
    expect(await listTrackedFiles(tempDir())).toBeNull();
    expect(await listTrackedFiles(join(tempDir(), 'missing'))).toBeNull();
    expect(await listTrackedFiles(createRepo().dir)).toEqual([]);
  });

  it('lists paths relative to a subdirectory scanned as root', async () => {
    const repo = createRepo().commit('files', undefined, { 'top.md': 't', 'pkg/a.ts': 'a', 'pkg/lib/b.ts': 'b' });
    expect(await listTrackedFiles(join(repo.dir, 'pkg'))).toEqual(['a.ts', 'lib/b.ts']);
  });

  it('does not run the repository fsmonitor, which plain git ls-files would', async () => {
    const { repo, marker } = hostileRepo();
    execFileSync('git', ['ls-files'], { cwd: repo.dir, stdio: 'ignore' });
    expect(existsSync(marker)).toBe(true); // the trap is live
    rmSync(marker);
    expect(await listTrackedFiles(repo.dir)).toEqual(['.gitattributes', 'README.md', 'data.bin']);
    expect(existsSync(marker)).toBe(false);
  });

  // Only root can hand a directory to another user; git then reports "dubious ownership" unless told otherwise.
  it.skipIf(process.getuid?.() !== 0)('reads a repository owned by another user', async () => {
    const repo = createRepo().commit('one', undefined, { 'theirs.txt': 't' });
    execFileSync('chown', ['-R', '65534:65534', repo.dir]);
    expect(() => execFileSync('git', ['ls-files'], { cwd: repo.dir, stdio: 'pipe', env: { PATH: process.env.PATH, HOME: repo.dir } })).toThrow(/dubious ownership/);
    expect(await listTrackedFiles(repo.dir)).toEqual(['theirs.txt']);
  });

  it('ignores git variables and editors in the calling environment', async () => {
    const repo = createRepo().commit('one', undefined, { 'mine.txt': 'm' });
    const other = createRepo().commit('other', undefined, { 'theirs.txt': 't' });
    const saved = { GIT_DIR: process.env.GIT_DIR, EDITOR: process.env.EDITOR };
    process.env.GIT_DIR = join(other.dir, '.git');
    process.env.EDITOR = 'touch /nonexistent/editor-ran';
    try {
      expect(await listTrackedFiles(repo.dir)).toEqual(['mine.txt']);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('a repository whose config names programs', () => {
  it('runs none of them while listing files and collecting git facts', async () => {
    const { repo, marker } = hostileRepo();
    repo.tag('v1.0.0', { message: 'release', date: '2025-02-02T00:00:00Z' });
    repo.branch('topic');
    const hooksDir = join(repo.dir, '.git', 'hooks');
    repo.git(['config', 'core.hooksPath', hooksDir]);
    // The traps are live: an ordinary diff runs the external diff program.
    execFileSync('git', ['-c', 'core.fsmonitor=false', 'log', '-p', '-1'], { cwd: repo.dir, stdio: 'ignore' });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    expect(await listTrackedFiles(repo.dir)).toHaveLength(3);
    const facts = await collectGitFacts(repo.dir);
    expect(facts.status).toBe('known');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('openGit', () => {
  it('recognises a work tree top level', async () => {
    const repo = createRepo().commit('x');
    const info = await openGit(repo.dir);
    expect(info).toMatchObject({ isRepository: true, bare: false });
    expect(info.reason).toBeUndefined();
  });

  it('notes a subdirectory of a work tree', async () => {
    const repo = createRepo().commit('x', undefined, { 'sub/f.txt': 'f' });
    expect(await openGit(join(repo.dir, 'sub'))).toMatchObject({ isRepository: true, reason: 'inside-repository' });
  });

  it('reads a bare repository and rejects non-repositories', async () => {
    const repo = createRepo().commit('x');
    const bare = join(tempDir(), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    expect(await openGit(bare)).toMatchObject({ isRepository: true, bare: true });
    expect(await listTrackedFiles(bare)).toEqual([]);
    expect(await openGit(tempDir())).toMatchObject({ isRepository: false, reason: 'not-a-repository' });
    expect(await openGit(join(tempDir(), 'nope'))).toMatchObject({ isRepository: false, reason: 'missing-directory' });
  });
});

describe('runGit', () => {
  it('returns stdout untrimmed and throws on failure', async () => {
    const repo = createRepo().commit('x');
    expect(await runGit(repo.dir, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('main\n');
    await expect(runGit(repo.dir, ['rev-parse', 'no-such-ref'])).rejects.toThrow();
  });
});
