/** `os2level publiccode`: generated files validate against the schema subset; updates keep what os2level does not own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validatePubliccode } from '../../src/publiccode/validate.js';
import { shortDescription } from '../../src/publiccode/plan.js';
import { unknownSpdxIds } from '../../src/publiccode/spdx.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';
import { runCli } from '../helpers/cli.js';
import { createN2Product, n2Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

/** True when every line of `before` is in `after`, in the same order: `after` only adds lines. */
function onlyAdditions(before: string, after: string): boolean {
  const next = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < next.length && next[i] !== line) i++;
    if (i === next.length) return false;
    i++;
  }
  return true;
}

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

  it('keeps unknown fields, comments and every value it holds, fills the gaps and lists the differences', () => {
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
    // what the file holds is kept, the differences are listed
    expect(data.publiccodeYmlVersion).toBe('0.2');
    expect(data.name).toBe('Old name');
    expect(run.stderr).toMatch(/name: the file says "Old name", os2level would write "OS2example" \(from os2\.yaml:product\.name\); left as written/);
    // gaps filled from os2.yaml and git
    expect(data.softwareVersion).toBe('1.1.0');
    expect(data.usedBy).toEqual(['Aarhus Kommune', 'Ballerup Kommune']);
    expect(data.maintenance.contacts).toEqual([{ name: 'Anne Jensen', affiliation: 'Aarhus Kommune' }]);
    // every original line is still there, in order: only additions
    expect(onlyAdditions(EXISTING, text)).toBe(true);
  });

  it('--prefer-os2yaml lets os2.yaml replace the file\'s values, never a guess', () => {
    const repo = product();
    repo.commit('publiccode', '2026-03-02T12:00:00Z', { 'publiccode.yml': EXISTING.replace('url: https://github.com/OS2offdig/os2example', 'url: https://example.org/elsewhere') });
    const run = runCli(['publiccode', repo.dir, '--prefer-os2yaml', '--as-of', '2026-06-01', '--lang', 'en']);
    const data = parse(run.stdout);
    expect(data.name).toBe('OS2example');
    expect(data.url).toBe('https://github.com/OS2offdig/os2example');
    expect(data.publiccodeYmlVersion).toBe('0.2');
    expect(data.description.en.longDescription).toContain('os2level must keep it as it is.');
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

  it('keeps stable without any release and says so', () => {
    const repo = product();
    repo.git(['tag', '-d', 'v1.1.0']);
    repo.commit('publiccode', '2026-03-02T12:00:00Z', { 'publiccode.yml': stringify({ publiccodeYmlVersion: '0.4', developmentStatus: 'stable' }) });
    const run = runCli(['publiccode', repo.dir, '--as-of', '2026-06-01', '--lang', 'en']);
    expect(parse(run.stdout).developmentStatus).toBe('stable');
    expect(run.stderr).toMatch(/stable, but there is no version tag/);
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

describe('os2level publiccode on a maintained publiccode.yml without os2.yaml', () => {
  // A portal's own publiccode.yml, kept by hand: folded blocks, an or-later licence, a rolling version.
  const MAINTAINED = `publiccodeYmlVersion: "0.4"

name: Web Statistics for Municipalities - Portal
url: "https://github.com/example-agency/web-stats-portal"
softwareVersion: rolling
platforms:
  - web
categories:
  - website-analytics
developmentStatus: beta
softwareType: "standalone/web"

description:
  en:
    shortDescription: >
      Portal where public bodies register their websites for
      shared, privacy-friendly statistics.
    longDescription: >
      The portal lets a public body sign up, add its websites and read
      the statistics collected for them. It is the front door of a shared
      service run for many administrations, and it talks to the statistics
      engine through its API so that each body sees only its own sites.
    features:
      - Website registration
      - Shared dashboards

legal:
  license: AGPL-3.0-or-later

maintenance:
  type: "internal"
  contacts:
    - name: Service desk
      email: desk@example.org

localisation:
  localisationReady: true
  availableLanguages:
    - en
`;

  it('changes nothing that was there: git diff shows only additions', () => {
    const repo = createRepo({
      'README.md': '# Web Stats Portal\n\n_An italic strapline that is not a description._\n\nThe portal registers websites for shared statistics.\n',
      'LICENSE': 'GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007\n\nTerms and conditions follow.\n',
      'composer.json': JSON.stringify({ name: 'example/portal', license: 'AGPL-3.0-or-later' }),
      'publiccode.yml': MAINTAINED,
    }).commit('initial', '2026-01-10T12:00:00Z').tag('v2.3.0', { date: '2026-01-10T12:00:00Z' });
    repo.remote('origin', 'https://github.com/example-agency/web-stats-portal.git');
    const run = runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01', '--lang', 'en']);
    const text = readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8');
    const stat = repo.git(['diff', '--numstat', '--', 'publiccode.yml']).trim();
    const [added, deleted] = stat.split(/\s+/);
    expect(deleted, repo.git(['diff'])).toBe('0');
    expect(Number(added)).toBeGreaterThan(0); // releaseDate, from the newest tag
    expect(parse(text).releaseDate).toBe('2026-01-10');
    expect(onlyAdditions(MAINTAINED, text)).toBe(true);
    const data = parse(text);
    expect(data.name).toBe('Web Statistics for Municipalities - Portal');
    expect(data.legal.license).toBe('AGPL-3.0-or-later');
    expect(data.softwareVersion).toBe('rolling');
    expect(data.description.en.shortDescription).toBe('Portal where public bodies register their websites for shared, privacy-friendly statistics.\n');
    // The differences are reported, not written; a licence text cannot say "or later", so that agrees.
    expect(run.stderr).toMatch(/softwareVersion: the file says "rolling"/);
    expect(run.stderr).toMatch(/name: the file says "Web Statistics for Municipalities - Portal"/);
    expect(run.stderr).not.toMatch(/legal\.license: the file says/);
    // A second run is a no-op.
    runCli(['publiccode', repo.dir, '--write', '--as-of', '2026-06-01', '--lang', 'en']);
    expect(readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8')).toBe(text);
  });

  it('exits 1 while required fields are still missing', () => {
    const repo = createRepo({ 'README.md': '# Tool\n\nA tool.\n', 'publiccode.yml': 'publiccodeYmlVersion: "0.4"\nname: Tool\n' }).commit('initial');
    const run = runCli(['publiccode', repo.dir, '--write', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing/);
    expect(readFileSync(join(repo.dir, 'publiccode.yml'), 'utf8').startsWith('publiccodeYmlVersion: "0.4"\nname: Tool\n')).toBe(true);
  });
});
