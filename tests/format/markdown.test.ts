import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/format/markdown.js';
import { ctx, LANGS, report } from './fixtures.js';

/** Cells of a GFM table row, honouring escaped pipes. */
const cells = (row: string): string[] => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
const tableAfter = (lines: string[], heading: RegExp): string[][] => {
  const start = lines.findIndex((l) => heading.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('|')) rows.push(cells(l));
    else if (rows.length) break;
  }
  return rows;
};

describe('markdown', () => {
  it.each(LANGS)('has the level line, a progress table and the gap with remediation (%s)', (lang) => {
    const md = formatMarkdown(report(lang), ctx());
    const lines = md.split('\n');
    expect(lines[0]).toBe('### os2level · OS2example');
    expect(lines.find((l) => l.startsWith('**'))).toMatch(lang === 'en' ? /Reached the minimum level/ : /Opnår minimumsniveauet/);

    const progress = lines.filter((l) => /^\| (minimum|N\d) \|/.test(l)).map(cells);
    expect(progress.map((r) => r[0])).toEqual(['minimum', 'N1', 'N2', 'N3']);
    expect(progress[0]!.slice(1)).toEqual(['3/3', '0/1', '✅']);

    const gap = tableAfter(lines, /^#### .*N1/).slice(2);
    expect(gap.map((r) => r[0]!.replace(/^\S+ /, ''))).toEqual(['`relevance.value-for-others`', '`relevance.local-value`', '`governance.lead`']);
    for (const row of gap) expect(row).toHaveLength(4);
    expect(gap[0]![3]).toContain('relevance.value-for-others');
  });

  it('keeps hostile text inside its cell', () => {
    const lines = formatMarkdown(report('en'), ctx()).split('\n');
    const lead = lines.find((l) => l.includes('`governance.lead`'))!;
    expect(cells(lead)).toHaveLength(4);
    expect(lead).toContain('a\\|b &lt;x&gt;');
  });

  it('lists recommendations and explained items, and folds passes into <details>', () => {
    const md = formatMarkdown(report('en'), ctx());
    const lines = md.split('\n');
    expect(tableAfter(lines, /^#### Recommendations/).slice(2).map((r) => r[0])).toEqual(['❌ `versioning.active`']);
    expect(tableAfter(lines, /^#### Explained/).slice(2).map((r) => r[0])).toEqual(['`legal.procurement`', '`docs.interfaces`', '`strategy.os2-strategy`']);
    const open = lines.findIndex((l) => l.startsWith('<details>') && l.includes('requirements met'));
    const close = lines.indexOf('</details>', open);
    expect(open).toBeGreaterThan(0);
    expect(close).toBeGreaterThan(open);
    const passes = lines.slice(open, close).filter((l) => l.startsWith('| `')).map((l) => cells(l)[0]);
    expect(passes).toEqual(['`docs.readme`', '`versioning.vcs`', '`docs.install`', '`docs.technical`', '`operations.requirements`', '`governance.portfolio`']);
    expect(lines[open]).toContain('6');
  });
});
