/**
 * What a first run meets: `check` in a subdirectory checks the work tree it belongs to (and says
 * so on stderr), `--no-discover` checks the directory itself, a mistyped command is an unknown
 * command (exit 2, with a suggestion), and the owner of the code comes from a code-host remote or
 * repository.url, never from the folder a clone sits in; check and scan of one commit agree.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkJson, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir, TestRepo, writeFiles } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';
const reqOf = (report: any, id: string): any => report.results[0].requirements.find((r: any) => r.id === id);
const outcomes = (result: any): Record<string, string> => Object.fromEntries(result.requirements.map((q: any) => [q.id, q.outcome]));

describe('check in a subdirectory', () => {
  it('checks the work tree it belongs to, says so on stderr, and reports exactly what check at the top does', () => {
    const repo = createN1Product();
    writeFiles(repo.dir, { 'src/deep/more/x.py': 'x = 1\n' });
    repo.commit('more');
    const sub = join(repo.dir, 'src', 'deep');
    const atRoot = checkJson(repo.dir);
    const fromSub = checkJson(sub);
    expect(atRoot.run.status, atRoot.run.stderr).toBe(0);
    expect(fromSub.run.status, fromSub.run.stderr).toBe(0);
    expect(atRoot.report.results[0].achievedLevel).toBe(1);
    expect(fromSub.report).toEqual(atRoot.report);
    expect(fromSub.run.stderr.trim().split('\n')).toEqual([`os2level: checking the repository at ${repo.dir} (found from ${sub}; --no-discover checks ${sub} itself)`]);
    // At the top there is nothing to say.
    expect(atRoot.run.stderr).toBe('');
  });

  it('finds the work tree from the current directory too (no argument)', () => {
    const repo = createN1Product();
    mkdirSync(join(repo.dir, 'docs', 'inner'), { recursive: true });
    const run = runCli(['check', '--format', 'json', '--as-of', AS_OF], { cwd: join(repo.dir, 'docs') });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results[0].path).toBe(repo.dir);
    expect(run.stderr).toContain(`checking the repository at ${repo.dir}`);
  });

  it('--no-discover checks the subdirectory itself', () => {
    const repo = createN1Product();
    const sub = join(repo.dir, 'src');
    const { run, report } = checkJson(sub, ['--no-discover']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('checking the repository at');
    expect(report.results[0].path).toBe(sub);
    // The subdirectory has no README, licence or manifest of its own: it does not reach N1.
    expect(report.results[0].achievedLevel).not.toBe(1);
    expect(reqOf(report, 'docs.readme').outcome).toBe('fail');
  });

  // Only root can hand a directory to another user (as a .git planted in /tmp by someone else would be).
  it.skipIf(process.getuid?.() !== 0)('does not take a work tree owned by another user for the directory named', () => {
    const repo = createN1Product();
    const sub = join(repo.dir, 'src');
    chownSync(repo.dir, 4242, 4242);
    const { run, report } = checkJson(sub);
    expect(run.status, run.stderr).toBe(0);
    expect(report.results[0].path).toBe(sub);
    expect(run.stderr.trim()).toBe(`os2level: ${repo.dir} holds a repository owned by another user; using ${sub} on its own`);
  });

  it('keeps a directory outside any repository as named', () => {
    const dir = tempDir();
    writeFiles(dir, { 'README.md': '# x\n' });
    const { run, report } = checkJson(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(report.results[0].path).toBe(dir);
    expect(run.stderr).not.toContain('found from');
  });

  it('publiccode, fix and init in a subdirectory work on the top of the work tree as well', () => {
    const repo = createRepo({ 'README.md': '# OS2demo\n\nA demo.\n', 'src/app.py': 'print(1)\n' });
    repo.remote('origin', 'https://github.com/OS2offdig/os2demo.git');
    repo.commit('first');
    const sub = join(repo.dir, 'src');
    const init = runCli(['init', '--yes', sub]);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain(`using the repository at ${repo.dir} (found from ${sub}`);
    expect(existsSync(join(repo.dir, 'os2.yaml'))).toBe(true);
    expect(existsSync(join(sub, 'os2.yaml'))).toBe(false);
    const fix = runCli(['fix', '--to-level', '0', '--dry-run', '--as-of', AS_OF], { cwd: sub });
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.stderr).toContain(`using the repository at ${repo.dir}`);
    const pc = runCli(['publiccode', sub, '--as-of', AS_OF]);
    expect(pc.stderr).toContain(`using the repository at ${repo.dir}`);
    expect(pc.stdout).toContain('url: https://github.com/OS2offdig/os2demo');
  });
});

describe('commands are commands', () => {
  it('a mistyped command is an unknown command naming check, exit 2', () => {
    const run = runCli(['chek']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'chek'");
    expect(run.stderr).toContain('did you mean check?');
    expect(run.stdout).toBe('');
  });

  it('a word close to no command points to --help, exit 2', () => {
    const run = runCli(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
    expect(run.stderr).toContain('os2level --help');
  });

  it('an existing directory by a bare name is still checked by default, and `check <missing>` is a missing directory', () => {
    const parent = tempDir();
    const repo = new TestRepo(join(parent, 'chek'));
    mkdirSync(repo.dir);
    repo.git(['init', '-q', '-b', 'main']);
    const run = runCli(['chek', '--format', 'json', '--as-of', AS_OF], { cwd: parent });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results[0].path).toBe(join(parent, 'chek'));
    const missing = runCli(['check', 'chek']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('chek: no such directory');
  });
});

/** The N1 manifest without repository.url, so only the remotes can say who owns the code. */
function manifestWithoutUrl(): Record<string, any> {
  const { repository: _url, ...rest } = n1Manifest();
  return rest;
}

/** A bare repository under a folder named like an OS2 organisation, and a clone of it. */
function bareAndClone(manifest: Record<string, any> = manifestWithoutUrl()): { bare: string; clone: TestRepo } {
  const source = createN1Product(manifest);
  const parent = join(tempDir(), 'OS2offdig');
  mkdirSync(parent);
  const bare = join(parent, 'os2example.git');
  execFileSync('git', ['clone', '-q', '--bare', source.dir, bare]);
  const cloneDir = join(tempDir(), 'work');
  execFileSync('git', ['clone', '-q', bare, cloneDir]);
  return { bare, clone: new TestRepo(cloneDir) };
}

/** Scans one product through a portfolio file and returns its result. */
function scanOne(location: string): any {
  const dir = tempDir();
  const file = join(dir, 'portfolio.yaml');
  writeFiles(dir, { 'portfolio.yaml': stringify({ schemaVersion: 1, products: [{ name: 'OS2example', repositories: [location] }] }) });
  const out = join(dir, 'scan.json');
  const run = runCli(['scan', file, '--format', 'json', '--output', out, '--cache-dir', join(dir, 'cache'), '--as-of', AS_OF, '--retries', '0']);
  expect(run.status, run.stderr).toBe(0);
  const entry = JSON.parse(readFileSync(out, 'utf8')).products[0];
  expect(entry.status, JSON.stringify(entry.error ?? null)).toBe('ok');
  return entry.result;
}

describe('the owner comes from the repository, never from a folder name', () => {
  it('a clone whose origin is a local path under a folder named OS2offdig is not owned by OS2offdig', () => {
    const { bare, clone } = bareAndClone();
    const { run, report } = checkJson(clone.dir);
    expect(run.status, run.stderr).toBe(0);
    const org = reqOf(report, 'versioning.os2-organisation');
    expect(org.outcome).toBe('fail');
    expect(org.args.owners).toEqual(['—']);
    expect(JSON.stringify(org.args)).not.toContain('OS2offdig');
    // Nor is the bare repository itself (scan clones it: the clone's origin is this path).
    expect(bare).toContain('OS2offdig');
  });

  it('without a code-host remote, repository.url in os2.yaml names the owner', () => {
    const { clone } = bareAndClone({ ...n1Manifest(), repository: { url: 'https://github.com/OS2offdig/os2example' } });
    const { report } = checkJson(clone.dir);
    const org = reqOf(report, 'versioning.os2-organisation');
    expect(org).toMatchObject({ outcome: 'pass', code: 'org.pass-url', basis: 'declared', args: { owner: 'OS2offdig' } });
  });

  it('origin on GitHub: check of the path, scan of the path, scan of a file:// URL and check of a clone of it agree requirement by requirement', () => {
    const { clone } = bareAndClone(manifestWithoutUrl());
    clone.git(['remote', 'set-url', 'origin', 'https://github.com/OS2offdig/os2example.git']);
    const checked = checkJson(clone.dir);
    expect(checked.run.status, checked.run.stderr).toBe(0);
    const checkedResult = checked.report.results[0];
    expect(reqOf(checked.report, 'versioning.os2-organisation')).toMatchObject({ outcome: 'pass', code: 'org.pass', args: { owner: 'OS2offdig' } });
    expect(checkedResult.achievedLevel).toBe(1);

    const byPath = scanOne(clone.dir);
    const byUrl = scanOne(`file://${clone.dir}`);
    for (const scanned of [byPath, byUrl]) {
      expect(outcomes(scanned)).toEqual(outcomes(checkedResult));
      expect(scanned.achievedLevel).toBe(checkedResult.achievedLevel);
      expect(scanned.requirements.find((r: any) => r.id === 'versioning.os2-organisation').args.owner).toBe('OS2offdig');
    }

    // A clone of that clone (origin: a local path) finds the code host one step away.
    const second = join(tempDir(), 'second');
    execFileSync('git', ['clone', '-q', clone.dir, second]);
    const again = checkJson(second);
    expect(outcomes(again.report.results[0])).toEqual(outcomes(checkedResult));
  });
});
