import { describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/format/checklist.js';
import { formatGovernanceReport, STATUS_SYMBOL } from '../../src/format/governanceReport.js';
import { catalogue, ctx, LANGS, report } from './fixtures.js';

const SECTIONS = {
  da: ['Relevans', 'Formkrav', 'Strategisk sammenhæng', 'Governance'],
  en: ['Relevance', 'Formal requirements', 'Strategic fit', 'Governance'],
};

/** Reads the report back: section → rows of [id, text, level, status, documentation]. */
function readBack(md: string): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) sections.set(line.slice(3), (current = []));
    else if (current && /^\| [RFSG]\d+ \|/.test(line)) current.push(line.slice(2, -2).split(/ (?<!\\)\| /));
  }
  return sections;
}

describe('governance-report', () => {
  it.each(LANGS)('has the four sections in the template order with the level on top (%s)', (lang) => {
    const md = formatGovernanceReport(report(lang), ctx());
    expect([...readBack(md).keys()]).toEqual(SECTIONS[lang]);
    const top = md.split('\n').slice(0, 4).join('\n');
    expect(top).toContain(lang === 'da' ? 'Produktniveau: Minimumskrav (sandkasse)' : 'Product level: Minimum requirements (sandbox)');
  });

  it.each(LANGS)('round-trips: every checklist item once, in its section, with its status (%s)', (lang) => {
    const rep = report(lang);
    const items = checklistItems(rep.results[0]!, catalogue());
    const sections = readBack(formatGovernanceReport(rep, ctx()));
    const rows = [...sections.values()].flat();
    expect(rows.map((r) => r[0])).toEqual(items.map((i) => i.id));
    const status = Object.fromEntries(rows.map((r) => [r[0], r[3]]));
    expect(status).toEqual({
      R1: STATUS_SYMBOL.unknown,
      R2: STATUS_SYMBOL['not-met'],
      F1: STATUS_SYMBOL['not-met'], // partly met: the template has no yellow
      F3: STATUS_SYMBOL.met, // explained
      F5: STATUS_SYMBOL.met,
      F7: STATUS_SYMBOL.met,
      F16: STATUS_SYMBOL.unknown,
      S1: STATUS_SYMBOL['not-relevant'],
      G1: STATUS_SYMBOL.met,
      G3: STATUS_SYMBOL['not-met'],
    });
    expect(sections.get(SECTIONS[lang][0]!)!.map((r) => r[0])).toEqual(['R1', 'R2']);
    expect(sections.get(SECTIONS[lang][3]!)!.map((r) => r[0])).toEqual(['G1', 'G3']);
  });

  it('documents with evidence, explanation or not-relevant reason, and keeps tables intact', () => {
    const rows = new Map([...readBack(formatGovernanceReport(report('en'), ctx())).values()].flat().map((r) => [r[0], r]));
    for (const r of rows.values()) expect(r).toHaveLength(5);
    expect(rows.get('F5')![4]).toContain('README.md describes the solution.');
    expect(rows.get('F3')![4]).toContain('Built in-house; no procurement took place.');
    expect(rows.get('S1')![4]).toContain('Agreed with the secretariat.');
    expect(rows.get('F1')![2]).toBe('Sandbox');
    expect(rows.get('G3')![2]).toBe('1');
    expect(rows.get('G3')![4]).toContain('a\\|b &lt;x&gt;');
  });

  it('is deterministic', () => {
    expect(formatGovernanceReport(report('da'), ctx())).toBe(formatGovernanceReport(report('da'), ctx()));
  });
});
