/**
 * The SARIF output checked by Microsoft's SARIF multitool (npm `@microsoft/sarif-multitool`, the
 * binary ships inside the package) with its default rules: zero warnings and zero errors, on real
 * repositories through the built CLI — one without a manifest (every result about something absent
 * is located at the root), and one with a manifest, CI, a coverage report and a failing manifest key.
 * Without the tool the test is skipped with a notice (it fails under CI=true, which installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { createN2Product, n2Manifest } from '../helpers/products.js';
import { skipWithout } from '../helpers/requiredTool.js';

const INSTALL = 'npm install --prefix /tmp/sarif @microsoft/sarif-multitool';

/** SARIF_MULTITOOL, else the install .ci/run makes, else one on PATH. */
function multitool(): string | null {
  const candidates = [process.env.SARIF_MULTITOOL, '/tmp/sarif/node_modules/.bin/sarif-multitool'].filter((x): x is string => Boolean(x));
  for (const c of candidates) if (existsSync(c)) return c;
  const onPath = spawnSync('sarif-multitool', ['--version'], { encoding: 'utf8' });
  return onPath.status === 0 ? 'sarif-multitool' : null;
}

/** The multitool's findings (`file(line,col): warning SARIF2005: …`) for one log. */
function validate(tool: string, sarif: string): { findings: string[]; status: number | null; out: string } {
  const dir = tempDir('os2level-sarif-');
  const file = join(dir, 'report.sarif');
  writeFileSync(file, sarif);
  const r = spawnSync(tool, ['validate', file, '--output', join(dir, 'validation.sarif')], { encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  return { findings: out.split('\n').filter((l) => /: (warning|error) [A-Z]+\d+/.test(l)), status: r.status, out };
}

afterAll(cleanupTempDirs);

describe('SARIF multitool', () => {
  it('finds no warnings in the report of a repository without a manifest', (ctx) => {
    const tool = multitool() ?? skipWithout(ctx, 'sarif-multitool', INSTALL);
    const repo = createRepo({ 'README.md': '# tool\n' });
    repo.commit('first');
    const run = runCli(['check', repo.dir, '--format', 'sarif', '--as-of', '2026-06-01']);
    const log = JSON.parse(run.stdout);
    // Nothing points at an os2.yaml that does not exist.
    for (const r of log.runs[0].results) expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toBe('os2.yaml');
    const v = validate(tool, run.stdout);
    expect(v.findings, v.out).toEqual([]);
    expect(v.status, v.out).toBe(0);
  });

  it('finds no warnings in the report of a product with a manifest, CI and coverage; a manifest key is located at its line and column', (ctx) => {
    const tool = multitool() ?? skipWithout(ctx, 'sarif-multitool', INSTALL);
    const manifest = n2Manifest();
    manifest.codebase = { singleCoreVersion: false };
    const repo = createN2Product(manifest);
    const run = runCli(['check', repo.dir, '--format', 'sarif', '--as-of', '2026-06-01', '--coverage', join(repo.dir, 'coverage/lcov.info')]);
    const log = JSON.parse(run.stdout);
    const lines = readFileSync(join(repo.dir, 'os2.yaml'), 'utf8').split('\n');
    const single = log.runs[0].results.find((r: any) => r.ruleId === 'versioning.single-mainline').locations[0].physicalLocation;
    expect(single.artifactLocation.uri).toBe('os2.yaml');
    expect(lines[single.region.startLine - 1]!.slice(single.region.startColumn - 1)).toMatch(/^singleCoreVersion: false/);
    for (const r of log.runs[0].results) {
      expect(existsSync(join(repo.dir, decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri)))).toBe(true);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    for (const rule of log.runs[0].tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/.+\/README\.md#[a-z-]+$/);
    const v = validate(tool, run.stdout);
    expect(v.findings, v.out).toEqual([]);
    expect(v.status, v.out).toBe(0);
  });
});
