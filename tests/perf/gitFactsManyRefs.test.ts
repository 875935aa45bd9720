/**
 * Git facts of a repository with many branches (merged, ahead and old, ahead and recent; local and
 * remote-tracking; more than the facts list) and many tags come from a fixed number of git
 * processes, and say what plain git says branch by branch. The report and the facts are compared
 * with tests/perf/golden/, recorded by the build that still ran one `rev-list` per branch (its
 * ahead/behind counts turned into `aheadOfDefault`); UPDATE_GOLDEN=1 rewrites them.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module of the benchmark, without types
import { fastImport, gitEnv } from '../../bench/repos.mjs';
import { collectGitFacts } from '../../src/facts/git.js';
import type { GitFacts } from '../../src/facts/types.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const AS_OF = '2026-06-01';
const NOW = Math.floor(Date.parse(`${AS_OF}T00:00:00Z`) / 1000);

let dir = '';
const plain = (args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(dir), encoding: 'utf8' });

beforeAll(async () => {
  dir = join(tempDir(), 'many-refs');
  await fastImport(dir, { files: 40, commits: 400, tags: 120, branches: 90, now: NOW });
  // Local branches too: one merged, one ahead and old, one ahead and recent.
  const commitAt = (parent: string, seconds: number, message: string): string =>
    execFileSync('git', ['commit-tree', `${parent}^{tree}`, '-p', parent, '-m', message], {
      cwd: dir,
      env: { ...gitEnv(dir), GIT_COMMITTER_DATE: `${seconds} +0000`, GIT_AUTHOR_DATE: `${seconds} +0000` },
      encoding: 'utf8',
    }).trim();
  plain(['branch', 'local-merged', 'main~30']);
  plain(['branch', 'local-old', commitAt(plain(['rev-parse', 'main~300']).trim(), NOW - 600 * 86400, 'old work')]);
  plain(['branch', 'local-new', commitAt(plain(['rev-parse', 'main~5']).trim(), NOW - 2 * 86400, 'new work')]);
}, 60_000);

const value = async (): Promise<GitFacts> => {
  const facts = await collectGitFacts(dir);
  if (facts.status !== 'known') throw new Error(`git facts unknown: ${facts.reason}`);
  return facts.value;
};

describe('git facts with many branches and tags', () => {
  it('say for every listed branch what rev-list says about commits missing from the default branch', async () => {
    const git = await value();
    expect(git.defaultBranch).toBe('main');
    expect(git.branches).toHaveLength(50);
    let ahead = 0;
    for (const b of git.branches) {
      const ref = plain(['rev-parse', '--symbolic-full-name', b.name]).trim();
      const count = Number(plain(['rev-list', '--count', `refs/heads/main..${ref}`]).trim());
      expect(b.aheadOfDefault, b.name).toBe(count > 0);
      if (count > 0) ahead++;
    }
    // The sample holds both kinds, so the comparison can fail either way.
    expect(ahead).toBeGreaterThan(5);
    expect(git.branches.length - ahead).toBeGreaterThan(5);
    // The default branch first, then the most recently changed, as plain git sorts them.
    const newest = plain(['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'])
      .split('\n')
      .filter((n) => n && n !== 'main' && n !== 'origin/HEAD' && n !== 'origin');
    expect(git.branches[0]!.name).toBe('main');
    expect(new Set(git.branches.slice(1).map((b) => b.name))).toEqual(new Set(newest.slice(0, 49)));
  });

  it('count the history and date its first commit as plain git does', async () => {
    const git = await value();
    expect(git.commitCount).toBe(Number(plain(['rev-list', '--count', 'HEAD']).trim()));
    expect(git.firstCommitDate).toBe(new Date(plain(['log', '--max-parents=0', '--format=%cI', 'HEAD']).trim()).toISOString().replace('.000Z', 'Z'));
    expect(git.tags).toHaveLength(120);
    expect(git.recentCommits).toHaveLength(100);
  });

  it('come from ten git processes, however many branches and tags', () => {
    const bin = tempDir();
    const log = join(bin, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const run = runCli(['check', dir, '--format', 'json', '--as-of', AS_OF], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(run.status, run.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => / rev-list | --left-right /.test(c))).toEqual([]);
    // Layout, HEAD, remotes config, refs, ahead-of-default, history walk, recent log, root tree,
    // docs log, file index: ten, with one only because some branch tip differs from main's.
    expect(calls).toHaveLength(10);
    expect(calls.filter((c) => c.includes('--no-merged='))).toHaveLength(1);
  });

  it('give the report and facts recorded before the processes were merged', () => {
    const norm = (s: string): string => s.split(dir).join('<repo>');
    const report = norm(runCli(['check', dir, '--format', 'json', '--as-of', AS_OF]).stdout).replace(/"path": "[^"]*levels\/os2-2018\.yaml"/, '"path": "<levels>"');
    const facts = JSON.parse(norm(runCli(['check', dir, '--facts', '--as-of', AS_OF]).stdout)) as { git: unknown };
    const golden = { report: JSON.parse(report) as unknown, git: facts.git };
    const file = join(GOLDEN_DIR, 'many-refs.json');
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(golden, null, 2) + '\n');
    }
    expect(golden).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
