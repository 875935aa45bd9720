/** Governance reports of every template version: version detection, rows mapped by number and text, problems reported. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGovernanceReport } from '../../src/governanceReport/parse.js';
import { parseStatus } from '../../src/governanceReport/status.js';
import type { ParsedGovernanceReport } from '../../src/governanceReport/types.js';
import { firstDate, firstUrl, pathCandidates } from '../../src/governanceReport/values.js';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue } from '../../src/levels/types.js';

const FIXTURES = new URL('../fixtures/governance-reports/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

let catalogue: LevelCatalogue;
beforeAll(async () => {
  catalogue = await loadLevels();
});

/** ref → the row's id (or its ids joined with "+" when the item covers several), or the problem code. */
function mapping(report: ParsedGovernanceReport): Record<string, string> {
  return Object.fromEntries(report.rows.map((r) => [r.ref, r.problem && r.problem.code !== 'no-status' ? `!${r.problem.code}` : (r.id ?? r.ids.join('+'))]));
}

describe('2021-05 (no stated version; check boxes in a column)', () => {
  it('is recognised from its items, and F13/F14/S4 map to the 2021-05 meanings', () => {
    const report = parseGovernanceReport(fixture('2021-05-GOVERNANCE_REPORT.md'), catalogue);
    expect(report).toMatchObject({ version: '2021-05', versionBasis: 'content', form: 'checklist', productName: 'OS2booking' });
    const m = mapping(report);
    expect(m).toMatchObject({
      R2: 'relevance.value-for-others',
      R3: 'relevance.line-management',
      R5: 'relevance.national-strategy',
      F2: 'legal.os2-licence',
      F3: 'legal.procurement+legal.lawfulness',
      F7: 'operations.requirements',
      F8: 'docs.technical',
      F9: 'docs.install',
      F10: 'docs.os2-channels',
      F11: 'versioning.issue-tracker',
      F13: 'docs.strategic-communication',
      F14: 'docs.presentation-material',
      S4: 'strategy.vision-alignment',
      G12: 'governance.board-in-steering-group',
    });
    expect(report.rows).toHaveLength(44);
    const f19 = report.rows.find((r) => r.ref === 'F19')!;
    expect(f19).toMatchObject({ status: 'not-met', statusText: '[ ]', documentation: 'Kører som Windows-service på kommunernes egne servere', line: 37 });
    expect(report.rows.find((r) => r.ref === 'F13')!.documentation).toBe('Business case (https://os2.eu/os2booking/business-case.pdf)');
  });
});

describe('2021-11 (stated; check boxes in front of the text)', () => {
  it('reads the box as the status and maps F13 to presentation, S4 to the product vision', () => {
    const report = parseGovernanceReport(fixture('2021-11-governancerapport.md'), catalogue);
    expect(report).toMatchObject({ version: '2021-11', versionBasis: 'stated', productName: 'OS2kalender' });
    const m = mapping(report);
    expect(m).toMatchObject({
      R2: 'relevance.value-for-others',
      F2: 'legal.licence+legal.os2-licence+legal.licence-consistent',
      F11: 'versioning.issue-tracker',
      F13: 'docs.presentation-material',
      F14: 'docs.strategic-communication',
      S4: 'strategy.product-vision',
      S5: 'strategy.vision-alignment',
    });
    const r3 = report.rows.find((r) => r.ref === 'R3')!;
    expect(r3).toMatchObject({ status: 'not-met', statusText: '[ ]', text: 'Der er opbakning fra linjeledelsen', match: 'number-and-text' });
    expect(report.rows.filter((r) => r.status === 'met')).toHaveLength(16);
  });
});

describe('2024 (✅/❌/➖/❓, R2 removed, F7 merged)', () => {
  it('maps the shifted relevance items and keeps merged items whole', () => {
    const report = parseGovernanceReport(fixture('2024-GOVERNANCE_REPORT.md'), catalogue);
    expect(report).toMatchObject({ version: '2024', versionBasis: 'stated', productName: 'OS2skema' });
    const m = mapping(report);
    expect(m).toMatchObject({
      R1: 'relevance.local-value',
      R2: 'relevance.line-management',
      R3: 'relevance.cross-municipal',
      R4: 'relevance.national-strategy',
      F7: 'docs.install+docs.technical+docs.interfaces+docs.contributing+docs.open-format+docs.fresh+operations.requirements',
      F11: 'versioning.issue-tracker+versioning.issue-references',
      F13: 'docs.presentation-material',
      F14: 'docs.strategic-communication',
    });
    expect(report.rows.map((r) => r.status)).toContain('unknown');
    expect(report.rows.find((r) => r.ref === 'F13')!.status).toBe('not-relevant');
  });

  it('is inferred from the items when the report states no version', () => {
    const text = fixture('2024-GOVERNANCE_REPORT.md').replace('Tjeklisten i 2024-udgaven. ', '');
    const report = parseGovernanceReport(text, catalogue);
    expect(report.versionBasis).toBe('content');
    expect(report.version).toBe('2024');
    expect(mapping(report).R2).toBe('relevance.line-management');
  });
});

describe('2026 self-evaluation (Ja/Nej/Ikke relevant/Ved ikke)', () => {
  it('reads the words as statuses and uses the 2024 numbering', () => {
    const report = parseGovernanceReport(fixture('2026-Selvevaluering.md'), catalogue);
    expect(report).toMatchObject({ version: '2024', form: 'self-evaluation', productName: 'OS2portal' });
    expect(Object.fromEntries(report.rows.map((r) => [r.ref, r.status]))).toMatchObject({
      R1: 'met', R2: 'unknown', F7: 'not-met', F19: 'not-relevant', G7: 'not-relevant',
    });
    expect(mapping(report).R2).toBe('relevance.line-management');
  });
});

describe('rows that cannot be mapped with confidence', () => {
  it('reports number/text disagreements, unknown items, ambiguous texts and unreadable statuses, never guessing an id', () => {
    const report = parseGovernanceReport(fixture('problems-governancerapport.md'), catalogue);
    const byRef = Object.fromEntries(report.rows.map((r) => [r.ref, r]));
    // In 2021-11 F13 is presentation material; this text is the strategic material (F14).
    expect(byRef.F13!.problem).toEqual({ code: 'number-text-mismatch', candidates: ['docs.strategic-communication', 'docs.presentation-material'] });
    expect(byRef.F18!.id).toBeNull();
    expect(byRef.F18!.problem?.code).toMatch(/no-requirement|number-text-mismatch/);
    expect(byRef.G15!.problem).toEqual({ code: 'ambiguous-text', candidates: ['governance.steering-group', 'governance.coordination-group'] });
    expect(byRef.R3!.problem?.code).toBe('ambiguous-text');
    expect(byRef.G2).toMatchObject({ id: 'governance.secretariat', status: 'unknown', problem: { code: 'no-status' } });
    expect(byRef.G1).toMatchObject({ id: 'governance.portfolio', status: 'met' });
    for (const row of report.rows) if (row.problem && row.problem.code !== 'no-status') expect(row.id).toBeNull();
  });

  it('finds no rows in a document without checklist tables', () => {
    const report = parseGovernanceReport('# Noter\n\n| a | b |\n|---|---|\n| x | y |\n', catalogue);
    expect(report.rows).toEqual([]);
    expect(report.versionBasis).toBe('default');
  });

  it('ignores tables inside fenced code', () => {
    const text = '```\n| Nr. | Krav | Status |\n|---|---|---|\n| G1 | Porteføljestyring | ✅ |\n```\n';
    expect(parseGovernanceReport(text, catalogue).rows).toEqual([]);
  });
});

describe('status cells', () => {
  it.each([
    ['✅', 'met'], ['✔️', 'met'], ['[x]', 'met'], ['[X]', 'met'], ['Ja', 'met'], ['Opfyldt', 'met'], ['**Ja**', 'met'], ['✅ Opfyldt', 'met'],
    ['❌', 'not-met'], ['[ ]', 'not-met'], ['Nej', 'not-met'], ['Ikke opfyldt', 'not-met'],
    ['➖', 'not-relevant'], ['Ikke relevant', 'not-relevant'], ['N/A', 'not-relevant'],
    ['❓', 'unknown'], ['Ved ikke', 'unknown'],
    ['', null], ['måske', null], ['[x] Koden er delt', null],
  ])('%j → %s', (cell, status) => {
    expect(parseStatus(cell)).toBe(status);
  });
});

describe('values in documentation cells', () => {
  it.each([
    ['Godkendt 2021-02-09, [referat](x)', '2021-02-09'],
    ['Bestyrelsesmøde 03.03.2025', '2025-03-03'],
    ['mødet 14. juni 2022, https://os2.eu/2022-06-14', '2022-06-14'],
    ['https://os2.eu/referat-2020-05-12 uden dato', null],
    ['31.02.2024', null],
  ])('date in %j → %s', (text, date) => {
    expect(firstDate(text)).toBe(date);
  });

  it('takes the first URL without trailing punctuation, and path-like tokens', () => {
    expect(firstUrl('Se https://os2.eu/a/b. Og mere')).toBe('https://os2.eu/a/b');
    expect(pathCandidates('README.md, afsnittet Forudsætninger; docs/drift.md')).toEqual(['README.md', 'docs/drift.md']);
    expect(pathCandidates('../../etc/passwd')).toEqual([]);
  });
});
