import { describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/format/checklist.js';
import { formatOs2Evaluation, proposeLevel, proposeLight, type ItemProposal } from '../../src/format/os2Evaluation.js';
import type { Report } from '../../src/report/model.js';
import { catalogue, ctx, LANGS, report, ROOT } from './fixtures.js';
import { formTables, headings, rowsById } from './formTables.js';
import { OWN_PATH, withProductReport, type OwnAnswer } from './productAnswers.js';

/** The product's own report: says yes where os2level found nothing, no where it found it, planned, not relevant. */
const OWN: OwnAnswer[] = [
  { item: 'R1', status: 'met', statusText: 'Ja', documentation: 'Saves two hours a week.', line: 10 },
  { item: 'R2', status: 'planned', statusText: 'Planlagt', documentation: 'We will ask the other municipalities.', line: 11 },
  { item: 'F5', status: 'not-met', statusText: 'Nej', line: 20 },
  { item: 'F16', status: 'not-relevant', statusText: 'Ikke relevant', documentation: 'No code of our own.', line: 30 },
  { item: 'G3', status: 'met', statusText: 'Ja', documentation: 'Anne leads it.', line: 40 },
];
const own = (lang: 'da' | 'en'): Report => withProductReport(report(lang), OWN);

describe('os2-evaluation: proposed lights', () => {
  const lights = (rep: Report): Record<string, string> =>
    Object.fromEntries(checklistItems(rep.results[0]!, catalogue()).map((i) => [i.id, proposeLight(i).light]));

  it('without the product\'s own report: what os2level decided, and red where nothing was answered', () => {
    expect(lights(report('en'))).toEqual({
      R1: 'red', R2: 'red', F1: 'yellow', F3: 'green', F5: 'green', F7: 'green', F16: 'red', S1: 'grey', G1: 'green', G3: 'red',
    });
  });

  it("with it: the product's answer decides open items, and a disagreement is yellow (to be clarified)", () => {
    expect(lights(own('en'))).toEqual({
      R1: 'yellow', // open, the product says yes
      R2: 'yellow', // open, planned
      F1: 'yellow',
      F3: 'green',
      F5: 'yellow', // os2level found it, the product says no
      F7: 'green',
      F16: 'grey', // open, the product says not relevant
      S1: 'grey',
      G1: 'green',
      G3: 'yellow', // not met by os2level, the product says yes
    });
  });

  it('proposes the highest level with no red must item, naming the items that decide it', () => {
    const items = checklistItems(report('en').results[0]!, catalogue());
    const none = proposeLevel(items.map((i) => proposeLight(i)));
    expect(none.level).toBe(0);
    expect(none.deciding.map((p) => p.item.id)).toEqual(['R1', 'R2', 'G3']);
    expect(none.toJudge.map((p) => p.item.id)).toEqual(['F1']);
    const answered = proposeLevel(checklistItems(own('en').results[0]!, catalogue()).map((i) => proposeLight(i)));
    expect(answered.level).toBe(3); // the fixture has no red must item left at any level
    expect(answered.deciding).toEqual([]);
    const red = (id: string, level: 0 | 1 | 2 | 3): ItemProposal => ({ ...proposeLight(items[0]!, null), item: { ...items[0]!, id, level, strength: 'must' }, light: 'red' });
    expect(proposeLevel([red('F1', 0)]).level).toBeNull();
  });
});

describe('os2-evaluation: the draft report', () => {
  const COLUMNS = {
    da: ['#', 'Krav', 'Produktniveau', 'Efterlevet?', 'Dokumentation', 'Fundet af os2level', 'Vurdering', 'Vurderingsgrundlag', 'Anbefaling'],
    en: ['#', 'Requirement', 'Product level', 'Complied with?', 'Documentation', 'Found by os2level', 'Assessment', 'Basis', 'Recommendation'],
  };

  it.each(LANGS)('is marked as a draft, has the published reports\' sections and columns, and tallies (%s)', (lang) => {
    const md = formatOs2Evaluation(own(lang), ctx());
    expect(headings(md, 1)[0]).toBe(lang === 'da' ? '[UDKAST] Evaluering af OS2example' : '[DRAFT] Evaluation of OS2example');
    expect(md).toContain(lang === 'da' ? '**Status:** Udkast.' : '**Status:** Draft.');
    const tables = formTables(md);
    const items = tables.filter((t) => t.header[0] === '#');
    expect(items.map((t) => t.heading)).toEqual(lang === 'da' ? ['RELEVANS', 'FORMKRAV', 'STRATEGISK SAMMENHÆNG', 'GOVERNANCE'] : ['RELEVANCE', 'FORMAL REQUIREMENTS', 'STRATEGIC FIT', 'GOVERNANCE']);
    for (const t of items) expect(t.header).toEqual(COLUMNS[lang]);
    const [byLevel, byTheme] = tables.filter((t) => t.header[0] !== '#');
    // By level: sandbox, 1, 2, 3, total; the total row sums to the number of items.
    expect(byLevel!.rows).toHaveLength(5);
    const total = byLevel!.rows[4]!.slice(1).map(Number);
    expect(total.reduce((a, b) => a + b, 0)).toBe(10);
    expect(total).toEqual([3, 5, 0, 2]); // green, yellow, red, grey with the product's answers
    expect(byTheme!.rows.map((r) => r[0])).toHaveLength(5);
    expect(byTheme!.rows[4]![5]).toBe('🟢 3 🟡 5 🔴 0 ⚪ 2');
  });

  it("sets the product's own answer beside what os2level found, with a basis and a recommendation", () => {
    const rows = rowsById(formatOs2Evaluation(own('en'), ctx()));
    expect(rows.get('R1')).toMatchObject({ 'Complied with?': 'Ja', Assessment: '🟡' });
    expect(rows.get('R1')!.Documentation).toMatch(new RegExp(`^Saves two hours a week\\.\\s*\\(${OWN_PATH}:10\\)$`));
    expect(rows.get('R1')!.Basis).toContain('The product answers yes; nothing in the repository shows it');
    expect(rows.get('R1')!['Found by os2level']).toBe("relevance.local-value: nothing in the repository or os2.yaml; only the product's own report.");
    expect(rows.get('R1')!.Recommendation).toContain('Do relevance.local-value');
    expect(rows.get('F5')).toMatchObject({ 'Complied with?': 'Nej', Assessment: '🟡' });
    expect(rows.get('F7')).toMatchObject({ 'Complied with?': 'not answered', Assessment: '🟢', Recommendation: '' });
    expect(rows.get('S1')!.Assessment).toBe('⚪');
    const da = rowsById(formatOs2Evaluation(report('da'), ctx()));
    expect(da.get('R1')).toMatchObject({ 'Efterlevet?': 'ikke besvaret', Vurdering: '🔴' });
  });

  it('proposes a level with the items that decide it, and names the product\'s report relative to the repository', () => {
    const md = formatOs2Evaluation(report('en'), ctx());
    expect(md).toContain('Proposed product level: **Sandbox** (os2level alone: Sandbox).');
    expect(md).toMatch(/These red must items keep Level 1 from being proposed:\n\n- 🔴 R1 .*\n- 🔴 R2 .*\n- 🔴 G3 /);
    const drafted = formatOs2Evaluation(own('en'), ctx());
    expect(drafted).toContain('**Latest self-evaluation/governance report:** docs/GOVERNANCE_REPORT.md (filled in 2026-04-01)');
    expect(drafted).not.toContain(ROOT);
    expect(md).not.toContain(ROOT);
  });

  it('is deterministic', () => {
    expect(formatOs2Evaluation(own('da'), ctx())).toBe(formatOs2Evaluation(own('da'), ctx()));
  });
});
