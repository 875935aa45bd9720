/**
 * The portfolio file names each product's governance report (a path in its repository or a local
 * file), its official level (possibly still empty) and a public URL; `scan --init-portfolio DIR`
 * writes one from a directory of clones that loads and scans as written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/portfolio/load.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

function write(data: unknown): string {
  const dir = tempDir('os2level-portfolio-');
  const file = join(dir, 'portfolio.yaml');
  writeFileSync(file, typeof data === 'string' ? data : stringify(data));
  return file;
}

describe('portfolio file', () => {
  it('reads governanceReport as a repository path or a local file (relative to the portfolio), and an empty official level', async () => {
    const file = write(
      [
        'schemaVersion: 1',
        'products:',
        '  - name: A',
        '    repositories: [https://github.com/OS2/a]',
        '    officialLevel:',
        '    governanceReport: docs/governance_report.md',
        '  - name: B',
        '    repositories: [{ url: ./b, publicUrl: "https://github.com/OS2/b" }]',
        '    officialLevel: 2',
        '    governanceReport: { file: reports/b.md }',
        '  - name: C',
        '    repositories: [https://github.com/OS2/c]',
        '    governanceReport: { path: GOVERNANCE.md }',
        '',
      ].join('\n'),
    );
    const p = await loadPortfolio(file);
    expect(p.products.map((x) => [x.name, x.officialLevel, x.governanceReport])).toEqual([
      ['A', null, { kind: 'repository', path: 'docs/governance_report.md' }],
      ['B', 2, { kind: 'file', path: join(p.baseDir, 'reports', 'b.md') }],
      ['C', null, { kind: 'repository', path: 'GOVERNANCE.md' }],
    ]);
    expect(p.products[1]!.repositories[0]).toEqual({ url: './b', ref: null, publicUrl: 'https://github.com/OS2/b' });
  });

  it('refuses a governance report path that leaves the repository and a public URL that is not a code host address (exit 2, file:line:column)', () => {
    const file = write({ schemaVersion: 1, products: [{ name: 'A', repositories: [{ url: 'https://github.com/OS2/a', publicUrl: '--upload-pack=x' }], governanceReport: '/etc/passwd' }] });
    const run = runCli(['scan', file, '--cache-dir', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/portfolio\.yaml:\d+:\d+/);
    expect(run.stderr).toMatch(/publicUrl/);
    expect(run.stderr).toMatch(/governanceReport/);
  });
});

describe('scan --init-portfolio', () => {
  it('writes a portfolio from a directory of clones: names, origin URLs (or paths), empty official levels; it loads', async () => {
    const dir = tempDir('os2level-clones-');
    const withOrigin = createRepo({ 'README.md': '# A\n' }).commit('A #1');
    withOrigin.git(['clone', '-q', withOrigin.dir, join(dir, 'os2a')]);
    runGitIn(join(dir, 'os2a'), ['remote', 'set-url', 'origin', 'https://user:secret@github.com/OS2/os2a.git']);
    mkdirSync(join(dir, 'group'));
    const local = createRepo({ 'README.md': '# B\n' }).commit('B #1');
    local.git(['clone', '-q', local.dir, join(dir, 'group', 'os2b')]);
    runGitIn(join(dir, 'group', 'os2b'), ['remote', 'remove', 'origin']);
    mkdirSync(join(dir, 'notes'));
    const out = join(tempDir('os2level-out-'), 'portfolio.yaml');
    const run = runCli(['scan', '--init-portfolio', dir, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('skipped notes: no git repository in it');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('secret');
    expect(text).toContain('officialLevel:');
    // It passes the portfolio schema as written (no network: the origin URL is not fetched here).
    const p = await loadPortfolio(out);
    expect(p.products.map((e) => [e.name, e.officialLevel, e.repositories[0]!.url])).toEqual([
      ['group/os2b', null, relative(dirname(out), join(dir, 'group', 'os2b'))],
      ['os2a', null, 'https://github.com/OS2/os2a.git'],
    ]);
    // The clone without origin is located by its path relative to the file: the same repository.
    expect(p.products[0]!.repositories[0]!.url.startsWith('..')).toBe(true);
  });

  it('refuses a portfolio file or --dir beside it (exit 2)', () => {
    expect(runCli(['scan', 'portfolio.yaml', '--init-portfolio', tempDir()]).status).toBe(2);
  });
});

function runGitIn(dir: string, args: string[]): void {
  createRepo().git(['-C', dir, ...args]);
}
