import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findManifest, loadManifest } from '../../src/manifest/load.js';
import { cleanupTempDirs, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { codesAt, inputErrorOf } from '../yaml/inputErrorOf.js';

afterAll(cleanupTempDirs);

const EXAMPLE = new URL('../../examples/os2.example.yaml', import.meta.url).pathname;
const IDS = new Set(['docs.readme', 'docs.interfaces', 'docs.install', 'operations.container', 'legal.licence']);

const manifestFile = (text: string): string => {
  const dir = tempDir();
  writeFiles(dir, { 'os2.yaml': text });
  return join(dir, 'os2.yaml');
};

describe('loadManifest', () => {
  it('loads the full example', async () => {
    const m = await loadManifest(EXAMPLE, { requirementIds: IDS });
    expect(m.path).toBe(EXAMPLE);
    expect(m.data.schemaVersion).toBe(1);
    expect((m.data.relevance as { lineManagement: { date: unknown } }).lineManagement.date).toBe('2024-01-15');
  });

  it('accepts a minimal manifest', async () => {
    const m = await loadManifest(manifestFile('schemaVersion: 1\nproduct:\n  name: OS2x\n'), {});
    expect(m.data).toEqual({ schemaVersion: 1, product: { name: 'OS2x' } });
  });

  it('reports schema violations with positions, all at once', async () => {
    const path = manifestFile(
      [
        'schemaVersion: 1', // 1
        'product:', // 2
        '  name: OS2x', // 3
        '  targetLevel: 5', // 4
        'goverance:', // 5
        '  lead: {}', // 6
        'governance:', // 7
        '  lead:', // 8
        '    organisation: Aarhus Kommune', // 9
        '  secretariat:', // 10
        '    lastContact: yesterday', // 11
        'quality:', // 12
        '  thirdPartyReviews:', // 13
        '    - by: [not, a, string]', // 14
        '',
      ].join('\n'),
    );
    const e = await inputErrorOf(() => loadManifest(path, {}));
    expect(e.code).toBe('manifest-invalid');
    expect(codesAt(e)).toEqual([
      ['schema-range', 4, 16],
      ['schema-unknown-key', 5, 1],
      ['schema-required', 9, 5],
      ['schema-format', 11, 18],
      ['schema-type', 14, 11],
    ]);
    expect(e.problems.map((p) => p.path)).toEqual([
      '/product/targetLevel',
      '/goverance',
      '/governance/lead/name',
      '/governance/secretariat/lastContact',
      '/quality/thirdPartyReviews/0/by',
    ]);
    expect(e.problems[1]!.message).toContain('did you mean "governance"?');
    expect(e.problems[2]!.message).toMatch(/^governance\.lead\.name: /);
    expect(e.problems.every((p) => p.file === path)).toBe(true);
  });

  it('reports explanation and notApplicable ids that do not exist, at the key', async () => {
    const path = manifestFile(
      [
        'schemaVersion: 1',
        'product: { name: OS2x }',
        'explanations:',
        '  docs.readmee:',
        '    reason: We have none yet.',
        '  docs.install: { reason: Planned for 2027., expires: 2027-01-01 }',
        'notApplicable:',
        '  banana.split: No reason.',
        '',
      ].join('\n'),
    );
    const e = await inputErrorOf(() => loadManifest(path, { requirementIds: IDS }));
    expect(codesAt(e)).toEqual([
      ['unknown-requirement-id', 4, 3],
      ['unknown-requirement-id', 8, 3],
    ]);
    expect(e.problems[0]!.message).toContain('unknown requirement id "docs.readmee" (did you mean "docs.readme"?)');
    expect(e.problems[1]!.message).not.toContain('did you mean');
    // Without the catalogue the ids cannot be checked, and the manifest is otherwise valid.
    await expect(loadManifest(path, {})).resolves.toBeDefined();
  });

  it('refuses an explanation without a reason and an invalid expiry date', async () => {
    const path = manifestFile('schemaVersion: 1\nproduct: { name: x }\nexplanations:\n  docs.readme: { reason: "", expires: 2027-02-30 }\n  docs.install: {}\n');
    const e = await inputErrorOf(() => loadManifest(path, { requirementIds: IDS }));
    expect(e.problems.map((p) => [p.code, p.path])).toEqual([
      ['schema-length', '/explanations/docs.readme/reason'],
      ['schema-format', '/explanations/docs.readme/expires'],
      ['schema-required', '/explanations/docs.install/reason'],
    ]);
  });

  it('refuses a requirement that is both explained and not applicable', async () => {
    const path = manifestFile('schemaVersion: 1\nproduct: { name: x }\nexplanations:\n  docs.readme: { reason: r }\nnotApplicable:\n  docs.readme: n\n');
    const e = await inputErrorOf(() => loadManifest(path, { requirementIds: IDS }));
    expect(codesAt(e)).toEqual([['conflicting-declaration', 6, 3]]);
  });

  it('passes on YAML problems and file problems as InputErrors', async () => {
    const bad = await inputErrorOf(() => loadManifest(manifestFile('product: [\n'), {}));
    expect(bad.code).toBe('yaml-invalid');
    const missing = await inputErrorOf(() => loadManifest(join(tempDir(), 'os2.yaml'), {}));
    expect(missing.code).toBe('file-not-found');
  });

  it('refuses __proto__ keys as unknown keys without polluting prototypes', async () => {
    const e = await inputErrorOf(() => loadManifest(manifestFile('schemaVersion: 1\nproduct: { name: x }\n__proto__: { polluted: true }\n'), {}));
    expect(codesAt(e)).toEqual([['schema-unknown-key', 3, 1]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('findManifest', () => {
  it('defaults to os2.yaml when there is none', () => {
    const dir = tempDir();
    expect(findManifest(dir)).toBe(join(dir, 'os2.yaml'));
  });

  it('prefers os2.yaml, then os2.yml, then .os2.yaml', () => {
    const dir = tempDir();
    writeFiles(dir, { '.os2.yaml': 'a: 1\n' });
    expect(findManifest(dir)).toBe(join(dir, '.os2.yaml'));
    writeFiles(dir, { 'os2.yml': 'a: 1\n' });
    expect(findManifest(dir)).toBe(join(dir, 'os2.yml'));
    writeFiles(dir, { 'os2.yaml': 'a: 1\n' });
    expect(findManifest(dir)).toBe(join(dir, 'os2.yaml'));
  });

  it('refuses a manifest symlink that leads out of the directory', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret.yaml': 'a: 1\n' });
    const dir = tempDir();
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'os2.yaml'));
    const e = await inputErrorOf(() => findManifest(dir));
    expect(e.code).toBe('path-outside-directory');
  });

  it('accepts a symlink that stays inside the directory', () => {
    const dir = tempDir();
    writeFiles(dir, { 'config/os2.yaml': 'a: 1\n' });
    symlinkSync(join('config', 'os2.yaml'), join(dir, 'os2.yaml'));
    expect(findManifest(dir)).toBe(join(dir, 'os2.yaml'));
  });

  it('returns a directory named os2.yaml for loading to refuse', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'os2.yaml'));
    const e = await inputErrorOf(() => loadManifest(findManifest(dir), {}));
    expect(e.code).toBe('file-unreadable');
  });
});
