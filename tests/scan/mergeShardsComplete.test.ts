/**
 * `merge` takes the complete shards of one scan of one portfolio: the same N, each of 1..N exactly
 * once, every product in its own shard. Real sharded scans of real file:// portfolios; anything
 * else is exit 2 naming what is missing, duplicated or foreign.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';
const NAMES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
let portfolio: string;
let otherPortfolio: string;
let cacheDir: string;

function portfolioFile(names: string[], url: string): string {
  const file = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(file, stringify({ schemaVersion: 1, products: names.map((name) => ({ name, repositories: [url] })) }));
  return file;
}

const shards = new Map<string, string>();
function shard(spec: string, file = portfolio): string {
  const key = `${file}\0${spec}`;
  let out = shards.get(key);
  if (!out) {
    out = join(tempDir(), `shard-${spec.replace('/', '-of-')}.json`);
    const run = runCli(['scan', file, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', '--shard', spec]);
    expect(run.status, run.stderr).toBe(0);
    shards.set(key, out);
  }
  return out;
}

beforeAll(() => {
  const n1 = createN1Product({ ...n1Manifest() });
  portfolio = portfolioFile(NAMES, `file://${n1.dir}`);
  otherPortfolio = portfolioFile([...NAMES, 'Eta'], `file://${n1.dir}`);
  cacheDir = tempDir('os2level-cache-');
});

const merge = (files: string[]) => runCli(['merge', ...files, '--format', 'json']);

describe('merge refuses shards that are not the complete shards of one scan', () => {
  it('merges the complete set into every product, exit 0', () => {
    const run = merge(['1/3', '2/3', '3/3'].map((s) => shard(s)));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).products.map((e: any) => e.name)).toEqual([...NAMES].sort());
  });

  it('shards of different N (2/2 and 3/4): exit 2, naming the disagreement and what is missing', () => {
    const a = shard('2/2');
    const b = shard('3/4');
    const run = merge([a, b]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${b}:1:1: is shard 3/4, but ${a} is one of 2`);
    expect(run.stderr).toContain('shards missing: 1/2');
  });

  it('a missing shard: exit 2 naming it', () => {
    const run = merge([shard('1/3'), shard('3/3')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('shards missing: 2/3');
  });

  it('a shard given twice: exit 2 naming both files', () => {
    const one = shard('1/2');
    const copy = join(tempDir(), 'copy.json');
    writeFileSync(copy, readFileSync(one));
    const run = merge([one, copy, shard('2/2')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${copy}:1:1: shard 1/2 is also given as ${one}`);
  });

  it('shards of another portfolio: exit 2', () => {
    const run = merge([shard('1/2'), shard('2/2', otherPortfolio)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/comes from another portfolio than/);
  });

  it('a product moved into a shard it does not belong to: exit 2 naming it', () => {
    const [a, b] = [shard('1/2'), shard('2/2')].map((f) => JSON.parse(readFileSync(f, 'utf8')));
    const moved = b.products.pop();
    a.products.push(moved);
    const files = [a, b].map((r, i) => {
      const f = join(tempDir(), `edited-${i}.json`);
      writeFileSync(f, JSON.stringify(r));
      return f;
    });
    const run = merge(files);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`product ${JSON.stringify(moved.name)} does not belong to shard 1/2`);
  });

  it('a whole scan merges with nothing', () => {
    const whole = join(tempDir(), 'whole.json');
    expect(runCli(['scan', portfolio, '--format', 'json', '-o', whole, '--cache-dir', cacheDir, '--as-of', AS_OF]).status).toBe(0);
    expect(merge([whole]).status).toBe(0);
    const run = merge([whole, shard('1/2')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${whole}:1:1: is a whole scan, not a shard`);
  });
});
