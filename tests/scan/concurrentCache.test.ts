/**
 * Concurrent scans sharing one --cache-dir: three real `scan` processes over the same file://
 * portfolio and cache directory, started together on an empty cache (both clone) and again on the
 * warm one (both fetch). Both must succeed with the same results, and the cache must stay usable.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cliAsync.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { stringify, parse } from 'yaml';
import { buildPortfolio } from './portfolio.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';

/** Results without `cached`: which of two racing runs collected and which reused is not fixed. */
const results = (file: string): unknown[] => (JSON.parse(readFileSync(file, 'utf8')).products as Record<string, unknown>[]).map(({ cached: _cached, ...rest }) => rest);

describe('concurrent scans sharing one cache directory', () => {
  it('all succeed with identical results, cloning and then fetching into the same cache entries', async () => {
    const p = buildPortfolio();
    // A repository that takes a while to clone widens the window in which the runs overlap.
    const big = createRepo({ 'README.md': '# Big\n\nA product with a large asset.\n', 'assets/blob.bin': randomBytes(24 * 1024 * 1024) });
    big.commit('Big #1');
    const portfolio = parse(readFileSync(p.file, 'utf8'));
    portfolio.products.push({ name: 'Big', repositories: [`file://${big.dir}`] }, { name: 'Big-again', repositories: [`file://${big.dir}`] });
    writeFileSync(p.file, stringify(portfolio));
    const cacheDir = tempDir('os2level-cache-');
    for (const round of ['empty cache', 'warm cache']) {
      const outs = ['a', 'b', 'c'].map((n) => join(tempDir(), `${n}.json`));
      const runs = await Promise.all(
        outs.map((out) => runCliAsync(['scan', p.file, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', '--concurrency', '4'], { timeoutMs: 90_000 })),
      );
      for (const run of runs) {
        expect(run.killed, `${round}: ${run.stderr}`).toBe(false);
        expect(run.status, `${round}: ${run.stderr}`).toBe(0);
        expect(run.stderr).not.toMatch(/ENOTEMPTY|not a git repository|cannot lock ref/);
      }
      const [a, ...others] = outs.map(results);
      for (const other of others) expect(other, round).toEqual(a);
      const byName = Object.fromEntries((a as { name: string; status: string }[]).map((e) => [e.name, e.status]));
      expect(byName, round).toMatchObject({ OS2booking: 'ok', OS2n2: 'ok', OS2split: 'ok', 'OS2split-code-only': 'ok', Big: 'ok', 'Big-again': 'ok' });
    }
    // Every clone is complete and no lock or staging directory is left behind.
    const repos = readdirSync(join(cacheDir, 'repos'));
    expect(repos.filter((n) => !n.endsWith('.git'))).toEqual([]);
    for (const r of repos) expect(existsSync(join(cacheDir, 'repos', r, 'HEAD')), r).toBe(true);
  }, 240_000);

  it('breaks a lock left by a scan that died, and waits for one that is alive', async () => {
    const p = buildPortfolio();
    const cacheDir = tempDir('os2level-cache-');
    const args = (out: string): string[] => ['scan', p.file, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0'];
    const first = await runCliAsync(args(join(tempDir(), 'first.json')));
    expect(first.status, first.stderr).toBe(0);
    const clones = readdirSync(join(cacheDir, 'repos')).map((n) => join(cacheDir, 'repos', n));
    // A pid that is certainly not running: a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    for (const clone of clones) writeFileSync(`${clone}.lock`, JSON.stringify({ pid: Number(dead), host: hostname(), token: 'left-behind' }));
    const second = await runCliAsync(args(join(tempDir(), 'second.json')), { timeoutMs: 60_000 });
    expect(second.killed).toBe(false);
    expect(second.status, second.stderr).toBe(0);
    for (const clone of clones) expect(existsSync(`${clone}.lock`)).toBe(false);
    // A lock held by a live process (this test runner) is waited for until the product's timeout.
    writeFileSync(`${clones[0]}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'held' }));
    const out = join(tempDir(), 'third.json');
    const third = await runCliAsync([...args(out), '--timeout', '2'], { timeoutMs: 60_000 });
    expect(third.status, third.stderr).toBe(0);
    const timedOut = JSON.parse(readFileSync(out, 'utf8')).products.filter((e: any) => e.error?.code === 'timeout');
    expect(timedOut.length).toBeGreaterThan(0);
    expect(existsSync(`${clones[0]}.lock`)).toBe(true); // someone else's lock is never removed
  }, 180_000);
});
