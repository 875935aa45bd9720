/** `os2level publiccode`: generated files validate against the schema subset; updates keep what os2level does not own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validatePubliccode } from '../../src/publiccode/validate.js';
import { shortDescription } from '../../src/publiccode/plan.js';
import { unknownSpdxIds } from '../../src/publiccode/spdx.js';
import { cleanupTempDirs } from '../helpers/gitRepo.js';
import { runCli } from '../helpers/cli.js';
import { createN2Product, n2Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const FULL = ['--platform', 'web', '--software-type', 'standalone/web', '--maintenance-type', 'internal', '--as-of', '2026-06-01', '--lang', 'en'];

function product(extra: (m: Record<string, any>) => void = () => {}) {
  const m = n2Manifest();
  m.product.website = 'https://www.os2.eu/os2example';
  m.product.description = 'OS2example lets municipal case workers book meeting rooms, cars and equipment across administrations, and gives citizens a self-service page for booking public facilities.';
  extra(m);
  return createN2Product(m);
}

describe('os2level publiccode on a new file', () => {
  it('prints a file that validates, with values carried over from os2.yaml and git', () => {
    const repo = product();
    const run = runCli(['publiccode', repo.dir, ...FULL]);
    const data = parse(run.stdout);
    expect(data).toMatchObject({
      publiccodeYmlVersion: '0.4',
      name: 'OS2example',
      url: 'https://github.com/OS2offdig/os2example',
      landingURL: 'https://www.os2.eu/os2example',
      softwareVersion: '1.1.0',
      releaseDate: '2026-03-01',
      platforms: ['web'],
      developmentStatus: 'stable',
      softwareType: 'standalone/web',
      usedBy: ['Aarhus Kommune', 'Ballerup Kommune'],
      legal: { license: 'MPL-2.0' },
      maintenance: { type: 'internal', contacts: [{ name: 'Anne Jensen', affiliation: 'Aarhus Kommune' }] },
    });
    expect(data.description.en.shortDescription.length).toBeLessThanOrEqual(150);
    expect(data.description.en.longDescription.length).toBeGreaterThanOrEqual(150);
    // Only what nothing can tell remains: features, localisation, categories; reported, exit 1.
    const problems = validatePubliccode(data).map((p) => p.pointer);
    expect(problems.sort()).toEqual(['/description/*/features', '/localisation'].sort());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/localisation/);
    expect(run.stderr).toMatch(/categories/);
  });

  it('without options leaves what only the product knows absent and says so, never guessing "web"', () => {
    const repo = product();
    const run = runCli(['publiccode', repo.dir, '--as-of', '2026-06-01']);
    const data = parse(run.stdout);
    expect(data.platforms).toBeUndefined();
    expect(data.softwareType).toBeUndefined();
    expect(data.maintenance.type).toBeUndefined();
    expect(run.stderr).toMatch(/platforms/);
    expect(run.stderr).toMatch(/softwareType/);
  });

  it('--write writes publiccode.yml that check then reads as evidence', () => {
    const repo = product();
    expect(runCli(['publiccode', repo.dir, '--write', ...FULL]).status).toBe(1);
    const written = parse(readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8'));
    expect(written.legal.license).toBe('MPL-2.0');
  });
});

describe('os2level publiccode on an existing file', () => {
  const EXISTING = `# publiccode.yml for OS2example — maintained by hand
publiccodeYmlVersion: "0.2"
name: Old name
url: https://github.com/OS2offdig/os2example
platforms: [web]  # users use a browser
categories:
  - booking
developmentStatus: beta
softwareType: standalone/web
description:
  en:
    shortDescription: Hand-written short description.
    longDescription: >
      A hand-written long description that is comfortably longer than one hundred and fifty characters,
      so the standard accepts it and os2level must keep it as it is.
    features:
      - Booking
it:
  countryExtensionVersion: "0.2"
  riuso:
    codiceIPA: c_h501
legal:
  license: MPL-2.0
  mainCopyrightOwner: Aarhus Kommune
maintenance:
  type: contract
  contractors:
    - name: Magenta ApS
      until: 2027-12-31
localisation:
  localisationReady: true
  availableLanguages: [da]
`;

  it('keeps unknown fields, comments and hand-tuned values, and carries os2.yaml values over', () => {
    const repo = product();
    repo.commit('publiccode', '2026-03-02T12:00:00Z', { 'publiccode.yml': EXISTING });
    const run = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8');
    expect(text).toContain('# publiccode.yml for OS2example — maintained by hand');
    expect(text).toContain('# users use a browser');
    const data = parse(text);
    expect(data.it).toEqual({ countryExtensionVersion: '0.2', riuso: { codiceIPA: 'c_h501' } });
    expect(data.legal.mainCopyrightOwner).toBe('Aarhus Kommune');
    expect(data.categories).toEqual(['booking']);
    expect(data.developmentStatus).toBe('beta'); // a human judgement, kept
    expect(data.description.en.shortDescription).toBe('Hand-written short description.');
    expect(data.maintenance.contractors).toEqual([{ name: 'Magenta ApS', until: '2027-12-31' }]);
    // synced from os2.yaml and git
    expect(data.publiccodeYmlVersion).toBe('0.4');
    expect(data.name).toBe('OS2example');
    expect(data.softwareVersion).toBe('1.1.0');
    expect(data.usedBy).toEqual(['Aarhus Kommune', 'Ballerup Kommune']);
    expect(data.maintenance.contacts).toEqual([{ name: 'Anne Jensen', affiliation: 'Aarhus Kommune' }]);
    expect(validatePubliccode(data)).toEqual([]);
  });

  it('a second run changes nothing, byte for byte', () => {
    const repo = product();
    repo.commit('publiccode', '2026-03-02T12:00:00Z', { 'publiccode.yml': EXISTING });
    runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01', '--lang', 'en']);
    const first = readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8');
    const again = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01', '--lang', 'en']);
    expect(again.stderr).toMatch(/up to date/);
    expect(readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8')).toBe(first);
  });

  it('corrects stable without any release to development', () => {
    const repo = product();
    repo.git(['tag', '-d', 'v1.1.0']);
    repo.commit('publiccode', '2026-03-02T12:00:00Z', { 'publiccode.yml': stringify({ publiccodeYmlVersion: '0.4', developmentStatus: 'stable' }) });
    const data = parse(runCli(['publiccode', repo.dir, '--as-of', '2026-06-01']).stdout);
    expect(data.developmentStatus).toBe('development');
  });
});

describe('the validator (schema subset + SPDX)', () => {
  const valid = {
    publiccodeYmlVersion: '0.4', name: 'X', url: 'https://github.com/o/x', platforms: ['web'], developmentStatus: 'stable',
    softwareType: 'library', description: { en: { shortDescription: 'Short.', longDescription: 'x'.repeat(150), features: ['a'] } },
    legal: { license: 'MPL-2.0' }, maintenance: { type: 'internal', contacts: [{ name: 'A' }] }, localisation: { localisationReady: false, availableLanguages: ['da'] },
  };
  it.each<[string, Record<string, unknown>, string]>([
    ['a bad developmentStatus', { developmentStatus: 'done' }, '/developmentStatus'],
    ['a date in the wrong format', { releaseDate: '01-03-2026' }, '/releaseDate'],
    ['a url that is not http(s)', { url: 'git@github.com:o/x.git' }, '/url'],
    ['an unknown licence id', { legal: { license: 'MPL-2.0 OR Foo-1.0' } }, '/legal/license'],
    ['a short description over 150 characters', { description: { en: { shortDescription: 'x'.repeat(151), longDescription: 'x'.repeat(150), features: ['a'] } } }, '/description/en/shortDescription'],
    ['contract maintenance without contractors', { maintenance: { type: 'contract' } }, '/maintenance/contractors'],
    ['a missing required key', { name: undefined }, '/name'],
  ])('reports %s', (_n, change, pointer) => {
    const data = JSON.parse(JSON.stringify({ ...valid, ...change }));
    expect(validatePubliccode(valid)).toEqual([]);
    expect(validatePubliccode(data).map((p) => p.pointer)).toContain(pointer);
  });

  it('knows SPDX expressions with exceptions', () => {
    expect(unknownSpdxIds('GPL-2.0-or-later WITH Classpath-exception-2.0')).toEqual([]);
    expect(unknownSpdxIds('(MIT OR Apache-2.0) AND CC-BY-SA-4.0')).toEqual([]);
    expect(unknownSpdxIds('Proprietary')).toEqual(['Proprietary']);
  });

  it('cuts a short description at a sentence, else at a word within 150 characters', () => {
    expect(shortDescription('Books rooms. And more.')).toBe('Books rooms.');
    const long = shortDescription('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('…')).toBe(true);
  });
});
