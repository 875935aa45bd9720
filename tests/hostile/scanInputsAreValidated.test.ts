/**
 * Every file a scan or merge reads back is validated against its schema before use: shard reports
 * given to `merge` (and `--compare`), journal lines on `--resume`, cached facts. A bad report is
 * exit 2 with one line naming the file and the field, never a stack trace; a bad journal line is
 * skipped and its product scanned again; a bad cache entry is collected again. Both said on stderr.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { createN1Product, createN2Product, n1Manifest, n2Manifest } from '../helpers/products.js';
import { expectNoCrash, runCli } from './support.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';
let portfolio: string;
let cacheDir: string;
let report: any;
let journal: string;

const scan = (extra: string[] = []) => {
  const out = join(tempDir(), 'scan.json');
  const run = runCli(['scan', portfolio, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', '--journal', journal, ...extra]);
  expectNoCrash(run);
  return { run, report: run.status === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null };
};

beforeAll(() => {
  const n1 = createN1Product({ ...n1Manifest() });
  const n2 = createN2Product({ ...n2Manifest() });
  portfolio = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(portfolio, stringify({ schemaVersion: 1, products: [{ name: 'Alpha', repositories: [`file://${n1.dir}`] }, { name: 'Beta', repositories: [`file://${n2.dir}`] }] }));
  cacheDir = tempDir('os2level-cache-');
  journal = join(tempDir(), 'scan.jsonl');
  const first = scan();
  expect(first.run.status, first.run.stderr).toBe(0);
  report = first.report;
});

const write = (name: string, data: unknown): string => {
  const file = join(tempDir(), name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

/** Exit 2, one line on stderr naming the file, no stack trace. */
function expectRefusedInOneLine(args: string[], file: string, field: RegExp): void {
  const run = runCli(args);
  expectNoCrash(run);
  expect(run.status, run.stderr).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(field);
}

describe('merge and --compare validate every report against schemas/scan.schema.json', () => {
  it('refuses a minimal report that only names its kind', () => {
    const file = write('minimal.json', { schemaVersion: 1, kind: 'os2level-scan' });
    expectRefusedInOneLine(['merge', file], file, /(tool|catalogue|summary|products): is required but missing/);
  });

  it('refuses a crafted report whose product says ok but has no result', () => {
    const crafted = structuredClone(report);
    delete crafted.products[0].result;
    const file = write('crafted.json', crafted);
    expectRefusedInOneLine(['merge', file], file, /products\[0\]/);
  });

  it('refuses a report with a field of the wrong type, deep inside a result', () => {
    const crafted = structuredClone(report);
    crafted.products[1].result.requirements = 'none';
    const file = write('crafted.json', crafted);
    expectRefusedInOneLine(['merge', file], file, /products\[1\]\.result\.requirements/);
  });

  it('refuses a shard given to --compare the same way', () => {
    const crafted = structuredClone(report);
    crafted.summary = null;
    const file = write('previous.json', crafted);
    expectRefusedInOneLine(['scan', portfolio, '--format', 'json', '--cache-dir', cacheDir, '--as-of', AS_OF, '--compare', file], file, /summary/);
  });

  it('refuses what is not JSON, and what is not a scan report, in one line', () => {
    const text = write('text.json', 'not json');
    expectRefusedInOneLine(['merge', text], text, /not valid JSON/);
    const other = write('other.json', { kind: 'os2level-report' });
    expectRefusedInOneLine(['merge', other], other, /not an os2level scan report/);
  });

  it('accepts the real report unchanged', () => {
    const file = write('real.json', report);
    const out = join(tempDir(), 'merged.json');
    const run = runCli(['merge', file, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).products).toEqual(report.products);
  });
});

describe('scan --resume validates each journal line against schemas/scan-journal-line.schema.json', () => {
  it('skips an entry missing its result, says so, and scans that product again', () => {
    const fresh = scan();
    expect(fresh.run.status).toBe(0);
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    const at = lines.findIndex((l) => l.includes('"name":"Alpha"'));
    const broken = JSON.parse(lines[at]!);
    delete broken.entry.result;
    lines[at] = JSON.stringify(broken);
    writeFileSync(journal, lines.join('\n') + '\n');
    const resumed = scan(['--resume']);
    expect(resumed.run.status, resumed.run.stderr).toBe(0);
    expect(resumed.run.stderr).toContain(`${journal}:${at + 1}: journal line skipped, its product is scanned again`);
    expect(resumed.run.stderr).toMatch(/Alpha/); // the progress line: Alpha is scanned again
    expect(resumed.report.products.map((e: any) => [e.name, e.status])).toEqual([['Alpha', 'ok'], ['Beta', 'ok']]);
    expect(resumed.report.products[0].result).toEqual(report.products[0].result);
  });

  it('refuses a journal whose header is not a scan header, in one line', () => {
    const bad = write('bad.jsonl', JSON.stringify({ type: 'scan', fingerprint: 42 }) + '\n');
    const run = runCli(['scan', portfolio, '--format', 'json', '--cache-dir', cacheDir, '--as-of', AS_OF, '--journal', bad, '--resume']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${bad}:1: not an os2level scan journal`);
    expect(run.stderr).toMatch(/(fingerprint|asOf): is required|fingerprint: must be/);
  });
});

describe('cached facts are validated against schemas/facts-cache.schema.json', () => {
  it('collects a product again when its cache entry is damaged, and says so', () => {
    const factsDir = join(cacheDir, 'facts');
    const entries = readdirSync(factsDir).filter((n) => n.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const name of entries) {
      const stored = JSON.parse(readFileSync(join(factsDir, name), 'utf8'));
      stored.facts.ci = { files: 'none' };
      writeFileSync(join(factsDir, name), JSON.stringify(stored));
    }
    const again = scan();
    expect(again.run.status, again.run.stderr).toBe(0);
    expect(again.run.stderr).toMatch(/cached facts are not valid, collected again: .*ci/);
    expect(again.report.products.map((e: any) => [e.name, e.status, e.cached])).toEqual([['Alpha', 'ok', false], ['Beta', 'ok', false]]);
    expect(again.report.products.map((e: any) => e.result)).toEqual(report.products.map((e: any) => e.result));
  });

  it('collects again facts an earlier fact version wrote (version 1 recorded ahead/behind counts per branch)', () => {
    const factsDir = join(cacheDir, 'facts');
    for (const name of readdirSync(factsDir).filter((n) => n.endsWith('.json'))) {
      const stored = JSON.parse(readFileSync(join(factsDir, name), 'utf8'));
      stored.facts.factsVersion = 1;
      writeFileSync(join(factsDir, name), JSON.stringify(stored));
    }
    const again = scan();
    expect(again.run.status, again.run.stderr).toBe(0);
    expect(again.run.stderr).toMatch(/cached facts are not valid, collected again: .*factsVersion/);
    expect(again.report.products.map((e: any) => [e.name, e.cached])).toEqual([['Alpha', false], ['Beta', false]]);
  });
});
