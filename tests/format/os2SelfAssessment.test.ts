import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatOs2SelfAssessment, formatOs2SelfAssessmentMarkdown, type SelfAssessment } from '../../src/format/os2SelfAssessment.js';
import { catalogue, ctx, LANGS, report, ROOT } from './fixtures.js';
import { formTables, headings, rowsById } from './formTables.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/os2-self-assessment.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const schemaErrors = (data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const form = (lang: 'da' | 'en'): SelfAssessment => JSON.parse(formatOs2SelfAssessment(report(lang), ctx())) as SelfAssessment;

describe('os2-self-assessment (the form\'s JSON export)', () => {
  it.each(LANGS)('is valid against schemas/os2-self-assessment.schema.json, with exactly the form\'s keys (%s)', (lang) => {
    const f = form(lang);
    expect(schemaErrors(f)).toEqual([]);
    expect(Object.keys(f)).toEqual(['productName', 'filledBy', 'filledDate', 'generatedAt', 'krav']);
    for (const k of f.krav) expect(Object.keys(k)).toEqual(['id', 'kategori', 'krav', 'produktniveau', 'retningslinjer', 'efterlevet', 'dokumentation']);
    // A batch is an array of forms, valid too.
    const batch = report(lang);
    batch.results.push({ ...batch.results[0]!, path: '/repos/other', productName: null });
    const both = JSON.parse(formatOs2SelfAssessment(batch, ctx()));
    expect(schemaErrors(both)).toEqual([]);
    expect(both.map((x: SelfAssessment) => x.productName)).toEqual(['OS2example', 'other']);
  });

  it('the schema rejects what the form would not import', () => {
    const f = form('da');
    expect(schemaErrors({ ...f, krav: [{ ...f.krav[0]!, efterlevet: 'Måske' }] })).not.toEqual([]);
    expect(schemaErrors({ ...f, krav: [{ ...f.krav[0]!, produktniveau: 0 }] })).not.toEqual([]);
    expect(schemaErrors({ ...f, extra: 1 })).not.toEqual([]);
    const { krav: _krav, ...noKrav } = f;
    expect(schemaErrors(noKrav)).not.toEqual([]);
  });

  it('fills in the header from the report, deterministically', () => {
    expect(form('da')).toMatchObject({ productName: 'OS2example', filledBy: 'os2level 9.8.7', filledDate: '2026-05-01', generatedAt: '2026-05-01T12:00:00Z' });
    expect(formatOs2SelfAssessment(report('da'), ctx())).toBe(formatOs2SelfAssessment(report('da'), ctx()));
  });

  it('Ja / Nej / Ikke relevant; an item nobody answered stays open (null, empty documentation), never "Nej"', () => {
    const k = Object.fromEntries(form('en').krav.map((i) => [i.id, i]));
    expect(Object.fromEntries(Object.entries(k).map(([id, i]) => [id, i.efterlevet]))).toEqual({
      R1: null, // unknown
      R2: null, // not declared in os2.yaml
      F1: 'Nej', // partly met: versioning.vcs passes, versioning.active (should) fails
      F3: 'Ja', // comply or explain: explained counts, the explanation is the documentation
      F5: 'Ja',
      F7: 'Ja',
      F16: null, // the check broke
      S1: 'Ikke relevant',
      G1: 'Ja',
      G3: 'Nej', // the explanation expired
    });
    for (const id of ['R1', 'R2', 'F16']) expect(k[id]!.dokumentation).toBe('');
    expect(k.F1!.dokumentation.startsWith('Partly met.')).toBe(true);
    expect(form('da').krav.find((i) => i.id === 'F1')!.dokumentation.startsWith('Delvist opfyldt.')).toBe(true);
    expect(k.F3!.dokumentation).toContain('Built in-house; no procurement took place.');
  });

  it("gives category, level, OS2's item title and guidelines per item; merged items list every decided requirement", () => {
    const cat = catalogue();
    for (const lang of LANGS) {
      const k = Object.fromEntries(form(lang).krav.map((i) => [i.id, i]));
      expect(k.F7).toMatchObject({ kategori: 'formkrav', produktniveau: '1' });
      expect(k.F1!.produktniveau).toBe('sandkasse'); // the form's value in both languages
      expect(k.R1!.kategori).toBe('relevans');
      expect(k.S1!.kategori).toBe('strategisk');
      expect(k.G3!.kategori).toBe('governance');
      expect(k.F7!.krav).toBe(cat.checklist.items.find((i) => i.id === 'F7')!.title[lang]);
      for (const id of ['docs.install', 'docs.technical', 'operations.requirements']) {
        expect(k.F7!.retningslinjer).toContain(cat.requirements.find((r) => r.id === id)!.description[lang]);
        expect(k.F7!.dokumentation).toContain(`${id}: `);
      }
    }
  });

  it('names no local absolute path', () => {
    const rep = report('en');
    const q = rep.results[0]!.requirements.find((x) => x.id === 'docs.readme')!;
    q.message = `Found: ${ROOT}/README.md`;
    expect(formatOs2SelfAssessment(rep, ctx())).not.toContain(ROOT);
    expect(formatOs2SelfAssessmentMarkdown(rep, ctx())).not.toContain(ROOT);
  });
});

describe('os2-self-assessment-md (the 2026 form as Markdown)', () => {
  const COLUMNS = {
    da: ['#', 'Krav', 'Produktniveau', 'Retningslinjer', 'Efterlevet?', 'Dokumentation'],
    en: ['#', 'Requirement', 'Product level', 'Guidelines', 'Complied with?', 'Documentation'],
  };

  it.each(LANGS)('title, document information, four sections, the form\'s six columns (%s)', (lang) => {
    const md = formatOs2SelfAssessmentMarkdown(report(lang), ctx());
    expect(headings(md, 1)).toEqual([lang === 'da' ? 'Governancerapport for OS2example' : 'Governance report for OS2example']);
    expect(headings(md, 2)).toEqual(lang === 'da' ? ['RELEVANS', 'FORMKRAV', 'STRATEGISK SAMMENHÆNG', 'GOVERNANCE'] : ['RELEVANCE', 'FORMAL REQUIREMENTS', 'STRATEGIC FIT', 'GOVERNANCE']);
    for (const t of formTables(md)) expect(t.header).toEqual(COLUMNS[lang]);
    expect(md).toContain(lang === 'da' ? '> **Dato for udfyldelse:** 2026-05-01<br/>' : '> **Date filled in:** 2026-05-01<br/>');
  });

  it('the same answers as the JSON export; open items are empty cells', () => {
    const rows = rowsById(formatOs2SelfAssessmentMarkdown(report('da'), ctx()));
    const json = form('da').krav;
    expect([...rows.keys()]).toEqual(json.map((k) => k.id));
    for (const k of json) {
      expect(rows.get(k.id)!['Efterlevet?'], k.id).toBe(k.efterlevet ?? '');
      expect(rows.get(k.id)!.Produktniveau).toBe(k.produktniveau);
    }
  });
});
