/**
 * Errors say what happened: a damaged repository is `corrupt` and never tried again, a folder that
 * is no repository is `not-a-repository`, `network` is kept for remote transports, and
 * `scan --dir` names every folder it passes over. Real repositories, damaged on disk.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const threeCommits = (): TestRepo => {
  const r = createRepo({ 'README.md': '# Product\n' }).commit('One #1', '2026-01-01T12:00:00Z');
  r.commit('Two #2', '2026-01-02T12:00:00Z', { 'a.txt': 'a\n' });
  return r.commit('Three #3', '2026-01-03T12:00:00Z', { 'b.txt': 'b\n' });
};

let entries: Map<string, any>;
let seconds: number;
let localSeconds: number;

beforeAll(() => {
  const missing = threeCommits();
  const tree = missing.git(['rev-parse', 'HEAD~1^{tree}']).trim();
  rmSync(join(missing.dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
  const brokenRef = threeCommits();
  writeFileSync(join(brokenRef.dir, '.git', 'refs', 'heads', 'broken'), 'not an object id\n');
  const badHead = threeCommits();
  writeFileSync(join(badHead.dir, '.git', 'refs', 'heads', 'main'), '0123456789012345678901234567890123456789\n');
  const plain = tempDir('os2level-plain-');
  writeFileSync(join(plain, 'README.md'), '# not a repository\n');
  const file = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(
    file,
    stringify({
      schemaVersion: 1,
      products: [
        { name: 'missing-objects', repositories: [missing.dir] },
        { name: 'broken-ref', repositories: [`file://${brokenRef.dir}`] },
        { name: 'head-missing', repositories: [badHead.dir] },
        { name: 'plain-folder', repositories: [plain] },
        { name: 'gone', repositories: [join(plain, 'gone')] },
        // Port 9 (discard) on the loopback: refused at once, a network failure of a remote transport.
        { name: 'unreachable', repositories: ['https://127.0.0.1:9/OS2/x.git'] },
      ],
    }),
  );
  const out = join(tempDir(), 'scan.json');
  const started = Date.now();
  // Three retries would add 1 + 2 + 4 s of backoff to each product that is (wrongly) retried.
  const run = runCli(['scan', file, '--format', 'json', '-o', out, '--cache-dir', tempDir('os2level-cache-'), '--retries', '3', '--concurrency', '5']);
  seconds = (Date.now() - started) / 1000;
  expect(run.status, run.stderr).toBe(0);
  entries = new Map(JSON.parse(readFileSync(out, 'utf8')).products.map((e: any) => [e.name, e]));
  // The damaged local repositories alone: no backoff at all.
  const local = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(local, stringify({ schemaVersion: 1, products: [{ name: 'missing-objects', repositories: [missing.dir] }, { name: 'broken-ref', repositories: [brokenRef.dir] }] }));
  const t = Date.now();
  const again = runCli(['scan', local, '--format', 'json', '--cache-dir', tempDir('os2level-cache-'), '--retries', '3']);
  localSeconds = (Date.now() - t) / 1000;
  expect(again.status, again.stderr).toBe(0);
}, 90_000);

describe('scan errors say what happened', () => {
  it('missing objects: corrupt, saying it was not tried again', () => {
    expect(entries.get('missing-objects').error.code).toBe('corrupt');
    expect(entries.get('missing-objects').error.message).toMatch(/damaged .*not tried again/);
  });

  it('a broken ref, and a branch naming an object that is not there: corrupt', () => {
    expect(entries.get('broken-ref').error.code).toBe('corrupt');
    expect(entries.get('head-missing').error.code).toBe('corrupt');
  });

  it('a folder that is not a git repository: not-a-repository, not "does not exist"', () => {
    expect(entries.get('plain-folder').error).toMatchObject({ code: 'not-a-repository' });
    expect(entries.get('plain-folder').error.message).not.toMatch(/does not exist/);
    expect(entries.get('gone').error.code).toBe('not-found');
  });

  it('network only for a remote transport, retried with backoff; local failures are not retried', () => {
    expect(entries.get('unreachable').error.code).toBe('network');
    // Only the unreachable remote waits (1 + 2 + 4 s, concurrently with the rest).
    expect(seconds).toBeGreaterThanOrEqual(7);
    expect(seconds).toBeLessThan(30);
    // Retrying a damaged local repository would wait at least 7 s.
    expect(localSeconds).toBeLessThan(7);
  });
});

describe('scan --dir lists what it skipped and why', () => {
  it('names the folder without a repository, the symlink, the dependency folder and the too-deep one', () => {
    const dir = tempDir('os2level-dir-');
    const repo = createRepo({ 'README.md': '# A\n' }).commit('A #1');
    repo.git(['clone', '-q', repo.dir, join(dir, 'a')]);
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'todo.md'), '- scan\n');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    symlinkSync(join(dir, 'a'), join(dir, 'link'));
    mkdirSync(join(dir, 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'), { recursive: true });
    const run = runCli(['scan', '--dir', dir, '--format', 'json', '--cache-dir', tempDir('os2level-cache-'), '--retries', '0']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).products.map((e: any) => e.name)).toEqual(['a']);
    expect(run.stderr).toContain('skipped notes: no git repository in it');
    expect(run.stderr).toContain('skipped link: a symbolic link (never followed)');
    expect(run.stderr).toContain('skipped node_modules: a dependency or cache folder');
    expect(run.stderr).toContain('skipped d1: no git repository in it');
    expect(run.stderr).toMatch(/skipped d1\/d2\/d3\/d4\/d5\/d6: deeper than 6 folders/);
  });
});
