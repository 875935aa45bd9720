/** The reader on one fixture per layout and status form: every item's state and status, and what a report says about itself. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGovernanceReportText } from '../../src/governanceReport/reader.js';
import type { GovernanceReportReading } from '../../src/governanceReport/types.js';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue } from '../../src/levels/types.js';

const FIXTURES = new URL('../fixtures/governance-reports/', import.meta.url);
let catalogue: LevelCatalogue;
beforeAll(async () => {
  catalogue = await loadLevels();
});
const read = (name: string): GovernanceReportReading => readGovernanceReportText(readFileSync(new URL(name, FIXTURES), 'utf8'), { path: `docs/${name}`, catalogue });
/** "id state status" per item, in report order. */
const states = (r: GovernanceReportReading): string[] => r.items.map((i) => `${i.id} ${i.state} ${i.status ?? '-'}`);

describe('every layout and status form', () => {
  const cases: [string, Partial<GovernanceReportReading>, string[]][] = [
    ['2021-05-GOVERNANCE_REPORT.md', { layout: 'table', form: 'governance-report', productName: 'OS2mødebook' }, [
      'R1 read met', 'R2 read met', 'R3 not-filled -', 'F1 read met', 'F3 read met', 'F9 read met', 'F11 read not-met',
    ]],
    ['2023-governance-report.md', { productName: 'OS2tidsreg' }, ['F1 read met', 'F2 read met', 'F5 read not-met', 'F6 read not-met', 'F12 read met']],
    ['ballot-box-GOVERNANCE_REPORT.md', { productName: 'OS2skilte' }, ['R1 read met', 'R5 placeholder met', 'G1 read met', 'G3 not-filled -', 'G6 read not-met']],
    ['2025-governance_report.md', { generation: '2025', productName: 'OS2parkering' }, [
      'R1 read met', 'R4 read unknown', 'F4 read met', 'F14 read not-met', 'F19 read not-relevant', 'F20 not-filled -',
    ]],
    ['traffic-light-governancerapport.md', { productName: 'OS2bibliotek' }, ['F1 read met', 'F10 read not-met', 'F19 read not-relevant', 'G2 unreadable -']],
    ['2026-06-01-OS2kantine-selvevaluering.md', { form: 'self-evaluation', generation: '2026', productName: 'OS2kantine', date: '2026-06-01' }, [
      'F1 read met', 'F3 read met', 'F14 placeholder not-met', 'F18 read unknown', 'F19 read not-relevant', 'F21 read planned', 'G1 read met', 'G8 not-filled -',
    ]],
    ['free-text-governancerapport.md', { productName: 'OS2ferie' }, [
      'F5 read partly', 'F13 read planned', 'F15 read planned', 'F16 read unknown', 'F17 placeholder met', 'F20 placeholder met', 'G4 placeholder -', 'G5 unreadable -',
    ]],
    ['headings-governance-report.md', { layout: 'headings', productName: 'OS2vagtplan' }, ['R1 read met', 'R2 read not-met', 'F12 read met', 'F22 read not-relevant']],
    ['os2vaskeri-checkliste.json', { layout: 'json', form: 'self-evaluation', generation: '2026', productName: 'OS2vaskeri', date: '2026-05-20' }, [
      'R1 read met', 'F2 read not-met', 'F19 read planned', 'G3 not-filled -',
    ]],
  ];
  it.each(cases)('%s', (name, about, expected) => {
    const r = read(name);
    expect(r).toMatchObject({ blank: false, ...about });
    expect(states(r)).toEqual(expected);
  });
});

describe('what an item carries', () => {
  it('keeps the status as written, links as URLs, HTML as text, and the line', () => {
    const r = read('2021-05-GOVERNANCE_REPORT.md');
    const f1 = r.items.find((i) => i.id === 'F1')!;
    expect(f1).toMatchObject({ statusText: '[x]', documentation: 'GitHub', references: ['https://github.com/OS2moedebook/moedebook'], line: 19 });
    expect(r.items.find((i) => i.id === 'R2')!.documentation).toBe('Alle kommuner booker mødelokaler og biler på samme måde');
    expect(r.items.find((i) => i.id === 'F9')!.references).toEqual(['https://moedebook.readthedocs.io/install']);
  });

  it('never keeps a placeholder as documentation, and says which placeholder it was', () => {
    const kantine = read('2026-06-01-OS2kantine-selvevaluering.md').items.find((i) => i.id === 'F14')!;
    expect(kantine).toMatchObject({ documentation: '', placeholder: '[Ikke udfyldt]', statusText: 'Nej' });
    const ferie = read('free-text-governancerapport.md');
    expect(ferie.items.find((i) => i.id === 'F17')).toMatchObject({ documentation: '', placeholder: 'Indsæt link' });
    expect(ferie.items.find((i) => i.id === 'G5')).toMatchObject({ problem: 'unknown-status', statusText: 'Måske', line: 12 });
  });

  it('gives an item every requirement it covers (F3 declares procurement and lawfulness)', () => {
    const f3 = read('2026-06-01-OS2kantine-selvevaluering.md').items.find((i) => i.id === 'F3')!;
    expect(f3.requirements).toEqual(['legal.procurement', 'legal.lawfulness']);
  });

  it('tells a symbol that disagrees with its word, rows without a closing pipe and with extra cells', () => {
    expect(read('traffic-light-governancerapport.md').items.find((i) => i.id === 'G2')).toMatchObject({ problem: 'conflicting-status' });
    const r = read('2023-governance-report.md');
    expect(r.items.find((i) => i.id === 'F5')!.documentation).toBe('Kommer i næste version');
    expect(r.items.find((i) => i.id === 'F6')!.documentation).toBe('Ligger stadig hos leverandøren');
    expect(r.items.find((i) => i.id === 'F12')!.documentation).toBe('main');
  });

  it('marks an item the generation does not have, and a number whose text is another item', () => {
    const text = '# R\n\n| # | Krav | Efterlevet? | Dokumentation |\n|---|---|---|---|\n| F30 | Noget nyt | Ja | x |\n| G6 | Bestyrelsen er orienteret | Ja | Referat |\n| G6 | Der er nedsat en styregruppe | Ja | Kommissorium |\n| G6 | Der er nedsat en styregruppe | Nej | igen |\n';
    const r = readGovernanceReportText(text, { catalogue });
    expect(r.items.map((i) => `${i.id} ${i.state} ${i.problem ?? ''}`)).toEqual(['F30 unreadable no-item', 'G6 unreadable number-text-mismatch', 'G6 read ', 'G6 unreadable duplicate']);
  });
});

describe('a template copied but not filled in', () => {
  it.each(['blank-governance_template.md', 'blank-2021-template.md'])('%s: every item "not filled", nothing read', (name) => {
    const r = read(name);
    expect(r.blank).toBe(true);
    expect(r.items.length).toBeGreaterThan(3);
    expect(r.items.every((i) => i.state === 'not-filled' && i.status === null && i.documentation === '')).toBe(true);
    expect(r.tally).toEqual({ read: 0, placeholder: 0, 'not-filled': r.items.length, unreadable: 0 });
    expect(r.productName).toBeNull();
  });
});
