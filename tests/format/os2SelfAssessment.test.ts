import { describe, expect, it } from 'vitest';
import { itemStatus } from '../../src/format/checklist.js';
import { formatOs2SelfAssessment, type SelfAssessment } from '../../src/format/os2SelfAssessment.js';
import { catalogue, ctx, LANGS, report } from './fixtures.js';

const form = (lang: 'da' | 'en'): SelfAssessment => JSON.parse(formatOs2SelfAssessment(report(lang), ctx())) as SelfAssessment;

describe('os2-self-assessment', () => {
  it('fills in the header from the report, deterministically', () => {
    const f = form('da');
    expect(f).toMatchObject({ productName: 'OS2example', filledBy: 'os2level 9.8.7', filledDate: '2026-05-01', generatedAt: '2026-05-01T12:00:00Z' });
    expect(formatOs2SelfAssessment(report('da'), ctx())).toBe(formatOs2SelfAssessment(report('da'), ctx()));
  });

  it('has one item per 2024 checklist id, in the form order, and leaves out requirements without one', () => {
    const ids = form('en').krav.map((k) => k.id);
    expect(ids).toEqual(['R1', 'F1', 'F3', 'F5', 'F7', 'S1', 'G1', 'G3']);
    // relevance.value-for-others was R2 until 2023 and is gone from the 2024 form.
    expect(JSON.stringify(form('en'))).not.toContain('value-for-others');
    expect(JSON.stringify(form('en'))).not.toContain('tests.coverage');
  });

  it('maps outcomes to Ja / Nej / Ikke relevant / Ved ikke, an item being Ja only when all its requirements are met', () => {
    const k = Object.fromEntries(form('en').krav.map((i) => [i.id, i]));
    expect(Object.fromEntries(Object.entries(k).map(([id, i]) => [id, i.efterlevet]))).toEqual({
      R1: 'Ved ikke', // unknown
      F1: 'Nej', // versioning.vcs passes, versioning.active (should) fails
      F3: 'Nej', // explained: not complied with, the explanation is the documentation
      F5: 'Ja',
      F7: 'Ja', // docs.install + docs.technical + operations.requirements all pass
      S1: 'Ikke relevant',
      G1: 'Ja',
      G3: 'Nej', // the explanation expired
    });
    expect(k.F3!.dokumentation).toContain('Built in-house; no procurement took place.');
    expect(k.S1!.dokumentation).toContain('Agreed with the secretariat.');
  });

  it('gives category, level and texts per item; merged items list every requirement', () => {
    const cat = catalogue();
    for (const lang of LANGS) {
      const k = Object.fromEntries(form(lang).krav.map((i) => [i.id, i]));
      expect(k.F7).toMatchObject({ kategori: 'formkrav', produktniveau: '1' });
      expect(k.F1!.produktniveau).toBe('sandkasse');
      expect(k.R1!.kategori).toBe('relevans');
      expect(k.S1!.kategori).toBe('strategisk');
      expect(k.G3!.kategori).toBe('governance');
      for (const id of ['docs.install', 'docs.technical', 'operations.requirements']) {
        const def = cat.requirements.find((r) => r.id === id)!;
        expect(k.F7!.krav).toContain(def.title[lang]);
        expect(k.F7!.retningslinjer).toContain(def.description[lang]);
        expect(k.F7!.dokumentation).toContain(`${id}: `);
      }
    }
  });

  it('aggregates outcomes: any not met wins, then unknown, then all not relevant', () => {
    expect(itemStatus(['pass', 'not-applicable'])).toBe('met');
    expect(itemStatus(['pass', 'fail'])).toBe('not-met');
    expect(itemStatus(['explained', 'unknown'])).toBe('not-met');
    expect(itemStatus(['pass', 'error'])).toBe('unknown');
    expect(itemStatus(['not-applicable', 'not-applicable'])).toBe('not-relevant');
  });
});
