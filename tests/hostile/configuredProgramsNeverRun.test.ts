/**
 * Class: nothing the repository configures runs. A repository whose config names programs
 * (core.fsmonitor, filter drivers with clean/smudge/process, hooks in .git/hooks and in a
 * core.hooksPath of its own, gpg.program with log.showSignature, diff.external) is put through every
 * command; each program would leave a marker file, and none may appear. A control run with plain
 * git shows the traps are live. A source check keeps every git process in the one runner.
 */
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT, productReadme } from '../helpers/products.js';
import { expectNoCrash, plainGit, runCli } from './support.js';

afterAll(cleanupTempDirs);

const PROGRAMS = ['fsmonitor', 'clean', 'smudge', 'process', 'gpg', 'external-diff', 'hook'];
const HOOKS = ['post-index-change', 'pre-commit', 'post-checkout', 'reference-transaction', 'post-commit', 'pre-auto-gc', 'post-rewrite', 'fsmonitor-watchman'];

interface Trap {
  repo: TestRepo;
  markers: string;
}

/** A product repository whose config names a marker-writing program in every place git looks for one. */
function trappedRepository(): Trap {
  const markers = tempDir('os2level-markers-');
  const bin = tempDir('os2level-evil-');
  const evil = join(bin, 'evil.sh');
  // Records its name; as a filter it passes content through, so git itself would still succeed.
  writeFileSync(evil, `#!/bin/sh\necho "$@" >> "${markers}/ran-$1"\n[ "$1" = clean ] || [ "$1" = smudge ] && cat\nexit 0\n`);
  chmodSync(evil, 0o755);
  // gpg.program is run without a shell, so it gets a script of its own.
  const gpg = join(bin, 'gpg.sh');
  writeFileSync(gpg, `#!/bin/sh\n"${evil}" gpg "$@"\nexit 1\n`);
  chmodSync(gpg, 0o755);
  const repo = createRepo({
    'README.md': productReadme('OS2trap', false),
    'LICENSE': MPL_TEXT,
    'src/app.py': 'print("x")\n',
    'notes.txt': 'filtered\n',
    '.gitattributes': '* filter=evil diff=evil\n*.md filter=proc\n',
  });
  repo.remote('origin', 'https://github.com/OS2offdig/os2trap.git');
  repo.commit('first');
  // A commit that carries a (fake) signature, so log --show-signature would call gpg.program.
  const head = repo.git(['rev-parse', 'HEAD']).trim();
  const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
  const signed = [
    `tree ${tree}`,
    `parent ${head}`,
    'author Test Author <author@example.dk> 1768478400 +0000',
    'committer Test Author <author@example.dk> 1768478400 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEfake',
    ' -----END PGP SIGNATURE-----',
    '',
    'signed',
    '',
  ].join('\n');
  const oid = plainGit(repo.dir, ['hash-object', '-t', 'commit', '-w', '--stdin'], signed).trim();
  repo.git(['update-ref', 'refs/heads/main', oid]);
  const hooksPath = join(bin, 'hooks');
  mkdirSync(hooksPath);
  for (const dir of [join(repo.dir, '.git', 'hooks'), hooksPath]) {
    for (const hook of HOOKS) {
      writeFileSync(join(dir, hook), `#!/bin/sh\n"${evil}" hook ${hook}\nexit 0\n`);
      chmodSync(join(dir, hook), 0o755);
    }
  }
  const config: [string, string][] = [
    ['core.fsmonitor', `${evil} fsmonitor`],
    ['core.hooksPath', hooksPath],
    ['core.untrackedCache', 'true'],
    ['filter.evil.clean', `${evil} clean`],
    ['filter.evil.smudge', `${evil} smudge`],
    ['filter.evil.required', 'true'],
    ['filter.proc.process', `${evil} process`],
    ['filter.proc.required', 'true'],
    ['diff.external', `${evil} external-diff`],
    ['diff.evil.textconv', `${evil} textconv`],
    ['log.showSignature', 'true'],
    ['gpg.program', gpg],
    ['core.pager', `${evil} pager`],
  ];
  for (const [key, value] of config) repo.git(['config', key, value]);
  return { repo, markers };
}

const ran = (t: Trap): string[] => readdirSync(t.markers).map((f) => `${f}: ${readFileSync(join(t.markers, f), 'utf8').trim()}`);

describe('nothing the repository configures runs', () => {
  let trap: Trap;
  beforeAll(() => {
    trap = trappedRepository();
  });

  it('the traps are live: plain git runs them (control)', () => {
    const control = tempDir();
    cpSync(trap.repo.dir, control, { recursive: true });
    writeFileSync(join(control, 'NEW.md'), 'new\n');
    // The process filter does not speak git's protocol, so plain git may fail after running it.
    cleanMarkers(trap);
    for (const args of [['status'], ['add', '--intent-to-add', '--', 'NEW.md'], ['log', '-1']]) {
      try {
        plainGit(control, args);
      } catch {
        /* ran, then failed */
      }
    }
    expect(readdirSync(trap.markers)).toEqual(expect.arrayContaining(['ran-fsmonitor', 'ran-hook', 'ran-gpg']));
  });

  it.each([
    ['check (text)', ['check', '.', '--as-of', '2026-06-01']],
    ['check --format json --verbose', ['check', '.', '--format', 'json', '--verbose', '--as-of', '2026-06-01']],
    ['check --facts', ['check', '.', '--facts']],
    ['badge', ['badge', '.']],
    ['publiccode (stdout)', ['publiccode', '.', '--as-of', '2026-06-01']],
    ['fix --to-level 1 (creates files, git add --intent-to-add)', ['fix', '.', '--to-level', '1', '--as-of', '2026-06-01']],
    ['publiccode --write', ['publiccode', '.', '--write', '--as-of', '2026-06-01']],
    ['init --yes', ['init', '.', '--yes']],
    ['check after the writes', ['check', '.', '--format', 'json', '--as-of', '2026-06-01']],
  ])('%s runs none of them', (_name, args) => {
    cleanMarkers(trap);
    const run = runCli(args, { cwd: trap.repo.dir });
    expectNoCrash(run);
    expect(run.status, run.stderr).toBeLessThan(2);
    expect(ran(trap)).toEqual([]);
  }, 60_000);

  it('fix really went through git: the created files are marked intent-to-add', () => {
    const staged = plainGit(trap.repo.dir, ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', 'ls-files', '--', 'SECURITY.md']);
    expect(staged.trim()).toBe('SECURITY.md');
  });

  it('import-report --write into the trapped repository runs none of them', () => {
    cleanMarkers(trap);
    const report = readdirSync(join(PROJECT_ROOT, 'tests/fixtures/governance-reports'))[0]!;
    const run = runCli(['import-report', join(PROJECT_ROOT, 'tests/fixtures/governance-reports', report), '--write', '--manifest', join(trap.repo.dir, 'imported.yaml')], { cwd: trap.repo.dir });
    expectNoCrash(run);
    expect(ran(trap)).toEqual([]);
  }, 60_000);

  it('scan of a file:// portfolio holding it (clone, fetch again, read objects) runs none of them', () => {
    cleanMarkers(trap);
    const dir = tempDir();
    const portfolio = join(dir, 'portfolio.yaml');
    writeFileSync(portfolio, stringify({ schemaVersion: 1, products: [{ name: 'OS2trap', repositories: [`file://${trap.repo.dir}`] }] }));
    for (let round = 0; round < 2; round++) {
      const run = runCli(['scan', portfolio, '--format', 'json', '--cache-dir', join(dir, 'cache'), '--as-of', '2026-06-01']);
      expectNoCrash(run);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).products[0].name).toBe('OS2trap');
      expect(ran(trap)).toEqual([]);
    }
  }, 120_000);
});

function cleanMarkers(t: Trap): void {
  for (const f of readdirSync(t.markers)) rmSync(join(t.markers, f));
}

describe('one git runner', () => {
  it('no file under src/ but src/repo/git.ts imports node:child_process or simple-git', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.[cm]?[jt]s$/.test(entry.name)) {
          const text = readFileSync(full, 'utf8');
          if (/from\s+['"](?:node:)?child_process['"]|import\(\s*['"](?:node:)?child_process['"]|require\(\s*['"](?:node:)?child_process['"]|['"]simple-git['"]/.test(text)) {
            offenders.push(relative(PROJECT_ROOT, full));
          }
        }
      }
    };
    walk(join(PROJECT_ROOT, 'src'));
    expect(offenders).toEqual(['src/repo/git.ts']);
  });
});
