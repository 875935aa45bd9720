/**
 * The portfolio scan end to end, on real local git repositories served as file:// remotes: the
 * results, the error entries, refused locations, the journal and --resume after a killed run, the
 * cache on a second run, --compare, and sharded runs merged back into the unsharded report.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { BIN, checkJson, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { buildPortfolio, type TestPortfolio } from './portfolio.js';
import { scanSchemaErrors } from './scanSchema.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';

function scan(p: TestPortfolio, cacheDir: string, extra: string[] = []): { status: number; stderr: string; report: any } {
  const out = join(tempDir(), 'scan.json');
  const run = runCli(['scan', p.file, '--format', 'json', '--output', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', ...extra]);
  const report = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  return { status: run.status, stderr: run.stderr, report };
}

const entry = (report: any, name: string): any => report.products.find((e: any) => e.name === name);

describe('os2level scan', () => {
  let p: TestPortfolio;
  let cacheDir: string;
  let first: ReturnType<typeof scan>;

  beforeAll(() => {
    p = buildPortfolio();
    cacheDir = tempDir('os2level-cache-');
    first = scan(p, cacheDir);
  });

  it('reports every product, sorted by name, in a report that matches its schema', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.report.products.map((e: any) => e.name)).toEqual(p.names);
    expect(scanSchemaErrors(first.report)).toEqual([]);
    expect(first.report.summary).toMatchObject({ products: 9, errors: 5 });
  });

  it('evaluates each product to the same result check gives for its work tree', () => {
    const n1 = entry(first.report, 'OS2booking');
    const n2 = entry(first.report, 'OS2n2');
    expect(n1).toMatchObject({ status: 'ok', officialLevel: 1, contact: 'Anne Jensen <anne@example.dk>', cached: false });
    expect(n1.result.achievedLevel).toBe(1);
    expect(n2.result.achievedLevel).toBe(2);
    expect(n2.targetLevel).toBe(3);
    expect(n1.repositories[0].commit).toBe(p.repos.n1!.git(['rev-parse', 'HEAD']).trim());
    // check of a work tree cloned from the same location (so it has the same remote) agrees requirement by requirement.
    const worktree = join(tempDir(), 'n2');
    execFileSync('git', ['clone', '-q', `file://${p.repos.n2!.dir}`, worktree]);
    const { report } = checkJson(worktree);
    const outcomes = (r: any): Record<string, string> => Object.fromEntries(r.requirements.map((q: any) => [q.id, q.outcome]));
    expect(outcomes(n2.result)).toEqual(outcomes(report.results[0]));
    expect(n2.areas.every((a: any) => a.unmet === 0 || a.area)).toBe(true);
  });

  it('evaluates a product spanning two repositories on their union', () => {
    const split = entry(first.report, 'OS2split');
    const codeOnly = entry(first.report, 'OS2split-code-only');
    expect(split.status).toBe('ok');
    expect(split.repositories).toHaveLength(2);
    expect(split.result.achievedLevel, split.result.gap.join(' ')).toBe(1);
    expect(split.result.productName).toBe('OS2split');
    expect(codeOnly.result.achievedLevel ?? -1).toBeLessThan(1);
  });

  it('turns unreachable, non-git and refused locations into error entries and goes on', () => {
    expect(entry(first.report, 'Missing')).toMatchObject({ status: 'error', error: { code: 'not-found' } });
    expect(entry(first.report, 'NotARepository')).toMatchObject({ status: 'error', error: { code: 'not-a-repository' } });
    expect(entry(first.report, 'Hostile')).toMatchObject({ status: 'error', error: { code: 'url-transport' } });
    expect(entry(first.report, 'Option')).toMatchObject({ status: 'error', error: { code: 'url-option' } });
    expect(entry(first.report, 'Credentials')).toMatchObject({ status: 'error', error: { code: 'url-credentials' } });
    expect(existsSync(p.marker)).toBe(false);
  });

  it('never shows credentials and never writes a scanned repository’s files to disk', () => {
    const all = JSON.stringify(first.report) + first.stderr;
    expect(all).not.toContain('s3cret-token');
    expect(entry(first.report, 'Credentials').repositories[0].url).toBe('https://***@example.com/os2/x.git');
    const clones = readdirSync(join(cacheDir, 'repos'));
    expect(clones.length).toBeGreaterThan(0);
    for (const c of clones) {
      expect(existsSync(join(cacheDir, 'repos', c, 'HEAD'))).toBe(true); // bare: the git directory itself
      expect(existsSync(join(cacheDir, 'repos', c, 'README.md'))).toBe(false);
      expect(existsSync(join(cacheDir, 'repos', c, '.git'))).toBe(false);
    }
  });

  it('reuses cached facts on a second run, and re-reads a repository with a new commit', () => {
    const second = scan(p, cacheDir);
    expect(second.status).toBe(0);
    for (const name of ['OS2booking', 'OS2n2', 'OS2split']) expect(entry(second.report, name).cached).toBe(true);
    const strip = (r: any): any => ({ ...r, products: r.products.map((e: any) => ({ ...e, cached: undefined })) });
    expect(strip(second.report)).toEqual(strip(first.report));

    // The code-only product gains a manifest and docs: it is read afresh and moves up.
    p.repos.code!.commit('Docs and manifest', '2026-02-01T12:00:00Z', {
      'docs/architecture.md': '# Architecture\n\nOne service.\n',
      'os2.yaml': readFileSync(join(p.repos.docs!.dir, 'os2.yaml'), 'utf8'),
    });
    const previous = join(tempDir(), 'previous.json');
    writeFileSync(previous, JSON.stringify(first.report));
    const third = scan(p, cacheDir, ['--compare', previous]);
    expect(entry(third.report, 'OS2split-code-only').cached).toBe(false);
    expect(entry(third.report, 'OS2booking').cached).toBe(true);
    const moves = Object.fromEntries(third.report.comparison.products.map((m: any) => [m.name, m]));
    expect(moves['OS2split-code-only']).toMatchObject({ movement: 'up', to: 1 });
    expect(moves['OS2split-code-only'].newlyMet).toContain('docs.technical');
    expect(moves['OS2booking']).toMatchObject({ movement: 'same', newlyMet: [], lost: [] });
    expect(moves['Missing'].movement).toBe('unknown');
    expect(scanSchemaErrors(third.report)).toEqual([]);
  });

  it('scans deterministic shards that merge into exactly the unsharded report', () => {
    const fresh = (): string => tempDir('os2level-cache-');
    const whole = scan(p, fresh());
    const parts = ['1/3', '2/3', '3/3'].map((s) => {
      const out = join(tempDir(), `shard.json`);
      const run = runCli(['scan', p.file, '--format', 'json', '-o', out, '--cache-dir', fresh(), '--as-of', AS_OF, '--retries', '0', '--shard', s]);
      expect(run.status, run.stderr).toBe(0);
      return out;
    });
    const shards = parts.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(shards.flatMap((s) => s.products.map((e: any) => e.name)).sort()).toEqual(p.names);
    const mergedFile = join(tempDir(), 'merged.json');
    const merged = runCli(['merge', ...parts, '--format', 'json', '-o', mergedFile]);
    expect(merged.status, merged.stderr).toBe(0);
    const mergedReport = JSON.parse(readFileSync(mergedFile, 'utf8'));
    expect(mergedReport.products.map((e: any) => e.name)).toEqual(whole.report.products.map((e: any) => e.name));
    for (const [i, e] of mergedReport.products.entries()) expect(e, e.name).toEqual(whole.report.products[i]);
    expect(mergedReport).toEqual(whole.report);
    const partial = runCli(['merge', parts[0]!, parts[1]!]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toContain('shards missing: 3/3');
  });
});

describe('os2level scan --resume', () => {
  it('resumes a killed run from its journal: no finished product is redone, none is lost', async () => {
    const p = buildPortfolio();
    const cacheDir = tempDir('os2level-cache-');
    const journal = join(tempDir(), 'scan.jsonl');
    const args = [BIN, 'scan', p.file, '--journal', journal, '--cache-dir', cacheDir, '--as-of', AS_OF, '--concurrency', '1', '--retries', '0', '--format', 'json'];
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' }, stdio: 'ignore' });
    const productLines = (): any[] =>
      existsSync(journal)
        ? readFileSync(journal, 'utf8')
            .split('\n')
            .filter((l) => l.includes('"type":"product"'))
            .flatMap((l) => {
              try {
                return [JSON.parse(l)];
              } catch {
                return [];
              }
            })
        : [];
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (productLines().length >= 1) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 10);
      child.on('exit', () => (clearInterval(poll), resolve()));
    });
    await exited;
    const beforeResume = productLines().map((l) => l.entry.name);
    expect(beforeResume.length).toBeGreaterThanOrEqual(1);
    expect(beforeResume.length).toBeLessThan(p.names.length);

    const resumed = runCli(['scan', p.file, '--journal', journal, '--cache-dir', cacheDir, '--resume', '--concurrency', '1', '--retries', '0', '--format', 'json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${beforeResume.length} products already done`);
    const report = JSON.parse(resumed.stdout);
    expect(report.products.map((e: any) => e.name)).toEqual(p.names);
    expect(report.asOf).toBe(AS_OF);
    const names = productLines().map((l) => l.entry.name);
    expect(names.slice(0, beforeResume.length)).toEqual(beforeResume);
    expect([...names].sort()).toEqual(p.names); // each product exactly once
  });

  it('refuses to resume a journal that belongs to another scan', () => {
    const p = buildPortfolio();
    const journal = join(tempDir(), 'scan.jsonl');
    const cacheDir = tempDir('os2level-cache-');
    expect(runCli(['scan', p.file, '--journal', journal, '--cache-dir', cacheDir, '--shard', '1/2', '--retries', '0']).status).toBe(0);
    const other = runCli(['scan', p.file, '--journal', journal, '--cache-dir', cacheDir, '--shard', '2/2', '--resume']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('belongs to another scan');
  });
});

describe('os2level scan inputs', () => {
  it('reports every portfolio problem as file:line:column with did-you-mean, exit 2', () => {
    const dir = tempDir();
    const file = join(dir, 'portfolio.yaml');
    writeFileSync(file, 'schemaVersion: 1\nproducts:\n  - name: A\n    repositories: [./a]\n    oficialLevel: 1\n  - name: A\n    repositories: []\n');
    const run = runCli(['scan', file, '--cache-dir', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/portfolio\.yaml:5:5: .*"oficialLevel".*did you mean "officialLevel"/);
    expect(run.stderr).toMatch(/portfolio\.yaml:7:\d+: /);
  });

  it('scans every git repository under --dir, in every output format', () => {
    const p = buildPortfolio();
    const root = tempDir();
    execFileSync('git', ['clone', '-q', p.repos.n1!.dir, join(root, 'group', 'booking')]);
    execFileSync('git', ['clone', '-q', '--bare', p.repos.n2!.dir, join(root, 'n2.git')]);
    const cacheDir = tempDir();
    const outs = Object.fromEntries(['csv', 'markdown', 'html', 'json'].map((f) => [f, join(root, `scan.${f}`)]));
    const run = runCli(['scan', '--dir', root, '--cache-dir', cacheDir, '--as-of', AS_OF, ...Object.entries(outs).flatMap(([f, o]) => ['--report', `${f}=${o}`])]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Product\s+Level/);
    expect(run.stdout).toMatch(/group\/booking\s+N1/);
    expect(run.stdout).toMatch(/n2\.git\s+N2/);
    const csv = readFileSync(outs.csv!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^product,status,achieved_level/);
    expect(csv[1]).toMatch(/^group\/booking,ok,1,/);
    expect(readFileSync(outs.markdown!, 'utf8')).toContain('| group/booking | N1 |');
    const html = readFileSync(outs.html!, 'utf8');
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|src=["']?https?:/i);
    expect(scanSchemaErrors(JSON.parse(readFileSync(outs.json!, 'utf8')))).toEqual([]);
  });
});
