/**
 * One answer per commit: `scan` reads the same branches, tags and `origin` as `check` in a
 * developer's clone, so every checklist item and requirement comes out the same. The "code host"
 * is a local bare repository served by file path; the developer's clone and the scan both record
 * https://github.com/OS2/x as origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir, TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';
const PUBLIC = 'https://github.com/OS2/x';
let bare: string;
let clone: TestRepo;

const outcomes = (result: any) => ({
  items: result.items.map((i: any) => `${i.id}=${i.status}`),
  requirements: result.requirements.map((r: any) => `${r.id}=${r.outcome}`),
});

function scanJson(args: string[]): any {
  const out = join(tempDir(), 'scan.json');
  const run = runCli(['scan', ...args, '--format', 'json', '-o', out, '--cache-dir', tempDir('os2level-cache-'), '--as-of', AS_OF, '--retries', '0']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

beforeAll(() => {
  // A manifest that names no repository or issue tracker: both are read from the origin remote.
  const { repository: _r, issueTracker: _i, ...manifest } = n1Manifest();
  const upstream = createN1Product(manifest);
  for (let i = 1; i <= 10; i++) upstream.commit(`Release work #${i}`, `2026-0${1 + Math.floor(i / 4)}-1${i % 10}T12:00:00Z`).tag(`v1.${i}.0`, i % 2 ? { message: `Release 1.${i}.0`, date: `2026-02-0${1 + (i % 9)}T12:00:00Z` } : {});
  // Five branches besides main, two of them diverged from it for months.
  for (let b = 1; b <= 5; b++) {
    upstream.branch(`feature-${b}`, true);
    if (b <= 2) upstream.commit(`Diverging work ${b}`, '2025-09-01T12:00:00Z', { [`src/feature${b}.py`]: `print(${b})\n` });
    upstream.checkout('main');
  }
  upstream.commit('Work on main after the branches', '2026-04-01T12:00:00Z', { 'src/later.py': 'print("later")\n' });
  bare = join(tempDir('os2level-host-'), 'x.git');
  upstream.git(['clone', '-q', '--bare', upstream.dir, bare]);
  const dev = tempDir('os2level-dev-');
  upstream.git(['clone', '-q', bare, join(dev, 'x')]);
  clone = new TestRepo(join(dev, 'x'));
  clone.git(['remote', 'set-url', 'origin', PUBLIC]);
});

describe('scan and check give one answer per commit', () => {
  it('a portfolio entry served by file path, with its public URL: identical items and requirements', () => {
    const { run, report } = checkJson(clone.dir);
    expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
    const file = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
    writeFileSync(file, stringify({ schemaVersion: 1, products: [{ name: 'x', repositories: [{ url: `file://${bare}`, publicUrl: PUBLIC }] }] }));
    const scan = scanJson([file]);
    const entry = scan.products[0];
    expect(entry.status, JSON.stringify(entry.error)).toBe('ok');
    expect(entry.repositories[0].commit).toBe(clone.git(['rev-parse', 'HEAD']).trim());
    const check = report.results[0];
    expect(check.requirements.length).toBeGreaterThan(40);
    expect(check.items).toHaveLength(43);
    expect(outcomes(entry.result)).toEqual(outcomes(check));
    expect(entry.result.achievedLevel).toBe(check.achievedLevel);
    // The two findings the scan used to lose: a divergent branch, and the issue tracker on GitHub.
    const byId = (r: any, id: string) => r.requirements.find((q: any) => q.id === id)?.outcome;
    expect(byId(entry.result, 'versioning.single-mainline')).toBe(byId(check, 'versioning.single-mainline'));
    expect(byId(entry.result, 'versioning.issue-tracker')).toBe('pass');
  });

  it('scan --dir over the developer clone itself: its branches, tags and origin, identical outcomes', () => {
    const { report } = checkJson(clone.dir);
    const scan = scanJson(['--dir', join(clone.dir, '..')]);
    expect(scan.products.map((e: any) => e.name)).toEqual(['x']);
    expect(outcomes(scan.products[0].result)).toEqual(outcomes(report.results[0]));
  });

  it('without any public URL the clone has no origin, as a repository that has none (not the cache path)', () => {
    const made = createRepo({ 'README.md': '# Lone\n' }).commit('Only #1');
    const parent = tempDir('os2level-dir-');
    made.git(['clone', '-q', made.dir, join(parent, 'lone')]);
    const lone = new TestRepo(join(parent, 'lone'));
    lone.git(['remote', 'remove', 'origin']);
    const { report } = checkJson(lone.dir);
    const scan = scanJson(['--dir', parent]);
    expect(scan.products.map((e: any) => e.name)).toEqual(['lone']);
    expect(outcomes(scan.products[0].result)).toEqual(outcomes(report.results[0]));
  });
});
