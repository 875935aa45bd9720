import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { collectPubliccode } from '../../src/facts/publiccode.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

async function publiccodeOf(files: Record<string, string | Buffer>) {
  const repo = createRepo(files).commit('initial');
  return collectPubliccode(repo.dir, await collectFileIndex(repo.dir));
}

const PUBLICCODE = `publiccodeYmlVersion: "0.4"
name: OS2mo
url: https://github.com/OS2mo/os2mo
developmentStatus: stable
usedBy:
  - Aarhus Kommune
  - Ballerup Kommune
legal:
  license: MPL-2.0
maintenance:
  type: contract
  contractors:
    - name: Magenta ApS
      until: 2027-12-31
    - name: Uden Slutdato
description:
  en:
    shortDescription: Organisation management
    longDescription: OS2mo keeps track of the organisation of a municipality.
  da:
    shortDescription: Organisationsstyring
    longDescription: OS2mo holder styr på kommunens organisation og medarbejdere.
`;

describe('collectPubliccode', () => {
  it('is null without a publiccode.yml at the root', async () => {
    expect(await publiccodeOf({ 'docs/publiccode.yml': PUBLICCODE })).toBeNull();
  });

  it('reads name, url, licence, users, status, contractors and the Danish description first', async () => {
    expect(await publiccodeOf({ 'publiccode.yml': PUBLICCODE })).toEqual({
      status: 'known',
      value: {
        path: 'publiccode.yml',
        url: 'https://github.com/OS2mo/os2mo',
        name: 'OS2mo',
        license: 'MPL-2.0',
        usedBy: ['Aarhus Kommune', 'Ballerup Kommune'],
        developmentStatus: 'stable',
        description: 'OS2mo holder styr på kommunens organisation og medarbejdere.',
        contractors: [
          { name: 'Magenta ApS', until: '2027-12-31' },
          { name: 'Uden Slutdato', until: null },
        ],
      },
    });
  });

  it('falls back to English, then any language, for the description', async () => {
    const en = await publiccodeOf({ 'publiccode.yaml': 'name: x\ndescription:\n  en:\n    shortDescription: Short English\n' });
    expect(en).toMatchObject({ status: 'known', value: { path: 'publiccode.yaml', description: 'Short English' } });
    const it_ = await publiccodeOf({ 'publiccode.yml': 'name: x\ndescription:\n  it:\n    shortDescription: Breve\n' });
    expect(it_).toMatchObject({ status: 'known', value: { description: 'Breve' } });
  });

  it('records a parse error instead of throwing', async () => {
    const fact = await publiccodeOf({ 'publiccode.yml': 'name: OS2x\nlegal:\n  license: [MPL-2.0\n' });
    expect(fact?.status).toBe('known');
    if (fact?.status !== 'known') return;
    expect(fact.value).toMatchObject({ path: 'publiccode.yml', name: null, license: null, usedBy: [] });
    expect(typeof fact.value.parseError).toBe('string');
  });

  it('treats duplicate keys and alias bombs as parse errors', async () => {
    const dup = await publiccodeOf({ 'publiccode.yml': 'name: a\nname: b\n' });
    expect(dup?.status === 'known' && typeof dup.value.parseError).toBe('string');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const bombed = await publiccodeOf({ 'publiccode.yml': bomb });
    expect(bombed?.status === 'known' && typeof bombed.value.parseError).toBe('string');
  });

  it('is unknown for a binary publiccode.yml', async () => {
    expect(await publiccodeOf({ 'publiccode.yml': Buffer.from([0x00, 0xff, 0x00]) })).toEqual({ status: 'unknown', reason: 'binary' });
  });
});
