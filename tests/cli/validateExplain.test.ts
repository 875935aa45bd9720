/**
 * `validate` and `explain` through the built CLI: both honour --lang and --format json; explain
 * words how a check decides, with its thresholds, from the catalogue (no raw parameters).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKinds } from '../../src/checks/registry.js';
import { loadLevels } from '../../src/levels/load.js';
import { describeCheck, describedKinds } from '../../src/report/checkWords.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

function manifestFile(text: string): string {
  const file = join(tempDir(), 'os2.yaml');
  writeFileSync(file, text);
  return file;
}

const VALID = 'schemaVersion: 1\nproduct:\n  name: OS2example\n';
const BROKEN = 'schemaVersion: 1\nproduct:\n  name: OS2example\n  colour: blue\nexplanations:\n  docs.instal:\n    reason: typo\n';

describe('validate', () => {
  it('--lang da says so in Danish; --lang en in English', () => {
    const file = manifestFile(VALID);
    const da = runCli(['validate', file, '--lang', 'da']);
    expect(da.status).toBe(0);
    expect(da.stdout).toBe(`${file}: gyldig\n`);
    expect(runCli(['validate', file, '--lang', 'en']).stdout).toBe(`${file}: valid\n`);
  });

  it('--lang da words every problem in Danish, still as file:line:column, and exits 2', () => {
    const file = manifestFile(BROKEN);
    const da = runCli(['validate', file, '--lang', 'da']);
    expect(da.status).toBe(2);
    const lines = da.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`os2level: ${file}: 2 problemer i manifestet`);
    expect(lines[1]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:3: ukendt nøgle: `));
    expect(lines[2]).toMatch(/:6:3: ukendt krav-id: .*docs\.install/);
  });

  it('--format json: valid, or every problem with line, column and code; exit 0 or 2', () => {
    const ok = runCli(['validate', manifestFile(VALID), '--format', 'json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, problems: [] });
    const bad = runCli(['validate', manifestFile(BROKEN), '--format', 'json', '--lang', 'da']);
    expect(bad.status).toBe(2);
    const out = JSON.parse(bad.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems.map((p: any) => [p.line, p.column, p.code, p.kind])).toEqual([
      [4, 3, 'schema-unknown-key', 'ukendt nøgle'],
      [6, 3, 'unknown-requirement-id', 'ukendt krav-id'],
    ]);
    expect(bad.stderr).toBe('');
  });
});

describe('explain', () => {
  it('describes the check in words with its thresholds, in both languages, never as raw parameters', () => {
    const en = runCli(['explain', 'tests.coverage', '--lang', 'en']).stdout;
    expect(en).toContain('How the tool decides it:');
    expect(en).toContain('At least 50 % line coverage.');
    const da = runCli(['explain', 'versioning.active', '--lang', 'da']).stdout;
    expect(da).toContain('Sådan afgør værktøjet det:');
    expect(da).toContain('Inden for de seneste 12 måneder.');
    expect(da).toContain('Højst 80 % af commits må være masseuploads.');
    const install = runCli(['explain', 'docs.install', '--lang', 'en']).stdout;
    expect(install).toContain('Headings that count: Install, Installation');
    for (const out of [en, da, install]) expect(out).not.toMatch(/[{[]"/);
  });

  it('--format json for a requirement and for an item, in the chosen language', () => {
    const req = runCli(['explain', 'tests.coverage', '--format', 'json', '--lang', 'da']);
    expect(req.status).toBe(0);
    const r = JSON.parse(req.stdout);
    expect(r).toMatchObject({ kind: 'requirement', id: 'tests.coverage', check: { kind: 'coverage', params: { minLinePercent: 50 } } });
    expect(r.check.description).toContain('Mindst 50 % linjedækning.');
    expect(r.item.id).toMatch(/^F\d+$/);
    const item = JSON.parse(runCli(['explain', 'F7', '--format', 'json', '--lang', 'en']).stdout);
    expect(item).toMatchObject({ kind: 'item', id: 'F7', level: 1, strength: 'must' });
    expect(item.requirements.map((x: any) => x.id)).toContain('docs.install');
    expect(Object.keys(item.history).length).toBeGreaterThan(1);
  });

  it('every check kind has words, and every parameter of the shipped catalogue is worded', async () => {
    expect([...checkKinds].sort()).toEqual([...describedKinds()].sort());
    const catalogue = await loadLevels();
    for (const r of catalogue.requirements) {
      for (const lang of ['en', 'da'] as const) {
        const lines = describeCheck(r.check, lang);
        // A parameter without words falls back to "key: value".
        for (const key of Object.keys(r.check.params ?? {})) for (const l of lines) expect(l.startsWith(`${key}: `), `${r.id} ${key}: ${l}`).toBe(false);
      }
    }
  });
});
