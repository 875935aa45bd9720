import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { canonicalSpdx, collectLicence, isOsiApproved, KNOWN_LICENCE_IDS, spdxFromName } from '../../src/facts/licence.js';
import { identifyLicenceText } from '../../src/facts/licenceTexts.js';
import { collectWellKnown } from '../../src/facts/wellKnown.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'licences');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
/** `EUPL-1.2-da.txt` is the Danish text of EUPL-1.2. */
const spdxOfFixture = (file: string): string => file.replace(/\.txt$/, '').replace(/-da$/, '');

async function licenceOf(files: Record<string, string | Buffer>) {
  const repo = createRepo(files).commit('initial');
  const index = await collectFileIndex(repo.dir);
  return collectLicence(repo.dir, index, await collectWellKnown(repo.dir, index));
}

afterAll(cleanupTempDirs);

describe('licence fingerprints', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

  it('has a fixture for every licence it knows', () => {
    expect(new Set(files.map(spdxOfFixture))).toEqual(new Set(KNOWN_LICENCE_IDS));
  });

  it.each(files)('identifies %s from its text alone', (file) => {
    expect(identifyLicenceText(fixture(file))).toEqual([spdxOfFixture(file)]);
  });

  it('identifies nothing in prose that is no licence', () => {
    expect(identifyLicenceText('All rights reserved. Contact the author for a licence.')).toEqual([]);
  });

  it('tells a four-clause BSD licence from BSD-3-Clause', () => {
    const fourClause = fixture('BSD-3-Clause.txt').replace(
      '3. Neither',
      '3. All advertising materials mentioning features or use of this software\n   must display the following acknowledgement.\n\n4. Neither',
    );
    expect(identifyLicenceText(fourClause)).toEqual([]);
  });

  it('recognises the licence notice forms of the GNU licences', () => {
    const notice = (name: string, version: string): string =>
      `This program is free software: you can redistribute it and/or modify it under the terms of the ${name} as published by the Free Software Foundation, either version ${version} of the License, or (at your option) any later version.`;
    expect(identifyLicenceText(notice('GNU General Public License', '3'))).toEqual(['GPL-3.0']);
    expect(identifyLicenceText(notice('GNU Affero General Public License', '3'))).toEqual(['AGPL-3.0']);
    expect(identifyLicenceText(notice('GNU Lesser General Public License', '2.1'))).toEqual(['LGPL-2.1']);
  });
});

describe('isOsiApproved', () => {
  it.each([
    ['MPL-2.0', true],
    ['EUPL-1.2', true],
    ['GPL-3.0-or-later', true],
    ['gpl-2.0-only', true],
    ['MIT OR Apache-2.0', true],
    ['MIT AND CC-BY-SA-4.0', false],
    ['CC-BY-SA-4.0', false],
    ['CC0-1.0', false],
    ['GPL-2.0-or-later WITH Classpath-exception-2.0', true],
    ['EPL-2.0', true],
    ['LicenseRef-proprietary', false],
    ['UNLICENSED', false],
  ])('%s → %s', (id, expected) => {
    expect(isOsiApproved(id)).toBe(expected);
  });

  it('names manifests use map to SPDX ids', () => {
    expect(spdxFromName('Mozilla Public License, Version 2.0')).toBe('MPL-2.0');
    expect(spdxFromName('The Apache Software License, Version 2.0')).toBe('Apache-2.0');
    expect(spdxFromName('MIT License')).toBe('MIT');
    expect(spdxFromName('European Union Public Licence 1.2')).toBe('EUPL-1.2');
    expect(spdxFromName('mit or apache-2.0')).toBe('MIT OR Apache-2.0');
    expect(spdxFromName('Proprietary')).toBeNull();
    expect(canonicalSpdx('mpl-2.0')).toBe('MPL-2.0');
  });
});

describe('collectLicence', () => {
  it('identifies by text, not by file name: LICENSE holding MIT text is MIT', async () => {
    const fact = await licenceOf({ LICENSE: fixture('MIT.txt') });
    expect(fact).toEqual({ status: 'known', value: { path: 'LICENSE', spdx: 'MIT', others: [] } });
  });

  it('reads Markdown licence files and COPYING', async () => {
    const md = await licenceOf({ 'LICENSE.md': `# License\n\n${fixture('MPL-2.0.txt')}` });
    expect(md).toMatchObject({ status: 'known', value: { path: 'LICENSE.md', spdx: 'MPL-2.0' } });
    const copying = await licenceOf({ COPYING: fixture('GPL-3.0.txt') });
    expect(copying).toMatchObject({ status: 'known', value: { path: 'COPYING', spdx: 'GPL-3.0' } });
  });

  it('identifies the Danish EUPL text, stored as ISO-8859-1, in a file named LICENCE', async () => {
    const latin1 = Buffer.from(fixture('EUPL-1.2-da.txt'), 'latin1');
    const fact = await licenceOf({ LICENCE: latin1 });
    expect(fact).toMatchObject({ status: 'known', value: { path: 'LICENCE', spdx: 'EUPL-1.2' } });
  });

  it('keeps an unrecognised licence file with spdx null', async () => {
    const fact = await licenceOf({ LICENSE: 'Copyright 2024 Kommune. All rights reserved.\n' });
    expect(fact).toEqual({ status: 'known', value: { path: 'LICENSE', spdx: null, others: [] } });
  });

  it('uses an SPDX-License-Identifier line when the text itself is not a known licence', async () => {
    const fact = await licenceOf({ LICENSE: 'SPDX-License-Identifier: MPL-2.0\n\nSee https://mozilla.org/MPL/2.0/\n' });
    expect(fact).toMatchObject({ status: 'known', value: { path: 'LICENSE', spdx: 'MPL-2.0' } });
  });

  it('takes a REUSE-only licence from LICENSES/ file names', async () => {
    const fact = await licenceOf({ 'LICENSES/MPL-2.0.txt': fixture('MPL-2.0.txt'), 'src/a.ts': '// SPDX-License-Identifier: MPL-2.0\n' });
    expect(fact).toEqual({ status: 'known', value: { path: null, spdx: 'MPL-2.0', others: [{ spdx: 'MPL-2.0', source: 'LICENSES/MPL-2.0.txt' }] } });
  });

  it('takes a package.json-only licence, and leaves spdx null when manifests disagree', async () => {
    const only = await licenceOf({ 'package.json': JSON.stringify({ name: 'x', license: 'EUPL-1.2' }) });
    expect(only).toEqual({ status: 'known', value: { path: null, spdx: 'EUPL-1.2', others: [{ spdx: 'EUPL-1.2', source: 'package.json' }] } });

    const split = await licenceOf({
      'package.json': JSON.stringify({ license: 'MIT' }),
      'pom.xml': '<project><licenses><license><name>Mozilla Public License, Version 2.0</name></license></licenses></project>',
    });
    expect(split).toMatchObject({ status: 'known', value: { path: null, spdx: null } });
    if (split.status === 'known') expect(split.value.others).toHaveLength(2);
  });

  it('lists manifest licences next to the licence file as further evidence', async () => {
    const fact = await licenceOf({
      LICENSE: fixture('MPL-2.0.txt'),
      'composer.json': JSON.stringify({ license: ['MIT'] }),
      'pyproject.toml': '[project]\nname = "x"\nlicense = "MPL-2.0"\n',
      'Cargo.toml': '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n',
      'src/App/App.csproj': '<Project><PropertyGroup><PackageLicenseExpression>EUPL-1.2</PackageLicenseExpression></PropertyGroup></Project>',
    });
    expect(fact.status).toBe('known');
    if (fact.status !== 'known') return;
    expect(fact.value.spdx).toBe('MPL-2.0');
    expect(fact.value.others).toEqual(
      expect.arrayContaining([
        { spdx: 'MIT', source: 'composer.json' },
        { spdx: 'MPL-2.0', source: 'pyproject.toml' },
        { spdx: 'MIT OR Apache-2.0', source: 'Cargo.toml' },
        { spdx: 'EUPL-1.2', source: 'src/App/App.csproj' },
      ]),
    );
  });

  it('is known with nothing when there is no licence evidence at all', async () => {
    expect(await licenceOf({ 'README.md': '# x\n' })).toEqual({ status: 'known', value: { path: null, spdx: null, others: [] } });
  });

  it('is unknown when the only licence file is binary', async () => {
    const fact = await licenceOf({ LICENSE: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]) });
    expect(fact).toMatchObject({ status: 'unknown' });
    if (fact.status === 'unknown') expect(fact.reason).toMatch(/^binary/);
  });
});
