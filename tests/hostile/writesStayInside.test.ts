/**
 * Class: writes stay inside and never replace what is not a file.
 * (a) `fix`, `publiccode --write` and `init` write through the one repository writer: a tracked
 *     symlinked folder that leaves the repository is never written through, a symlink is never
 *     replaced, each skip is reported with its reason.
 * (b) Every output (`--output`, `--report fmt=file`, `--write-baseline`, scan views) goes through
 *     the one output writer: /dev/null, FIFOs and a link to /proc/self/fd/1 are written in place and
 *     stay what they are; a FIFO nobody reads fails at once instead of hanging; a link to a regular
 *     file keeps the link and updates its target.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BIN } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { MPL_TEXT, createN1Product, n1Manifest } from '../helpers/products.js';
import { expectNoCrash, runCli } from './support.js';

afterAll(cleanupTempDirs);

/** A repository with code and a manifest only, so `fix` has README, docs/, SECURITY.md… to write. */
function codeOnly(extra: (dir: string) => void = () => undefined) {
  const repo = createRepo({ 'src/app.py': 'print("hello")\n', 'LICENSE': MPL_TEXT, 'os2.yaml': stringify(n1Manifest()) });
  extra(repo.dir);
  repo.commit('Initial import #1');
  return repo;
}

const entries = (dir: string): string[] => readdirSync(dir).sort();

describe('fix writes stay inside the repository', () => {
  it('never writes through a tracked docs -> /elsewhere symlink, and says so', () => {
    const elsewhere = tempDir('os2level-elsewhere-');
    const repo = codeOnly((dir) => symlinkSync(elsewhere, join(dir, 'docs')));
    const run = runCli(['fix', '--to-level', '2', repo.dir, '--lang', 'en', '--as-of', '2026-06-01']);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(entries(elsewhere)).toEqual([]);
    expect(run.stdout).toMatch(/^skipped docs\/\S+\.md: writing it would leave the repository \(docs -> /m);
    // The rest of the plan was still written, and the link is still a link.
    expect(lstatSync(join(repo.dir, 'SECURITY.md')).isFile()).toBe(true);
    expect(lstatSync(join(repo.dir, 'docs')).isSymbolicLink()).toBe(true);
  });

  it('never writes through a symlinked folder into .git/', () => {
    const repo = codeOnly((dir) => symlinkSync('.git', join(dir, 'docs')));
    const before = entries(join(repo.dir, '.git'));
    const run = runCli(['fix', '--to-level', '2', repo.dir, '--lang', 'en']);
    expectNoCrash(run);
    expect(run.stdout).toMatch(/^skipped docs\/\S+\.md: writing it would leave the repository/m);
    expect(entries(join(repo.dir, '.git'))).toEqual(before);
  });

  it('follows a symlinked folder that stays inside the repository', () => {
    const repo = codeOnly((dir) => {
      mkdirSync(join(dir, 'documentation'));
      writeFileSync(join(dir, 'documentation', '.keep'), '');
      symlinkSync('documentation', join(dir, 'docs'));
    });
    const run = runCli(['fix', '--to-level', '2', repo.dir, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(entries(join(repo.dir, 'documentation')).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0);
    expect(lstatSync(join(repo.dir, 'docs')).isSymbolicLink()).toBe(true);
  });

  it.each([
    ['inside the repository', (dir: string) => (writeFileSync(join(dir, 'notes.md'), '# OS2example\n\nShort.\n'), 'notes.md')],
    ['outside the repository', () => {
      const outside = join(tempDir('os2level-elsewhere-'), 'README.md');
      writeFileSync(outside, '# OS2example\n\nShort.\n');
      return outside;
    }],
  ])('never replaces a tracked README.md symlink (target %s) and leaves its target as it was', (_where, makeTarget) => {
    let target = '';
    const repo = codeOnly((dir) => {
      target = makeTarget(dir);
      symlinkSync(target, join(dir, 'README.md'));
    });
    const targetPath = target.startsWith('/') ? target : join(repo.dir, target);
    const before = readFileSync(targetPath);
    const run = runCli(['fix', '--to-level', '2', repo.dir, '--lang', 'en']);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(join(repo.dir, 'README.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(repo.dir, 'README.md'))).toBe(target);
    expect(readFileSync(targetPath)).toEqual(before);
    expect(run.stdout).not.toMatch(/^(added sections to|created) README\.md/m);
    expect(run.stdout).toMatch(/^skipped README\.md: it is a symbolic link \(README\.md -> .*\); a link is never replaced$/m);
  });

  it('publiccode --write never replaces a publiccode.yml symlink (exit 2, the target unchanged)', () => {
    const repo = createN1Product();
    const outside = join(tempDir('os2level-elsewhere-'), 'publiccode.yml');
    writeFileSync(outside, 'publiccodeYmlVersion: "0.4"\nname: Other\n');
    symlinkSync(outside, join(repo.dir, 'publiccode.yml'));
    repo.commit('link');
    const run = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/publiccode\.yml: (is a symbolic link|would be written outside|cannot be edited)/);
    expect(lstatSync(join(repo.dir, 'publiccode.yml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe('publiccodeYmlVersion: "0.4"\nname: Other\n');
  });

  it.each([
    ['outside', () => join(tempDir('os2level-elsewhere-'), 'os2.yaml')],
    ['inside', (dir: string) => (mkdirSync(join(dir, 'config')), join(dir, 'config', 'os2.yaml'))],
  ])('init never replaces an os2.yaml symlink (target %s), even with --force', (_where, makeTarget) => {
    const repo = createRepo({ 'README.md': '# OS2linked\n', 'LICENSE': MPL_TEXT });
    const target = makeTarget(repo.dir);
    writeFileSync(target, 'schemaVersion: 1\nproduct:\n  name: Elsewhere\n');
    symlinkSync(target, join(repo.dir, 'os2.yaml'));
    repo.commit('link');
    const run = runCli(['init', repo.dir, '--yes', '--force']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    // Outside, the manifest loader refuses it first; inside, the repository writer does.
    expect(run.stderr).toMatch(/os2\.yaml: (points outside|not written \(symlink)/);
    expect(lstatSync(join(repo.dir, 'os2.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('schemaVersion: 1\nproduct:\n  name: Elsewhere\n');
  });
});

/** Runs the CLI through a shell (for redirections and pipes), failing instead of hanging. */
function sh(script: string, timeout = 30_000) {
  const started = Date.now();
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started, signal: r.signal };
}

const mkfifo = (path: string): string => {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
};

/** Starts a reader of `fifo` that copies what it reads to `into`; resolves when the writer closes. */
function readFifo(fifo: string, into: string): Promise<number | null> {
  const reader = spawn('sh', ['-c', `cat "${fifo}" > "${into}"`], { stdio: 'ignore' });
  return new Promise((resolve) => reader.on('exit', resolve));
}

describe('outputs never replace what is not a file', () => {
  const product = createN1Product();
  const dir = tempDir('os2level-outputs-');
  const isCharDevice = (p: string): boolean => statSync(p).isCharacterDevice();

  // Each way of naming an output file, as a CLI argument list with the path last.
  const WRITERS: [string, (path: string) => string[]][] = [
    ['check --output', (p) => ['check', product.dir, '--format', 'json', '--output', p]],
    ['check --report sarif=', (p) => ['check', product.dir, '--report', `sarif=${p}`]],
    ['check --write-baseline', (p) => ['check', product.dir, '--write-baseline', p]],
    ['badge --output', (p) => ['badge', product.dir, '--output', p]],
    ['levels --output', (p) => ['levels', '--output', p]],
  ];

  it.each(WRITERS)('%s /dev/null writes to the device and leaves it a device', (_name, args) => {
    const run = runCli(args('/dev/null'));
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(isCharDevice('/dev/null')).toBe(true);
  });

  it.each(WRITERS)('%s to a FIFO nobody reads fails at once (exit 2, one line), and the FIFO stays a FIFO', (name, args) => {
    const fifo = mkfifo(join(dir, `unread-${name.replace(/\W+/g, '-')}`));
    const run = sh(`node "${BIN}" ${args(fifo).map((a) => `'${a}'`).join(' ')}`);
    expect(run.signal, 'hung').toBeNull();
    expect(run.ms).toBeLessThan(20_000);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/ENXIO: nothing is reading/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it.each(WRITERS)('%s to a FIFO with a reader delivers the whole output through it', async (name, args) => {
    const fifo = mkfifo(join(dir, `read-${name.replace(/\W+/g, '-')}`));
    const copy = join(dir, `copy-${name.replace(/\W+/g, '-')}`);
    const reading = readFifo(fifo, copy);
    await new Promise((r) => setTimeout(r, 200));
    const run = sh(`node "${BIN}" ${args(fifo).map((a) => `'${a}'`).join(' ')}`);
    expect(run.status, run.stderr).toBe(0);
    expect(await reading).toBe(0);
    expect(readFileSync(copy, 'utf8').length).toBeGreaterThan(10);
    expect(statSync(fifo).isFIFO()).toBe(true);
  }, 40_000);

  it.each(WRITERS)('%s to a symlink to /proc/self/fd/1 writes to stdout and keeps the link', (name, args) => {
    const link = join(dir, `stdout-${name.replace(/\W+/g, '-')}`);
    symlinkSync('/proc/self/fd/1', link);
    const run = sh(`node "${BIN}" ${args(link).map((a) => `'${a}'`).join(' ')} | cat`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(10);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
  });

  it.each(WRITERS)('%s to a symlink to a regular file keeps the link and replaces its target', (name, args) => {
    const target = join(dir, `target-${name.replace(/\W+/g, '-')}`);
    const link = join(dir, `link-${name.replace(/\W+/g, '-')}`);
    writeFileSync(target, 'old\n', { mode: 0o640 });
    symlinkSync(target, link);
    const run = runCli(args(link));
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).not.toBe('old\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('a directory as output is refused (exit 2), never replaced', () => {
    const d = join(dir, 'a-directory');
    mkdirSync(d);
    const run = runCli(['check', product.dir, '--output', d]);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not write .*a-directory: EISDIR/);
    expect(statSync(d).isDirectory()).toBe(true);
  });

  it('scan --output and --report to /dev/null and a FIFO: device kept, FIFO without reader fails fast', () => {
    const portfolio = join(dir, 'portfolio.yaml');
    writeFileSync(portfolio, stringify({ schemaVersion: 1, products: [{ name: 'OS2example', repositories: [`file://${product.dir}`] }] }));
    const cache = join(dir, 'cache');
    const ok = runCli(['scan', portfolio, '--cache-dir', cache, '--output', '/dev/null', '--report', 'csv=/dev/null', '--as-of', '2026-06-01']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(isCharDevice('/dev/null')).toBe(true);
    const fifo = mkfifo(join(dir, 'scan-fifo'));
    const run = sh(`node "${BIN}" scan '${portfolio}' --cache-dir '${cache}' --report 'json=${fifo}' --as-of 2026-06-01 > /dev/null`);
    expect(run.signal, 'hung').toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not write the json report to .*scan-fifo: ENXIO/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  }, 60_000);
});
