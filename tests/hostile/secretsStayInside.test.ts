/**
 * Class 1, secrets never leave the repository, end to end through the built CLI on real
 * repositories: nothing in the git directory is read as repository content however a tracked
 * symlink reaches it (src/repo/safePath.ts), and every string from a repository location passes
 * one redaction step (src/repo/redactCredentials.ts) before any output, file or stderr line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactCredentials } from '../../src/repo/redactCredentials.js';
import { cleanupTempDirs, createRepo, symlink, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT } from '../helpers/products.js';
import { expectNoCrash, factsOf, runCli } from './support.js';

afterAll(cleanupTempDirs);

const TOKEN = 'glpat-SECRET0TOKEN0abc123';

/** A repository whose git config carries a token, as CI runners leave it after a checkout. */
function repoWithToken(): TestRepo {
  const repo = createRepo({ 'LICENSE': MPL_TEXT, 'src/app.py': 'print(1)\n' });
  repo.git(['config', 'http.extraheader', `AUTHORIZATION: bearer ${TOKEN}`]);
  repo.git(['remote', 'add', 'origin', `https://oauth2:${TOKEN}@gitlab.example.dk/os2/app.git`]);
  return repo;
}

/** Every regular file under `dir` that os2level could have written (not git's own, not the links). */
function filesUnder(dir: string, skip: readonly string[] = ['.git', 'store']): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (skip.includes(name)) continue;
    const full = join(dir, name);
    const s = lstatSync(full, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) out.push(...filesUnder(full, []));
    else if (s.isFile()) out.push(full);
  }
  return out;
}

function expectTokenNowhere(texts: string[], dir: string): void {
  for (const t of texts) expect(t).not.toContain(TOKEN);
  for (const f of filesUnder(dir)) expect(readFileSync(f, 'latin1'), f).not.toContain(TOKEN);
}

describe('class 1 (secrets stay inside): nothing in the git directory is read as repository content', () => {
  it('init, publiccode and check --facts do not copy a token through a tracked README.md -> .git/config', () => {
    const repo = repoWithToken();
    symlink(repo.dir, 'README.md', '.git/config');
    repo.commit('first');

    const facts = factsOf(repo.dir);
    expectNoCrash(facts.run);
    expect(facts.run.status).toBe(0);
    expect(facts.facts.readme.status).toBe('unknown');
    expect(facts.facts.files.symlinksOutside).toContain('README.md');

    const init = runCli(['init', repo.dir]);
    expectNoCrash(init);
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, 'os2.yaml'))).toBe(true);

    const pc = runCli(['publiccode', repo.dir, '--write']);
    expectNoCrash(pc);
    const check = runCli(['check', repo.dir, '--format', 'json', '--as-of', '2026-06-01']);
    expectNoCrash(check);
    expectTokenNowhere([facts.run.stdout, facts.run.stderr, init.stdout, init.stderr, pc.stdout, pc.stderr, check.stdout, check.stderr], repo.dir);
  });

  it('a symlinked directory into .git, a ../<repo>/.git path and a .git path in a manifest are refused alike', () => {
    const repo = repoWithToken();
    symlink(repo.dir, 'docs/internals', '../.git');
    symlink(repo.dir, 'README.md', `../${basename(repo.dir)}/.git/config`);
    symlink(repo.dir, 'CHANGELOG.md', 'docs/internals/config');
    repo.write({ 'os2.yaml': 'schemaVersion: 1\nproduct:\n  name: App\nquality:\n  coverage:\n    report: .git/config\n' });
    repo.commit('first');

    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(facts.files.symlinksOutside).toEqual(expect.arrayContaining(['CHANGELOG.md', 'README.md', 'docs/internals']));
    expect(facts.coverage.failures.map((f: any) => f.reason).join(' ')).toMatch(/git directory/);
    const init = runCli(['init', repo.dir, '--force']);
    expectNoCrash(init);
    expectTokenNowhere([run.stdout, run.stderr, init.stdout, init.stderr], repo.dir);
  });

  it('the git directory a gitdir: file points at (worktrees, --separate-git-dir) is refused too', () => {
    const dir = tempDir();
    const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.dk', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.dk' };
    const git = (args: string[]): string => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // .git is a file: "gitdir: <dir>/store", a git directory under another name inside the work tree.
    git(['init', '-q', '-b', 'main', `--separate-git-dir=${join(dir, 'store')}`]);
    git(['config', 'http.extraheader', `AUTHORIZATION: bearer ${TOKEN}`]);
    symlink(dir, 'README.md', 'store/config');
    git(['add', 'README.md']);
    git(['commit', '-q', '-m', 'first']);
    expect(readFileSync(join(dir, '.git'), 'utf8')).toMatch(/^gitdir: /);

    const { run, facts } = factsOf(dir);
    expectNoCrash(run);
    expect(facts.readme.status).toBe('unknown');
    const init = runCli(['init', dir]);
    expectNoCrash(init);
    expectTokenNowhere([run.stdout, run.stderr, init.stdout, init.stderr], dir);
  });

  it('an os2.yaml that is a link into .git is refused (exit 2) without echoing what it points at', () => {
    const repo = repoWithToken();
    symlink(repo.dir, 'os2.yaml', '.git/config');
    repo.commit('first');
    const run = runCli(['check', repo.dir, '--format', 'json']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/os2\.yaml.*git directory/);
    expectTokenNowhere([run.stdout, run.stderr], repo.dir);
  });
});

describe('class 1 (secrets stay inside): one redaction step for every repository location', () => {
  it.each([
    [`https://user:${TOKEN}@host.dk/x.git`, 'https://***@host.dk/x.git'],
    [`https://${TOKEN}@host.dk/x.git`, 'https://***@host.dk/x.git'],
    [`ssh://${TOKEN}@host.dk/x.git`, 'ssh://***@host.dk/x.git'],
    [`ssh://git:${TOKEN}@host.dk/x.git`, 'ssh://git:***@host.dk/x.git'],
    [`oauth2:${TOKEN}@gitlab.example.dk:group/x.git`, '***@gitlab.example.dk:group/x.git'],
    [`user:${TOKEN}@host:path`, '***@host:path'],
    [`refused repository location "oauth2:${TOKEN}@host.dk:g/x.git"`, 'refused repository location "***@host.dk:g/x.git"'],
    [`https%3A%2F%2Foauth2%3A${TOKEN}%40host.dk%2Fx.git`, 'https%3A%2F%2F***%40host.dk%2Fx.git'],
    [`https://us%40er:${TOKEN}%40x@host.dk/x`, 'https://***@host.dk/x'],
    [`oauth2%3A${TOKEN}%40host.dk%3Agroup%2Fx.git`, '***%40host.dk%3Agroup%2Fx.git'],
    [`https://host.dk/x.git?private_token=${TOKEN}`, 'https://host.dk/x.git?private_token=***'],
    ['git@github.com:OS2/x.git', 'git@github.com:OS2/x.git'],
    ['https://github.com/OS2/x', 'https://github.com/OS2/x'],
  ])('redacts %s', (input, expected) => {
    expect(redactCredentials(input)).toBe(expected);
  });

  it('check reports git remotes without their credentials, in every form', () => {
    const repo = createRepo({ 'README.md': '# App\n' }).commit('first');
    repo.git(['remote', 'add', 'scp', `oauth2:${TOKEN}@gitlab.example.dk:group/x.git`]);
    repo.git(['remote', 'add', 'sshuser', `ssh://${TOKEN}@gitlab.example.dk/group/x.git`]);
    repo.git(['remote', 'add', 'plain', `user:${TOKEN}@host.dk:path`]);
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.git.value.remotes.map((r: any) => r.url)).toEqual(
      expect.arrayContaining(['***@gitlab.example.dk:group/x.git', 'ssh://***@gitlab.example.dk/group/x.git', '***@host.dk:path']),
    );
    const text = runCli(['check', repo.dir]);
    expect(run.stdout + text.stdout + text.stderr).not.toContain(TOKEN);
  });

  it('scan keeps tokens of refused and accepted locations out of every format, the journal, the cache and stderr', () => {
    const dir = tempDir();
    const portfolio = join(dir, 'portfolio.yaml');
    const urls = [
      `oauth2:${TOKEN}@gitlab.example.dk:group/x.git`,
      `https://user:${TOKEN}@example.invalid/x.git`,
      `user:${TOKEN}@host.invalid:path`,
      `https%3A%2F%2Foauth2%3A${TOKEN}%40host.invalid%2Fx`,
      `file://${TOKEN}@localhost/nowhere`,
    ];
    const products = urls.map((u, i) => `  - name: P${i}\n    repositories:\n      - ${JSON.stringify(u)}\n`).join('');
    writeFileSync(portfolio, `schemaVersion: 1\nproducts:\n${products}`);
    const cache = join(dir, 'cache');
    const out = (f: string): string => join(dir, `out.${f}`);
    const run = runCli(['scan', portfolio, '--cache-dir', cache, '--format', 'json', '-o', out('json'), '--report', `csv=${out('csv')}`, '--report', `markdown=${out('md')}`, '--report', `html=${out('html')}`, '--report', `table=${out('txt')}`]);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out('json'), 'utf8'));
    expect(report.products).toHaveLength(urls.length);
    expect(report.products.find((p: any) => p.name === 'P0').repositories[0].url).toBe('***@gitlab.example.dk:group/x.git');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    const written = filesUnder(dir).filter((f) => f !== portfolio);
    expect(written.length).toBeGreaterThanOrEqual(7);
    for (const f of written) expect(readFileSync(f, 'latin1'), f).not.toContain(TOKEN);
  });
});
