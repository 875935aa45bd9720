import { describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/format/checklist.js';
import { formAnswer } from '../../src/format/formAnswer.js';
import { formatGovernanceReport, STATUS_MARK } from '../../src/format/governanceReport.js';
import { catalogue, ctx, LANGS, report, ROOT } from './fixtures.js';
import { formTables, headings, rowsById } from './formTables.js';

const SECTIONS = {
  da: ['RELEVANS', 'FORMKRAV', 'STRATEGISK SAMMENHÆNG', 'GOVERNANCE'],
  en: ['RELEVANCE', 'FORMAL REQUIREMENTS', 'STRATEGIC FIT', 'GOVERNANCE'],
};
const COLUMNS = {
  da: ['🔽', '#', 'Krav', 'Beskrivelse / Dokumentation', 'Produktniveau', 'Retningslinjer'],
  en: ['🔽', '#', 'Requirement', 'Description / Documentation', 'Product level', 'Guidelines'],
};

describe('governance-report: the current template layout', () => {
  it.each(LANGS)("titled with the product's name, four sections in the template's order, the template's six columns (%s)", (lang) => {
    const md = formatGovernanceReport(report(lang), ctx());
    expect(headings(md, 1)).toEqual(['OS2example']);
    expect(headings(md, 2)).toEqual(SECTIONS[lang]);
    const tables = formTables(md);
    expect(tables.map((t) => t.heading)).toEqual(SECTIONS[lang]);
    for (const t of tables) {
      expect(t.header).toEqual(COLUMNS[lang]);
      for (const row of t.rows) expect(row).toHaveLength(6);
    }
  });

  it.each(LANGS)('every item once, in its section, with the mark the template uses; unanswered items stay empty (%s)', (lang) => {
    const md = formatGovernanceReport(report(lang), ctx());
    const rows = rowsById(md);
    const items = checklistItems(report(lang).results[0]!, catalogue());
    expect([...rows.keys()]).toEqual(items.map((i) => i.id));
    expect(Object.fromEntries([...rows].map(([id, r]) => [id, r['🔽']]))).toEqual({
      R1: '', // the manifest could not be read: nobody answered, nothing decided
      R2: '', // not declared in os2.yaml: open, not "no"
      F1: '❌', // partly met: the template has no yellow
      F3: '✅', // explained
      F5: '✅',
      F7: '✅',
      F16: '', // the check broke
      S1: '➖',
      G1: '✅',
      G3: '❌', // the explanation expired: decided against
    });
    expect(formTables(md)[0]!.rows.map((r) => r[1])).toEqual(['R1', 'R2']);
  });

  it('an open item has no documentation of its own: the tool writes no "no" a person would have to remove', () => {
    const rows = rowsById(formatGovernanceReport(report('en'), ctx()));
    for (const id of ['R1', 'R2', 'F16']) expect(rows.get(id)!['Description / Documentation']).toBe('');
    expect(rows.get('R2')!.Guidelines).toBe('Description of relevance.value-for-others.');
  });

  it('documents with evidence, explanation or not-relevant reason; level as sandkasse/1/2/3; escapes cells', () => {
    const da = rowsById(formatGovernanceReport(report('da'), ctx()));
    expect(da.get('F1')!.Produktniveau).toBe('sandkasse');
    expect(da.get('G3')!.Produktniveau).toBe('1');
    expect(da.get('F16')!.Produktniveau).toBe('2');
    expect(da.get('F1')!['Beskrivelse / Dokumentation']).toMatch(/^Delvist opfyldt\./);
    const en = rowsById(formatGovernanceReport(report('en'), ctx()));
    expect(en.get('F5')!['Description / Documentation']).toContain('README.md describes the solution.');
    expect(en.get('F3')!['Description / Documentation']).toContain('Built in-house; no procurement took place.');
    expect(en.get('S1')!['Description / Documentation']).toContain('Agreed with the secretariat.');
    expect(en.get('G3')!['Description / Documentation']).toContain('a|b <x>');
  });

  it.each([['da', 'Krav', 'Punkt F1 som OS2 formulerer det (anbefaling)'], ['en', 'Requirement', 'Item F1 as OS2 words it (recommendation)']] as const)(
    'marks a recommendation as the template does (%s)', (lang, column, title) => {
      const cat = catalogue();
      cat.checklist.items.find((i) => i.id === 'F1')!.strength = 'should';
      const rep = report(lang, cat);
      rep.results[0]!.items.find((i) => i.id === 'F1')!.strength = 'should';
      const rows = rowsById(formatGovernanceReport(rep, ctx(cat)));
      expect(rows.get('F1')![column]).toBe(title);
      expect(rows.get('F5')![column]).not.toMatch(/\(/);
    });

  it('names no local absolute path: the repository root is taken out of every text', () => {
    const rep = report('en');
    const r = rep.results[0]!;
    const q = r.requirements.find((x) => x.id === 'docs.readme')!;
    q.message = `${ROOT}/README.md describes the solution.`;
    q.evidence = [{ kind: 'file', path: `${ROOT}/README.md`, line: 3 }];
    const md = formatGovernanceReport(rep, ctx());
    expect(md).not.toContain(ROOT);
    expect(rowsById(md).get('F5')!['Description / Documentation']).toBe('README.md describes the solution.');
  });

  it('the marks are the template\'s own', () => {
    expect(STATUS_MARK).toEqual({ yes: '✅', partly: '❌', no: '❌', 'not-relevant': '➖', planned: '❌', unknown: '❓', open: '' });
    const items = checklistItems(report('en').results[0]!, catalogue());
    expect(items.filter((i) => formAnswer(i) === 'open').map((i) => i.id)).toEqual(['R1', 'R2', 'F16']);
  });
});
