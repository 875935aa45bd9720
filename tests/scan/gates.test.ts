/**
 * The scan's gates, through the real CLI on real repositories: `--min-level N` (below N, below
 * the official level, not measured), `--fail-on-regression` against `--compare`, and `merge`
 * refusing a missing or mismatched shard unless `--allow-partial`, which marks the report partial.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';
let n1: TestRepo;
let measured: number | null;

function portfolio(products: Record<string, unknown>[]): string {
  const file = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(file, stringify({ schemaVersion: 1, products }));
  return file;
}

const scan = (file: string, extra: string[] = [], cacheDir = tempDir('os2level-cache-')) =>
  runCli(['scan', file, '--format', 'json', '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', ...extra]);

beforeAll(() => {
  n1 = createN1Product(n1Manifest());
  const run = scan(portfolio([{ name: 'A', repositories: [n1.dir] }]));
  expect(run.status, run.stderr).toBe(0);
  measured = JSON.parse(run.stdout).products[0].result.achievedLevel;
});

describe('scan --min-level', () => {
  it('the fixture is measured at a known level', () => {
    expect(measured).toBe(1);
  });

  it('exit 0 when every product reaches N and its official level', () => {
    const run = scan(portfolio([{ name: 'A', repositories: [n1.dir], officialLevel: 1 }]), ['--min-level', '1']);
    expect(run.status, run.stderr).toBe(0);
  });

  it('exit 1 when a product is below N, naming it and both levels', () => {
    const run = scan(portfolio([{ name: 'A', repositories: [n1.dir] }]), ['--min-level', '2']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('A: measured N1, below N2 (--min-level)');
    // The report is still written in full.
    expect(JSON.parse(run.stdout).products).toHaveLength(1);
  });

  it('exit 1 when a product is below its official level, even above N', () => {
    const run = scan(portfolio([{ name: 'A', repositories: [n1.dir], officialLevel: 3 }]), ['--min-level', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('A: measured N1, below N3 (its official level)');
  });

  it('exit 1 for a product that could not be scanned', () => {
    const run = scan(portfolio([{ name: 'A', repositories: [n1.dir] }, { name: 'Gone', repositories: [join(n1.dir, 'nope')] }]), ['--min-level', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Gone: not measured (not-found)');
    expect(run.stderr).not.toMatch(/^os2level: A:/m);
  });

  it('no gate without --min-level: a product below its official level still exits 0', () => {
    expect(scan(portfolio([{ name: 'A', repositories: [n1.dir], officialLevel: 3 }])).status).toBe(0);
  });

  it('refuses a level that does not exist (exit 2)', () => {
    expect(scan(portfolio([{ name: 'A', repositories: [n1.dir] }]), ['--min-level', '4']).status).toBe(2);
  });
});

describe('scan --fail-on-regression', () => {
  it('needs --compare (exit 2)', () => {
    const run = scan(portfolio([{ name: 'A', repositories: [n1.dir] }]), ['--fail-on-regression']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--compare');
  });

  it('exit 0 when nothing went down, exit 1 when the level went down and items turned red, by title', () => {
    const repo = createN1Product(n1Manifest());
    const file = portfolio([{ name: 'A', repositories: [repo.dir] }]);
    const cacheDir = tempDir('os2level-cache-');
    const first = scan(file, [], cacheDir);
    expect(first.status, first.stderr).toBe(0);
    const previous = join(tempDir(), 'previous.json');
    writeFileSync(previous, first.stdout);
    const same = scan(file, ['--compare', previous, '--fail-on-regression'], cacheDir);
    expect(same.status, same.stderr).toBe(0);
    // The licence goes: the minimum is no longer met.
    repo.git(['rm', '-q', 'LICENSE']);
    repo.commit('Remove the licence #2', '2026-02-01T12:00:00Z');
    const worse = scan(file, ['--compare', previous, '--fail-on-regression'], cacheDir);
    expect(worse.status).toBe(1);
    expect(worse.stderr).toMatch(/A: went down from N1 to below the minimum since 2026-06-01/);
    const report = JSON.parse(worse.stdout);
    const move = report.comparison.products[0];
    expect(move.turnedRed.length).toBeGreaterThan(0);
    expect(move.turnedRed[0]).toEqual({ id: expect.stringMatching(/^[A-Z]\d+$/), title: expect.any(String) });
    expect(worse.stderr).toContain(`${move.turnedRed[0].id} ${move.turnedRed[0].title}`);
    // And the way back up: items turn green, nothing regresses.
    const worseFile = join(tempDir(), 'worse.json');
    writeFileSync(worseFile, worse.stdout);
    repo.git(['checkout', '-q', 'HEAD~1', '--', 'LICENSE']);
    repo.commit('Licence back #3', '2026-03-01T12:00:00Z');
    const better = scan(file, ['--compare', worseFile, '--fail-on-regression'], cacheDir);
    expect(better.status, better.stderr).toBe(0);
    expect(JSON.parse(better.stdout).comparison.products[0].turnedGreen.map((i: any) => i.id)).toEqual(move.turnedRed.map((i: any) => i.id));
  });
});

describe('merge: missing or mismatched shards', () => {
  let shards: string[];
  let otherLang: string;
  beforeAll(() => {
    const file = portfolio(['Alpha', 'Beta', 'Gamma', 'Delta'].map((name) => ({ name, repositories: [n1.dir] })));
    const cacheDir = tempDir('os2level-cache-');
    shards = ['1/2', '2/2'].map((s) => {
      const out = join(tempDir(), `shard-${s.replace('/', '-')}.json`);
      const run = runCli(['scan', file, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--shard', s]);
      expect(run.status, run.stderr).toBe(0);
      return out;
    });
    otherLang = join(tempDir(), 'shard-2-2-da.json');
    const run = runCli(['scan', file, '--format', 'json', '-o', otherLang, '--cache-dir', cacheDir, '--as-of', AS_OF, '--shard', '2/2', '--lang', 'da']);
    expect(run.status, run.stderr).toBe(0);
  });

  it('a missing shard: exit 2, naming it', () => {
    const run = runCli(['merge', shards[0]!, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('shards missing: 2/2');
  });

  it('a mismatched shard: exit 2', () => {
    const run = runCli(['merge', shards[0]!, otherLang, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/language da differs from en/);
  });

  it('--allow-partial: exit 0, the report says it is partial and which shard is missing or left out', () => {
    const run = runCli(['merge', shards[0]!, otherLang, '--format', 'json', '--allow-partial']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.partial.missingShards).toEqual(['2/2']);
    expect(report.partial.excluded).toEqual([{ file: otherLang, reason: expect.stringContaining('language da differs from en') }]);
    expect(run.stderr).toContain('shard 2/2 is missing; the report is partial');
    const table = runCli(['merge', shards[0]!, '--allow-partial', '--format', 'table']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/partial/i);
  });

  it('--allow-partial with every shard: a complete report, not marked partial', () => {
    const run = runCli(['merge', ...shards, '--format', 'json', '--allow-partial']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).partial).toBeUndefined();
  });
});
