/**
 * The ratchet end to end: a product whose only release ages past 12 months between two `--as-of`
 * dates. With a baseline written at the first date, the gate at the second passes only if the
 * release requirement already failed in the baseline; a requirement a commit controls is gated as
 * usual; a baseline that is not a report stops the run (exit 2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { runCli } from '../helpers/cli.js';
import { createN2Product } from '../helpers/products.js';

afterAll(cleanupTempDirs);

/** An N2 product whose newest release, v1.1.0, was tagged on 2025-03-01. */
function productReleasedIn2025() {
  const repo = createN2Product();
  repo.git(['tag', '-d', 'v1.1.0']);
  repo.tag('v1.1.0', { message: 'Release 1.1.0', date: '2025-03-01T12:00:00Z' });
  return repo;
}

const gate = (dir: string, asOf: string, extra: string[] = []) => runCli(['check', dir, '--as-of', asOf, '--min-level', '2', '--format', 'json', ...extra]);
const releasesIn = (file: string): any => JSON.parse(readFileSync(file, 'utf8')).results[0].requirements.find((q: any) => q.id === 'versioning.releases');

describe('check --baseline', () => {
  const repo = productReleasedIn2025();
  const out = tempDir();

  it('the release requirement is time-dependent in the report, and the gate turns red by the calendar alone', () => {
    const early = gate(repo.dir, '2026-02-01');
    expect(early.status, early.stderr).toBe(0);
    const req = JSON.parse(early.stdout).results[0].requirements;
    expect(req.find((q: any) => q.id === 'versioning.releases')).toMatchObject({ timeDependent: true, outcome: 'pass' });
    expect(req.find((q: any) => q.id === 'docs.install')).toMatchObject({ timeDependent: false });
    const late = gate(repo.dir, '2026-06-01');
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/level 2 not reached.*versioning\.releases/);
  });

  it('met in the baseline, not met now: a regression, exit 1', () => {
    const baseline = join(out, 'met.json');
    const write = gate(repo.dir, '2026-02-01', ['--write-baseline', baseline]);
    expect(write.status, write.stderr).toBe(0);
    expect(releasesIn(baseline).outcome).toBe('pass');
    // The baseline is the JSON report itself.
    expect(readFileSync(baseline, 'utf8')).toBe(write.stdout);
    const run = gate(repo.dir, '2026-06-01', ['--baseline', baseline]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/level 2 not reached.*versioning\.releases/);
  });

  it('already not met in the baseline: tolerated, exit 0, and said so on stderr', () => {
    const baseline = join(out, 'stale.json');
    expect(gate(repo.dir, '2026-04-01', ['--write-baseline', baseline]).status).toBe(1);
    expect(releasesIn(baseline).outcome).toBe('fail');
    const run = gate(repo.dir, '2026-06-01', ['--baseline', baseline]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/baseline.*versioning\.releases/);
    // The report itself is unchanged by the baseline: the requirement is still reported as failing.
    expect(JSON.parse(run.stdout).results[0].requirements.find((q: any) => q.id === 'versioning.releases').outcome).toBe('fail');
  });

  it('a requirement a commit controls is gated as usual, baseline or not', () => {
    const broken = productReleasedIn2025();
    broken.git(['rm', '-q', 'CHANGELOG.md']);
    broken.commit('Drop the changelog', '2026-03-02T12:00:00Z');
    const baseline = join(out, 'no-changelog.json');
    expect(gate(broken.dir, '2026-04-01', ['--write-baseline', baseline]).status).toBe(1);
    const run = gate(broken.dir, '2026-06-01', ['--baseline', baseline]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/level 2 not reached.*versioning\.changelog/);
    expect(run.stderr).not.toMatch(/not reached.*versioning\.releases/);
  });

  it('a baseline that is not a valid report stops the run with exit 2 and says why', () => {
    const notJson = join(out, 'broken.json');
    writeFileSync(notJson, '{ "schemaVersion": 1, "results": [');
    const a = gate(repo.dir, '2026-06-01', ['--baseline', notJson]);
    expect(a.status).toBe(2);
    expect(a.stdout).toBe('');
    const wrongShape = join(out, 'sarif.json');
    writeFileSync(wrongShape, JSON.stringify({ version: '2.1.0', runs: [] }));
    const b = gate(repo.dir, '2026-06-01', ['--baseline', wrongShape]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/not a valid os2level report.*baseline/);
    expect(b.stderr).toMatch(/sarif\.json:\d+:\d+: .*schemaVersion/);
    const missing = gate(repo.dir, '2026-06-01', ['--baseline', join(out, 'nope.json')]);
    expect(missing.status).toBe(2);
  });

  it('--write-baseline never leaves a partial file behind when it cannot write', () => {
    const run = gate(repo.dir, '2026-02-01', ['--write-baseline', join(out, 'no-such-dir', 'baseline.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not write the baseline/);
    expect(existsSync(join(out, 'no-such-dir'))).toBe(false);
  });
});
