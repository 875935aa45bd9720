/**
 * A compact GitHub-flavoured Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY:
 * the level reached, must items per level, OS2's checklist item by item in the secretariat's
 * colours (🟢 met, 🟡 partly met, 🔴 not met, ⚪ not relevant, ❔ unknown), what blocks the next
 * level and what to do about it, recommendations, explained items, and the passes folded away.
 */
import type { ItemStatus } from '../evaluate/types.js';
import { SATISFIES } from '../evaluate/types.js';
import type { Lang, Text } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { message } from '../report/messages.js';
import { itemStatusLabel, levelName, phrase } from '../report/ui.js';
import { documentationOf } from './checklist.js';
import type { Formatter } from './types.js';
import { summaryLine } from './text.js';

/** Column and section words this view adds to the shared phrases in src/report/ui.ts. */
const words = {
  level: { en: 'Level', da: 'Niveau' },
  must: { en: 'Must', da: 'Skal' },
  should: { en: 'Should', da: 'Bør' },
  id: { en: 'Id', da: 'Id' },
  requirement: { en: 'Requirement', da: 'Krav' },
  finding: { en: 'Finding', da: 'Resultat' },
  explainedHeading: { en: 'Explained or not applicable', da: 'Forklaret eller ikke relevant' },
  reason: { en: 'Reason', da: 'Begrundelse' },
  item: { en: 'Item', da: 'Punkt' },
  title: { en: "OS2's wording", da: 'OS2s formulering' },
} satisfies Record<string, Text>;

export const ITEM_MARK: Record<ItemStatus, string> = { met: '🟢', 'partly-met': '🟡', 'not-met': '🔴', 'not-relevant': '⚪', unknown: '❔' };

export const formatMarkdown: Formatter = (report) => report.results.map((r) => formatResult(r, report.lang, report.checklist.id)).join('\n---\n\n');

function formatResult(r: RepositoryResult, lang: Lang, checklist: string): string {
  const w = (k: keyof typeof words): string => words[k][lang];
  const byId = new Map(r.requirements.map((q) => [q.id, q]));
  const out: string[] = [];
  out.push(`### os2level${r.productName ? ` · ${cell(r.productName)}` : ''}`, '');
  const target = r.targetLevel !== null ? ` (${phrase('target', lang, { target: levelName(r.targetLevel, lang) })})` : '';
  out.push(`**${cell(summaryLine(r, lang))}**${target}`, '');
  for (const n of r.notices) out.push(`> [!NOTE]`, `> ${cell(n.message)}`, '');
  const consistency = r.consistency ?? [];
  if (consistency.length) {
    out.push('> [!WARNING]', `> **${cell(message('consistency.heading', {}, lang))}**`, ...consistency.map((f) => `> - ${cell(f.message)}`), '');
  }

  out.push(`| ${w('level')} | ${w('must')} | ${w('should')} |  |`, '|---|---:|---:|:---:|');
  for (const p of r.progress) {
    const mark = p.mustMet === p.mustTotal ? '✅' : '❌';
    out.push(`| ${levelName(p.level, lang)} | ${p.mustMet}/${p.mustTotal} | ${p.shouldMet}/${p.shouldTotal} | ${mark} |`);
  }

  const itemsMet = r.items.filter((i) => i.status === 'met').length;
  out.push('', `<details><summary>${cell(phrase('checklistHeading', lang, { checklist }))}: ${cell(phrase('itemsMet', lang, { met: itemsMet, total: r.items.length }))}</summary>`, '');
  out.push(`|  | ${w('item')} | ${w('title')} | ${w('level')} |  |`, '|:-:|---|---|---|---|');
  for (const i of r.items) {
    out.push(`| ${ITEM_MARK[i.status]} | ${i.id} | ${cell(i.title)} | ${levelName(i.level, lang)} ${phrase(i.strength, lang)} | ${itemStatusLabel[i.status][lang]} |`);
  }
  out.push('', '</details>');

  const gap = r.gap.map((id) => byId.get(id)).filter((q): q is ReportRequirement => q !== undefined);
  if (gap.length && r.nextLevel !== null) {
    out.push('', `#### ${phrase('gapHeading', lang, { next: levelName(r.nextLevel, lang) })}`, '');
    out.push(...gapTable(gap, lang));
  }
  const recs = r.recommendations.map((id) => byId.get(id)).filter((q): q is ReportRequirement => q !== undefined);
  if (recs.length) {
    out.push('', `#### ${phrase('recommendations', lang)}`, '');
    out.push(...gapTable(recs, lang));
  }
  const declared = r.requirements.filter((q) => q.outcome === 'explained' || q.outcome === 'not-applicable');
  if (declared.length) {
    out.push('', `#### ${w('explainedHeading')}`, '', `| ${w('id')} | ${w('requirement')} | ${w('reason')} |`, '|---|---|---|');
    for (const q of declared) out.push(`| \`${q.id}\` | ${cell(q.title)} | ${cell(documentationOf(q, lang))} |`);
  }
  const passes = r.requirements.filter((q) => q.outcome === 'pass');
  if (passes.length) {
    out.push('', `<details><summary>${cell(phrase('passes', lang, { count: passes.length }))}</summary>`, '');
    out.push(`| ${w('id')} | ${w('requirement')} | ${w('finding')} |`, '|---|---|---|');
    for (const q of passes) out.push(`| \`${q.id}\` | ${cell(q.title)} | ${cell(q.message)} |`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';

  function gapTable(items: ReportRequirement[], l: Lang): string[] {
    const rows = [`| ${w('id')} | ${w('requirement')} | ${w('finding')} | ${phrase('remedy', l)} |`, '|---|---|---|---|'];
    for (const q of items) {
      const mark = SATISFIES.has(q.outcome) ? '' : q.outcome === 'unknown' ? '❓ ' : q.outcome === 'error' ? '⚠️ ' : '❌ ';
      const level = `${levelName(q.level, l)} ${phrase(q.strength, l)}${q.item ? ` · ${q.item}` : ''}`;
      rows.push(`| ${mark}\`${q.id}\` | ${cell(q.title)} <sub>${cell(level)}</sub> | ${cell(documentationOf(q, l))} | ${cell(q.remediation)} |`);
    }
    return rows;
  }
}

/** Text safe inside a GFM table cell: no pipes or line breaks, no raw HTML. */
export function cell(s: string): string {
  return s
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n+/g, ' ');
}
