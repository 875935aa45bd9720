/**
 * Awkward and hostile git repositories, end to end through the built CLI. The
 * git layer's own tests (tests/repo/git.test.ts, tests/facts/git.test.ts) cover each git call; these
 * run every collector at once and assert the exit code and the honest outcome in the report.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MPL_TEXT } from '../helpers/products.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { expectNoCrash, factsOf, plainGit, reportOf, req, runCli } from './support.js';

afterAll(cleanupTempDirs);

const README = `# OS2hostile

OS2hostile lets municipal case workers book meeting rooms, cars and equipment across
administrations, and gives citizens a self-service page for booking public facilities.
It replaces spreadsheets and phone calls with one shared calendar, sends reminders, and
reports how rooms are used so that administrations can plan their buildings better.
`;

/** A small product with history, tags, CI, docs, tests and coverage, so every collector has work. */
function product() {
  const repo = createRepo({
    'README.md': README,
    'LICENSE': MPL_TEXT,
    'CHANGELOG.md': '# Changelog\n\n## 1.1.0\n\n- More.\n\n## 1.0.0\n\n- First.\n',
    'docs/install.md': '# Installation\n\nRun it.\n',
    'src/app.py': 'print("x")\n',
    'tests/test_app.py': 'def test_app():\n    assert True\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest --cov\n',
    'coverage/lcov.info': 'TN:\nSF:src/app.py\nDA:1,1\nLF:1\nLH:1\nend_of_record\n',
    'data.bin': 'one\n',
    '.gitattributes': '*.bin diff=evil\n',
  });
  repo.commit('first #1', '2025-06-01T00:00:00Z');
  repo.tag('v1.0.0', { message: 'release 1.0.0', date: '2025-06-02T00:00:00Z' });
  repo.commit('second #2', '2026-02-01T00:00:00Z', { 'data.bin': 'two\n', 'src/app.py': 'print("y")\n' });
  repo.tag('v1.1.0', { message: 'release 1.1.0', date: '2026-02-02T00:00:00Z' });
  repo.commit('third #3', '2026-03-01T00:00:00Z', { 'docs/install.md': '# Installation\n\nRun the container.\n' });
  return repo;
}

describe('a repository whose .git/config names programs (fsmonitor, pager, hooks, diff.external, textconv)', () => {
  it('runs none of them through a whole check, in every output format and with --facts', () => {
    const repo = product();
    const marker = join(tempDir(), 'marker');
    const script = join(tempDir(), 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\necho /\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['pager.log', script],
      ['pager.tag', script],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['diff.evil.command', script],
      ['filter.evil.smudge', script],
      ['filter.evil.process', script],
      ['core.sshCommand', script],
      ['core.askPass', script],
      ['credential.helper', `!${script}`],
      ['gpg.program', script],
      ['gpg.ssh.program', script],
      ['core.editor', script],
      ['sequence.editor', script],
      ['uploadpack.packObjectsHook', script],
      ['alias.log', `!${script}`],
    ]) repo.git(['config', key!, value!]);
    const hooks = join(repo.dir, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman', 'pre-auto-gc']) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\nexec '${script}' ${hook}\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    repo.git(['config', 'core.hooksPath', hooks]);
    // The traps are live: plain git runs them.
    plainGit(repo.dir, ['-c', 'core.fsmonitor=false', 'log', '-p', '-1', '--', 'data.bin']);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    for (const format of ['json', 'text', 'sarif', 'markdown', 'junit']) {
      const run = runCli(['check', repo.dir, '--format', format, '--as-of', '2026-06-01']);
      expectNoCrash(run);
      expect(run.status, `${format}: ${run.stderr}`).toBe(0);
    }
    const { run } = factsOf(repo.dir);
    expect(run.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('an empty repository (no commits)', () => {
  it('is a git repository without history: history requirements fail as "no commits", nothing crashes', () => {
    const repo = createRepo({ 'README.md': README });
    repo.git(['add', 'README.md']); // staged, never committed
    const { facts } = factsOf(repo.dir);
    expect(facts.git.value).toMatchObject({ head: null, commitCount: 0, tags: [], partialHistory: false });
    expect(facts.files.paths).toEqual(['README.md']);
    const report = reportOf(repo.dir);
    expect(req(report, 'versioning.active')).toMatchObject({ outcome: 'fail', code: 'git.no-commits' });
    expect(req(report, 'versioning.releases')).toMatchObject({ outcome: 'fail', code: 'releases.none' });
  });
});

describe('a shallow clone and a partial clone with missing blobs', () => {
  it('a --depth 1 clone: history is marked partial and releases are unknown, not failed', () => {
    const upstream = product();
    const shallow = join(tempDir(), 'shallow');
    plainGit(tempDir(), ['clone', '-q', '--depth', '1', `file://${upstream.dir}`, shallow]);
    const { facts } = factsOf(shallow);
    expect(facts.git.value).toMatchObject({ partialHistory: true, commitCount: 1, tags: [] });
    const report = reportOf(shallow);
    expect(req(report, 'versioning.releases')).toMatchObject({ outcome: 'unknown', code: 'git.partial' });
    // Tags were not fetched: that is not evidence of unsigned or non-SemVer releases either.
    for (const id of ['versioning.semver', 'versioning.signed-tags', 'versioning.changelog-current']) {
      expect(req(report, id), id).toMatchObject({ outcome: 'unknown', code: 'git.partial' });
    }
    expect(req(report, 'versioning.active').outcome).toBe('pass');
  });

  it('a blob-less partial clone whose work tree lacks the tracked files: unknown evidence, never a lazy fetch', () => {
    const upstream = product();
    plainGit(upstream.dir, ['config', 'uploadpack.allowFilter', 'true']);
    const partial = join(tempDir(), 'partial');
    plainGit(tempDir(), ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${upstream.dir}`, partial]);
    plainGit(partial, ['reset', '-q']); // the index now lists every file; the blobs and the files are absent
    const objectsBefore = plainGit(partial, ['count-objects', '-v']);
    const { run, facts } = factsOf(partial);
    expectNoCrash(run);
    expect(facts.git.value).toMatchObject({ partialHistory: true, commitCount: 3 });
    expect(facts.files.paths).toContain('README.md');
    expect(facts.readme.status).toBe('unknown');
    const report = reportOf(partial);
    expect(req(report, 'docs.readme').outcome).toBe('unknown');
    expect(req(report, 'versioning.releases').outcome).toBe('pass'); // tags came with the clone
    expect(plainGit(partial, ['count-objects', '-v'])).toBe(objectsBefore);
  });
});

describe('a detached HEAD', () => {
  it('is read at the detached commit, with the default branch still known', () => {
    const repo = product();
    repo.checkout('v1.0.0');
    const { facts } = factsOf(repo.dir);
    expect(facts.git.value).toMatchObject({ detached: true, defaultBranch: 'main', commitCount: 1 });
    const report = reportOf(repo.dir);
    expect(req(report, 'versioning.releases').outcome).toBe('pass');
  });
});

describe('a bare repository', () => {
  it('is checked from its history: no work tree means no files, and a report, not a crash', () => {
    const upstream = product();
    const bare = join(tempDir(), 'bare.git');
    plainGit(tempDir(), ['clone', '-q', '--bare', upstream.dir, bare]);
    const { facts } = factsOf(bare);
    expect(facts.git.value).toMatchObject({ commitCount: 3, defaultBranch: 'main' });
    expect(facts.git.value.tags.map((t: any) => t.name)).toEqual(['v1.0.0', 'v1.1.0']);
    const report = reportOf(bare);
    expect(req(report, 'versioning.releases').outcome).toBe('pass');
    expect(req(report, 'versioning.semver').outcome).toBe('pass');
  });
});

describe('uninitialised submodules', () => {
  it('lists the submodule path, reads nothing inside it, and checks the rest', () => {
    const sub = createRepo().commit('sub', undefined, { 'README.md': '# Sub\n', 'LICENSE': 'MIT License\n' });
    const repo = product();
    plainGit(repo.dir, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${sub.dir}`, 'vendor/sub']);
    plainGit(repo.dir, ['commit', '-q', '-m', 'add submodule']);
    const clone = join(tempDir(), 'clone');
    plainGit(tempDir(), ['clone', '-q', `file://${repo.dir}`, clone]); // no --recurse-submodules: vendor/sub is empty
    const { run, facts } = factsOf(clone);
    expectNoCrash(run);
    expect(facts.files.paths).toEqual(expect.arrayContaining(['.gitmodules', 'vendor/sub']));
    expect(facts.licence.value.spdx).toBe('MPL-2.0');
    const report = reportOf(clone);
    expect(req(report, 'docs.readme').outcome).toBe('pass');
  });
});

describe('paths with spaces, unicode, and two names differing only in case', () => {
  it('lists and reads them all exactly as tracked', () => {
    const repo = createRepo().commit('first', undefined, {
      'docs/Installation guide.md': '# Installation guide\n\nRun it.\n',
      'docs/Vejledning på dansk — brugere.md': '# Vejledning\n\nSådan.\n',
      'docs/日本語.md': '# 日本語\n',
      'tests/test it.py': 'def test_x():\n    assert True\n',
      'Readme.md': README,
      'README.md': README,
      'src/a\tb.py': 'x = 1\n',
      'src/quote"d.py': 'x = 1\n',
      'src/new\nline.py': 'x = 1\n',
    });
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.files.paths).toEqual(expect.arrayContaining([
      'README.md', 'Readme.md', 'docs/Installation guide.md', 'docs/Vejledning på dansk — brugere.md', 'docs/日本語.md',
      'src/a\tb.py', 'src/quote"d.py', 'src/new\nline.py', 'tests/test it.py',
    ]));
    expect(facts.docs.headings.map((h: any) => h.text)).toEqual(expect.arrayContaining(['Installation guide', 'Vejledning', '日本語']));
    expect(facts.tests.total).toBe(1);
    const report = reportOf(repo.dir);
    expect(req(report, 'docs.readme').outcome).toBe('pass');
  });
});

describe('tags off the default branch, non-SemVer tags and thousands of tags', () => {
  it('reads 3000 tags, keeps unreachable ones, and calls non-SemVer release tags what they are', () => {
    const repo = product();
    repo.branch('experiment', true).commit('experiment', '2026-04-01T00:00:00Z', { 'x.txt': 'x\n' });
    repo.tag('v9.0.0-experiment', { message: 'off main', date: '2026-04-02T00:00:00Z' });
    repo.checkout('main');
    for (const [name, date] of [['v.1.5.2', '2026-04-10'], ['5.2.0rc1', '2026-04-11'], ['12.1.4.1', '2026-04-12'], ['release-candidate-1', '2026-04-13']] as const) {
      repo.tag(name, { message: name, date: `${date}T00:00:00Z` });
    }
    const head = repo.git(['rev-parse', 'HEAD^']).trim();
    const stdin = Array.from({ length: 3000 }, (_, i) => `create refs/tags/build-${i} ${head}\n`).join('');
    plainGit(repo.dir, ['update-ref', '--stdin'], stdin);
    const started = Date.now();
    const { facts } = factsOf(repo.dir);
    expect(Date.now() - started).toBeLessThan(30_000);
    const tags = new Map(facts.git.value.tags.map((t: any) => [t.name, t]));
    expect(tags.size).toBe(3007);
    expect(tags.get('v9.0.0-experiment')).toMatchObject({ isSemver: true });
    expect(tags.get('5.2.0rc1')).toMatchObject({ isSemver: false });
    expect(tags.get('12.1.4.1')).toMatchObject({ isSemver: false });
    expect(tags.get('release-candidate-1')).toMatchObject({ isVersion: false });
    const report = reportOf(repo.dir);
    expect(req(report, 'versioning.releases').outcome).toBe('pass');
    expect(req(report, 'versioning.semver')).toMatchObject({ outcome: 'fail', code: 'semver.not-semver' });
    expect(JSON.stringify(req(report, 'versioning.semver').args)).toMatch(/12\.1\.4\.1|5\.2\.0rc1/);
  });
});
