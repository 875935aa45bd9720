/**
 * Class: no irreversible damage to text. A file os2level edits (`fix` appending README sections,
 * `publiccode --write`, `init --force`) is either written back in its own encoding with every
 * original byte kept, or, when it is not UTF-8 / UTF-16 with a byte-order mark, left untouched
 * with the reason in the output. Asserted on bytes, with real Latin-1, UTF-8-BOM and UTF-16 files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT, createN1Product, n1Manifest } from '../helpers/products.js';
import { expectNoCrash, runCli } from './support.js';

afterAll(cleanupTempDirs);

const README = '# OS2blåbær\n\nBlåbærsyltetøj på Ærø: et værktøj til kommunernes bookinger af lokaler og udstyr.\n';
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf8bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** A product whose README (in the given bytes) lacks the sections `fix --to-level 1` appends. */
function withReadme(bytes: Buffer) {
  const repo = createRepo({ 'README.md': bytes, 'src/app.py': 'print(1)\n', 'LICENSE': MPL_TEXT, 'os2.yaml': stringify(n1Manifest()) });
  repo.commit('Initial import #1');
  return repo;
}

const fix = (dir: string) => runCli(['fix', '--to-level', '1', dir, '--lang', 'en', '--as-of', '2026-06-01']);

describe('fix never damages a README', () => {
  it('leaves a Latin-1 README byte-identical and says why', () => {
    const bytes = latin1(README);
    expect(bytes.includes(0xe6)).toBe(true); // æ as one Latin-1 byte: not UTF-8
    const repo = withReadme(bytes);
    const run = fix(repo.dir);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(repo.dir, 'README.md'))).toEqual(bytes);
    expect(run.stdout).toMatch(/^skipped README\.md: it is not UTF-8 \(or UTF-16 with a byte-order mark\) text; left untouched/m);
  });

  it.each([
    ['UTF-8', (t: string) => Buffer.from(t, 'utf8'), 'utf-8'],
    ['UTF-8 with a byte-order mark', utf8bom, 'utf-8'],
    ['UTF-16LE with a byte-order mark', utf16le, 'utf-16le'],
    ['UTF-16BE with a byte-order mark', utf16be, 'utf-16be'],
  ] as const)('appends to a %s README in its own encoding, keeping every original byte', (_name, encode, label) => {
    const bytes = encode(README);
    const repo = withReadme(bytes);
    const run = fix(repo.dir);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    const after = readFileSync(join(repo.dir, 'README.md'));
    // Extended: the original bytes are an exact prefix, and the whole file decodes strictly.
    expect(after.length).toBeGreaterThan(bytes.length);
    expect(after.subarray(0, bytes.length)).toEqual(bytes);
    const text = new TextDecoder(label, { fatal: true }).decode(after);
    expect(text).toContain('Blåbærsyltetøj på Ærø');
    expect(text).not.toContain('\ufffd');
    expect(text.slice(README.length)).toMatch(/^\n?## /m);
    expect(run.stdout).toMatch(/^added sections to README\.md/m);
  });

});

const PUBLICCODE = 'publiccodeYmlVersion: "0.4"\n# Vedligeholdt af Århus Kommune, blåbærholdet\nname: OS2blåbær\nurl: https://github.com/OS2offdig/os2example\n';

describe('publiccode --write never damages publiccode.yml', () => {
  it('leaves a Latin-1 publiccode.yml byte-identical, exit 2 with the reason', () => {
    const repo = createN1Product();
    repo.commit('publiccode', undefined, { 'publiccode.yml': latin1(PUBLICCODE) });
    const run = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/publiccode\.yml: is not UTF-8 \(or UTF-16 with a byte-order mark\) text; left untouched/);
    expect(readFileSync(join(repo.dir, 'publiccode.yml'))).toEqual(latin1(PUBLICCODE));
  });

  it('writes a UTF-8 publiccode.yml with a byte-order mark back with the mark and its letters intact', () => {
    const repo = createN1Product();
    repo.commit('publiccode', undefined, { 'publiccode.yml': utf8bom(PUBLICCODE) });
    const run = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01']);
    expectNoCrash(run);
    expect(run.status).toBeLessThan(2);
    const after = readFileSync(join(repo.dir, 'publiccode.yml'));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(after.subarray(3));
    expect(text).toContain('# Vedligeholdt af Århus Kommune, blåbærholdet');
    expect(text).not.toContain('\ufffd');
  });
});

describe('init --force never damages an os2.yaml it cannot read back', () => {
  it('leaves a Latin-1 os2.yaml byte-identical (exit 2)', () => {
    const bytes = latin1('schemaVersion: 1\nproduct:\n  name: OS2blåbær\n');
    const repo = createRepo({ 'README.md': '# OS2blåbær\n', 'LICENSE': MPL_TEXT, 'os2.yaml': bytes });
    repo.commit('Initial import #1');
    const run = runCli(['init', repo.dir, '--yes', '--force']);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(readFileSync(join(repo.dir, 'os2.yaml'))).toEqual(bytes);
  });
});
