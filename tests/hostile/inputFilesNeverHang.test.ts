/**
 * Class 5, stat before open and bounded sizes for every input file, end to end through the built
 * CLI with real FIFOs and devices. Every file os2level reads opens through src/repo/readInput.ts
 * (stat, O_NONBLOCK open, fstat, a size bound named in the error). Each run has its own short
 * timeout: a hang fails the test (killed by SIGTERM) instead of hanging the suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { MPL_TEXT } from '../helpers/products.js';
import { expectNoCrash } from './support.js';

afterAll(cleanupTempDirs);

interface BoundedRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI with a hard deadline: a run that had to be killed comes back with a signal. */
function runBounded(args: string[], timeoutMs = 20_000): BoundedRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1' },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const fifo = (path: string): string => {
  execFileSync('mkfifo', [path]);
  return path;
};

/** Refused as a broken input: exit 2, one clear line naming the file type, no hang, no crash. */
function expectRefusedInput(run: BoundedRun, pattern: RegExp = /is a FIFO \(named pipe\), not a regular file/): void {
  expect(run.signal, `killed after ${run.ms} ms: it hung`).toBeNull();
  expectNoCrash({ status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr });
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
}

const README = '# App\n\nApp lets case workers book rooms. It replaces spreadsheets with one shared calendar for everyone.\n';

function plainRepo() {
  return createRepo({ 'README.md': README, 'LICENSE': MPL_TEXT, 'os2.yaml': 'schemaVersion: 1\nproduct:\n  name: App\n' }).commit('first');
}

describe('class 5 (inputs never hang): a FIFO or device given as an input is refused with exit 2', () => {
  const dir = tempDir();
  const pipe = fifo(join(dir, 'input.fifo'));
  const link = join(dir, 'link-to-fifo.yaml');
  symlinkSync(pipe, link);
  const repo = plainRepo();

  it.each([
    ['validate FILE', ['validate', pipe]],
    ['validate FILE (a symlink to a FIFO)', ['validate', link]],
    ['--levels', ['check', repo.dir, '--levels', pipe]],
    ['--baseline', ['check', repo.dir, '--baseline', pipe, '--min-level', '1']],
    ['--coverage', ['check', repo.dir, '--coverage', pipe]],
    ['--manifest', ['check', repo.dir, '--manifest', pipe]],
    ['a portfolio', ['scan', pipe, '--cache-dir', join(dir, 'cache')]],
    ['a merge shard', ['merge', pipe]],
    ['merge --compare', ['merge', pipe, '--compare', link]],
    ['import-report FILE', ['import-report', pipe]],
  ])('%s', (_what, args) => {
    expectRefusedInput(runBounded(args));
  });

  it('validate of a character device (/dev/zero) is refused, not read forever', () => {
    expectRefusedInput(runBounded(['validate', '/dev/zero']), /is a character device, not a regular file/);
  });

  it('an os2.yaml that is a FIFO in the repository is refused', () => {
    const r = createRepo({ 'README.md': README }).commit('first');
    fifo(join(r.dir, 'os2.yaml'));
    expectRefusedInput(runBounded(['check', r.dir, '--format', 'json']));
  });

  it('scan --compare with a FIFO is refused before anything is fetched', () => {
    const portfolio = join(dir, 'portfolio.yaml');
    writeFileSync(portfolio, `schemaVersion: 1\nproducts:\n  - name: App\n    repositories: [${JSON.stringify(repo.dir)}]\n`);
    expectRefusedInput(runBounded(['scan', portfolio, '--cache-dir', join(dir, 'cache2'), '--compare', pipe]));
  });
});

describe('class 5 (inputs never hang): repository files that are FIFOs are unknown with a reason', () => {
  const facts = (args: string[]): any => {
    const run = runBounded(['check', ...args, '--facts']);
    expect(run.signal, `killed after ${run.ms} ms: it hung`).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('a tracked README, LICENSE and coverage report replaced by FIFOs', () => {
    const repo = createRepo({ 'README.md': README, 'LICENSE': MPL_TEXT, 'coverage/lcov.info': 'SF:a\nLF:1\nLH:1\nend_of_record\n' }).commit('first');
    for (const f of ['README.md', 'LICENSE', 'coverage/lcov.info']) {
      execFileSync('rm', [join(repo.dir, f)]);
      fifo(join(repo.dir, f));
    }
    const f = facts([repo.dir]);
    expect(f.readme).toMatchObject({ status: 'unknown' });
    expect(f.readme.reason).toMatch(/FIFO/);
    expect(f.licence.status === 'unknown' || f.licence.value?.spdx == null).toBe(true);
    expect(f.coverage.failures).toEqual([expect.objectContaining({ path: 'coverage/lcov.info', reason: expect.stringMatching(/FIFO/) })]);
    const report = runBounded(['check', repo.dir, '--format', 'json', '--as-of', '2026-06-01']);
    expect(report.signal).toBeNull();
    const docs = JSON.parse(report.stdout).results[0].requirements.find((r: any) => r.id === 'docs.readme');
    expect(docs.outcome).toBe('unknown');
  });

  it('a symlink to a FIFO in a directory that is not a git repository', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'LICENSE'), MPL_TEXT);
    fifo(join(dir, 'pipe'));
    symlinkSync('pipe', join(dir, 'README.md'));
    const f = facts([dir]);
    expect(f.files.source).toBe('walk');
    expect(f.readme.status).toBe('unknown');
  });
});

describe('class 5 (inputs never hang): sizes are bounded and the bound is named', () => {
  it('--baseline over 4 MiB is refused before it is parsed', () => {
    const dir = tempDir();
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }));
    const run = runBounded(['check', plainRepo().dir, '--baseline', big, '--min-level', '1']);
    expectRefusedInput(run, /big\.json: file is 5(\.\d+)? MiB \(\d+ bytes\); the limit for --baseline is 4 MiB/);
  });

  it('a 1 MB JSON file that is not a report fails fast as --baseline (once 26 s and 640 MB)', () => {
    const dir = tempDir();
    const notReport = join(dir, 'not-a-report.json');
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ id: `x${i}`, v: [1, 2, 3], k: { a: 'bbbbbbbbbb' } }));
    writeFileSync(notReport, JSON.stringify({ results: entries }));
    const run = runBounded(['check', plainRepo().dir, '--baseline', notReport, '--min-level', '1'], 15_000);
    expectRefusedInput(run, /not a valid os2level report/);
    expect(run.stderr).toMatch(/schemaVersion: missing/);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('an os2.yaml over 1 MiB names the limit', () => {
    const repo = createRepo({ 'os2.yaml': `schemaVersion: 1\nproduct:\n  name: "${'x'.repeat(1100 * 1024)}"\n` }).commit('first');
    expectRefusedInput(runBounded(['check', repo.dir]), /the limit for os2\.yaml is 1 MiB/);
  });
});
