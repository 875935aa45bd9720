/** `os2level import-report` through the built CLI: dry run, --write creating and merging, conflicts, JSON. */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/governance-reports/${name}`, import.meta.url));
afterAll(cleanupTempDirs);

describe('import-report', () => {
  it('shows what it would carry and writes nothing without --write', () => {
    const dir = tempDir();
    const run = runCli(['import-report', fixture('2021-05-GOVERNANCE_REPORT.md'), '--lang', 'en'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('template 2021-05 (inferred from the items)');
    expect(run.stdout).toMatch(/F13 +docs\.strategic-communication +documentation\.strategicCommunication/);
    expect(run.stdout).toMatch(/F10 +docs\.os2-channels +explanations\.docs\.os2-channels\.reason: "Planlægges i 2022"/);
    expect(run.stderr).toContain('use --write');
    expect(existsSync(join(dir, 'os2.yaml'))).toBe(false);
  });

  it('creates a valid manifest with --write, named after the report\'s product', async () => {
    const dir = tempDir();
    const run = runCli(['import-report', fixture('2024-GOVERNANCE_REPORT.md'), '--write'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const { data } = await loadManifest(join(dir, 'os2.yaml'));
    expect(data).toMatchObject({
      schemaVersion: 1,
      product: { name: 'OS2skema' },
      explanations: { 'docs.strategic-communication': { reason: 'Business case udarbejdes i 2025' } },
      notApplicable: { 'docs.presentation-material': "Produktet præsenteres af OS2's sekretariat på fællesmøder" },
    });
  });

  it('merges into an existing manifest keeping its comments and values; --force replaces', () => {
    const dir = tempDir();
    const manifest = join(dir, 'os2.yaml');
    writeFileSync(manifest, '# Kept comment\nschemaVersion: 1\nproduct:\n  name: OS2booking # inline\nrepository:\n  url: https://github.com/OS2/other\n');
    const run = runCli(['import-report', fixture('2021-05-GOVERNANCE_REPORT.md'), '--write', '--manifest', manifest, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ written: true, created: false, version: '2021-05' });
    expect(out.conflicts).toEqual([{ ref: 'F1', path: 'repository.url', existing: 'https://github.com/OS2/other', proposed: 'https://github.com/OS2booking/os2booking' }]);
    expect(out.skipped.find((s: any) => s.ref === 'F10')).toBeUndefined();
    const text = readFileSync(manifest, 'utf8');
    expect(text).toContain('# Kept comment');
    expect(text).toContain('name: OS2booking # inline');
    expect(text).toContain('url: https://github.com/OS2/other');
    expect(text).toContain('minutes: https://os2.eu/bestyrelse/referat-2021-02-09');

    const again = runCli(['import-report', fixture('2021-05-GOVERNANCE_REPORT.md'), '--write', '--manifest', manifest, '--format', 'json']);
    expect(JSON.parse(again.stdout).applied).toEqual([]);
    expect(readFileSync(manifest, 'utf8')).toBe(text);

    const forced = runCli(['import-report', fixture('2021-05-GOVERNANCE_REPORT.md'), '--write', '--force', '--manifest', manifest]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(manifest, 'utf8')).toContain('url: https://github.com/OS2booking/os2booking');
  });

  it('writes nothing and exits 2 when the merge would leave an invalid manifest', () => {
    const dir = tempDir();
    const manifest = join(dir, 'os2.yaml');
    // An unknown key makes the manifest invalid before and after; the write must be refused.
    const before = 'schemaVersion: 1\nproduct: { name: X }\ngoverance: {}\n';
    writeFileSync(manifest, before);
    const run = runCli(['import-report', fixture('2024-GOVERNANCE_REPORT.md'), '--write', '--manifest', manifest]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothing was written');
    expect(readFileSync(manifest, 'utf8')).toBe(before);
  });

  it('exits 2 for a report that does not exist', () => {
    const run = runCli(['import-report', '/nonexistent/report.md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('file not found');
  });

  it('reads a report next to the manifest and never writes a repository path that does not exist', async () => {
    const dir = tempDir();
    copyFileSync(fixture('2021-05-GOVERNANCE_REPORT.md'), join(dir, 'GOVERNANCE_REPORT.md'));
    writeFileSync(join(dir, 'docs-security.md'), '# Security\n');
    const run = runCli(['import-report', 'GOVERNANCE_REPORT.md', '--write', '--format', 'json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const { data } = await loadManifest(join(dir, 'os2.yaml'));
    expect((data as any).product.name).toBe('OS2booking');
    expect((data as any).security).toBeUndefined();
  });
});
