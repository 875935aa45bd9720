/** `os2level import-report` through the built CLI: dry run, --write creating and merging, comments kept, JSON, and os2level's own report. */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { createN1Product } from '../helpers/products.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/governance-reports/${name}`, import.meta.url));
afterAll(cleanupTempDirs);

describe('import-report', () => {
  it('shows what it would carry, how each item was read, and writes nothing without --write', () => {
    const dir = tempDir();
    const run = runCli(['import-report', fixture('2026-06-01-OS2kantine-selvevaluering.md'), '--lang', 'en'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Governance report: OS2kantine — template 2026 (recognised from the items, self-evaluation, dated 2026-06-01), 8 items');
    expect(run.stdout).toContain('6 read, 1 placeholder, 1 not filled in, 0 unreadable');
    expect(run.stdout).toMatch(/F3 +legal\.lawfulness +legal\.lawfulness\.statement: "Udbudt efter SKI/);
    expect(run.stdout).toMatch(/F14 +line 18: the form's placeholder, not an answer: \[Ikke udfyldt\]/);
    expect(run.stderr).toContain('use --write');
    expect(existsSync(join(dir, 'os2.yaml'))).toBe(false);
  });

  it('creates a valid manifest with --write, named after the report\'s product', async () => {
    const dir = tempDir();
    const run = runCli(['import-report', fixture('os2vaskeri-checkliste.json'), '--write'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const { data } = await loadManifest(join(dir, 'os2.yaml'));
    expect(data).toEqual({ schemaVersion: 1, product: { name: 'OS2vaskeri' }, relevance: { localValue: 'Beboerne booker vasketider på telefonen' } });
  });

  it('merges into an existing manifest keeping its comments and values; --force replaces', () => {
    const dir = tempDir();
    const manifest = join(dir, 'os2.yaml');
    writeFileSync(manifest, '# Kept comment\nschemaVersion: 1\nproduct:\n  name: OS2kantine # inline\nrepository:\n  url: https://github.com/OS2/other\n');
    const run = runCli(['import-report', fixture('2026-06-01-OS2kantine-selvevaluering.md'), '--write', '--manifest', manifest, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ written: true, created: false, generation: '2026', form: 'self-evaluation', layout: 'table', date: '2026-06-01', blank: false });
    expect(out.conflicts).toEqual([{ item: 'F1', path: 'repository.url', existing: 'https://github.com/OS2/other', proposed: 'https://github.com/OS2kantine/kantine' }]);
    expect(out.items.find((i: any) => i.id === 'F14')).toMatchObject({ state: 'placeholder', status: 'not-met', documentation: '', line: 18 });
    const text = readFileSync(manifest, 'utf8');
    expect(text).toContain('# Kept comment');
    expect(text).toContain('name: OS2kantine # inline');
    expect(text).toContain('url: https://github.com/OS2/other');
    expect(text).not.toContain('explanations');

    const again = runCli(['import-report', fixture('2026-06-01-OS2kantine-selvevaluering.md'), '--write', '--manifest', manifest, '--format', 'json']);
    expect(JSON.parse(again.stdout).applied).toEqual([]);
    expect(readFileSync(manifest, 'utf8')).toBe(text);

    const forced = runCli(['import-report', fixture('2026-06-01-OS2kantine-selvevaluering.md'), '--write', '--force', '--manifest', manifest]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(manifest, 'utf8')).toContain('url: https://github.com/OS2kantine/kantine');
  });

  it('a blank template carries nothing: every item not filled in', () => {
    const dir = tempDir();
    const run = runCli(['import-report', fixture('blank-governance_template.md'), '--format', 'json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ blank: true, applied: [], tally: { read: 0, placeholder: 0, 'not-filled': 5, unreadable: 0 } });
    expect(out.skipped.map((s: any) => s.code)).toEqual(['not-filled', 'not-filled', 'not-filled', 'not-filled', 'not-filled']);
  });

  it('writes nothing and exits 2 when the merge would leave an invalid manifest', () => {
    const dir = tempDir();
    const manifest = join(dir, 'os2.yaml');
    // An unknown key makes the manifest invalid before and after; the write must be refused.
    const before = 'schemaVersion: 1\nproduct: { name: X }\ngoverance: {}\n';
    writeFileSync(manifest, before);
    const run = runCli(['import-report', fixture('2025-governance_report.md'), '--write', '--manifest', manifest]);
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
    copyFileSync(fixture('2025-governance_report.md'), join(dir, 'governance_report.md'));
    const run = runCli(['import-report', 'governance_report.md', '--write', '--format', 'json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const { data } = await loadManifest(join(dir, 'os2.yaml'));
    expect((data as any).product.name).toBe('OS2parkering');
    // F4's documentation names SECURITY.md, which is not there: the text is carried, not a dangling path.
    expect((data as any).security).toEqual({ description: 'Adgang kun via MitID Erhverv; se SECURITY.md' });
  });
});

describe("import-report of os2level's own governance report", () => {
  it('adds no explanation: the tool\'s failure messages are no reasons a person wrote', async () => {
    const repo = createN1Product();
    const generated = runCli(['check', repo.dir, '--format', 'governance-report', '--as-of', '2026-06-01']);
    expect(generated.stdout).toContain('❌');
    const dir = tempDir();
    writeFileSync(join(dir, 'GOVERNANCE_REPORT.md'), generated.stdout);
    const run = runCli(['import-report', 'GOVERNANCE_REPORT.md', '--write', '--format', 'json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.items.length).toBeGreaterThan(30);
    expect(out.applied.filter((a: any) => a.kind === 'explain')).toEqual([]);
    const { data } = await loadManifest(join(dir, 'os2.yaml'));
    expect((data as any).explanations).toBeUndefined();
    // Each unmet item is listed as not carried: a "no" is not an explanation.
    expect(out.skipped.some((s: any) => s.code === 'not-met')).toBe(true);
  });
});
