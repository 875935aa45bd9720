import { describe, expect, it } from 'vitest';
import { formatOs2SelfAssessment, type SelfAssessment } from '../../src/format/os2SelfAssessment.js';
import { catalogue, ctx, LANGS, report } from './fixtures.js';

const form = (lang: 'da' | 'en'): SelfAssessment => JSON.parse(formatOs2SelfAssessment(report(lang), ctx())) as SelfAssessment;

describe('os2-self-assessment', () => {
  it('fills in the header from the report, deterministically', () => {
    const f = form('da');
    expect(f).toMatchObject({ productName: 'OS2example', filledBy: 'os2level 9.8.7', filledDate: '2026-05-01', generatedAt: '2026-05-01T12:00:00Z' });
    expect(formatOs2SelfAssessment(report('da'), ctx())).toBe(formatOs2SelfAssessment(report('da'), ctx()));
  });

  it("has one item per item of the report's checklist generation, in the form order", () => {
    const ids = form('en').krav.map((k) => k.id);
    expect(ids).toEqual(['R1', 'R2', 'F1', 'F3', 'F5', 'F7', 'F16', 'S1', 'G1', 'G3']);
  });

  it('maps item statuses to Ja / Nej / Ikke relevant / Ved ikke; partly met is Nej and says so', () => {
    const k = Object.fromEntries(form('en').krav.map((i) => [i.id, i]));
    expect(Object.fromEntries(Object.entries(k).map(([id, i]) => [id, i.efterlevet]))).toEqual({
      R1: 'Ved ikke', // unknown
      R2: 'Nej',
      F1: 'Nej', // partly met: versioning.vcs passes, versioning.active (should) fails
      F3: 'Ja', // comply or explain: explained counts, the explanation is the documentation
      F5: 'Ja',
      F7: 'Ja', // docs.install + docs.technical + operations.requirements pass, docs.interfaces not applicable
      F16: 'Ved ikke', // the check broke
      S1: 'Ikke relevant',
      G1: 'Ja',
      G3: 'Nej', // the explanation expired
    });
    expect(k.F1!.dokumentation.startsWith('Partly met.')).toBe(true);
    expect(form('da').krav.find((i) => i.id === 'F1')!.dokumentation.startsWith('Delvist opfyldt.')).toBe(true);
    expect(k.F3!.dokumentation).toContain('Built in-house; no procurement took place.');
    expect(k.S1!.dokumentation).toContain('Agreed with the secretariat.');
  });

  it("gives category, level, OS2's item title and texts per item; merged items list every requirement", () => {
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
        expect(k.F7!.krav).toBe(cat.checklist.items.find((i) => i.id === 'F7')!.title[lang]);
        expect(k.F7!.retningslinjer).toContain(def.description[lang]);
        expect(k.F7!.dokumentation).toContain(`${id}: `);
      }
    }
  });

});
