/** The terminal view: one row per product with its level, official level, target, gap and areas. */
import chalk, { Chalk } from 'chalk';
import type { AreaStatus, ScanReport } from '../model.js';
import { AREAS } from '../summary.js';
import { AREA_SHORT, levelLabel, MOVEMENT_LABEL, word } from './labels.js';
import type { ScanFormatter } from './types.js';

const areaCell = (a: AreaStatus | undefined): string => (!a || a.total === 0 ? '·' : a.unmet === 0 ? '✓' : a.unknown === a.unmet ? `?${a.unmet}` : String(a.unmet));

/** What a `merge --allow-partial` report lacks, said before anything else. */
export function partialNote(report: ScanReport, lang: ScanReport['lang']): string[] {
  const p = report.partial;
  if (!p) return [];
  return [
    `${word('partial', lang)}${p.missingShards.length ? ` — ${word('missingShards', lang)}: ${p.missingShards.join(', ')}` : ''}${p.excluded.length ? ` — ${word('excluded', lang)}: ${p.excluded.map((x) => x.file).join(', ')}` : ''}`,
    '',
  ];
}

export const formatScanTable: ScanFormatter = (report, ctx) => {
  const c = new Chalk({ level: ctx.color ? chalk.level || 1 : 0 });
  const lang = report.lang;
  const moves = new Map(report.comparison?.products.map((p) => [p.name, p]) ?? []);
  const head = [word('product', lang), word('level', lang), word('official', lang), word('target', lang), word('next', lang), word('gap', lang), ...AREAS.map((a) => AREA_SHORT[a])];
  if (report.comparison) head.push(word('movement', lang));
  const rows: string[][] = [];
  const errors: string[] = [];
  for (const e of report.products) {
    const move = moves.get(e.name);
    const moveCell = move ? `${MOVEMENT_LABEL[move.movement].symbol} ${MOVEMENT_LABEL[move.movement][lang]}` : '';
    if (e.status === 'error') {
      rows.push([e.name, word('error', lang), levelLabel(e.officialLevel, lang), levelLabel(e.targetLevel, lang), '', e.error.code, ...AREAS.map(() => ''), ...(report.comparison ? [moveCell] : [])]);
      errors.push(`${e.name}: ${e.error.code}: ${e.error.message}`);
      continue;
    }
    const r = e.result;
    rows.push([
      e.name,
      levelLabel(r.achievedLevel, lang),
      levelLabel(e.officialLevel, lang),
      levelLabel(e.targetLevel, lang),
      levelLabel(r.nextLevel, lang),
      r.nextLevel === null ? '' : String(r.gap.length),
      ...AREAS.map((a) => areaCell(e.areas.find((x) => x.area === a))),
      ...(report.comparison ? [moveCell] : []),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [...partialNote(report, lang).map((l) => c.yellow(l)), c.bold(line(head))];
  for (const row of rows) {
    const text = line(row);
    out.push(row[1] === word('error', lang) ? c.red(text) : text);
  }
  const s = report.summary;
  const dist = (['none', '0', '1', '2', '3'] as const).map((k) => `${k === 'none' ? word('none', lang) : levelLabel(Number(k) as 0, lang)}: ${s.levels[k]}`).join(', ');
  out.push('', `${s.products} ${word('products', lang)}, ${s.errors} ${word('errors', lang)} (${word('asOf', lang)} ${report.asOf}) — ${dist}`);
  if (errors.length) out.push('', ...errors.map((e) => c.red(e)));
  if (report.comparison) {
    for (const p of report.comparison.products) {
      if (!p.newlyMet.length && !p.lost.length) continue;
      out.push(`${p.name}: ${p.newlyMet.length ? `${word('newlyMet', lang)}: ${p.newlyMet.join(', ')}` : ''}${p.newlyMet.length && p.lost.length ? '; ' : ''}${p.lost.length ? `${word('lost', lang)}: ${p.lost.join(', ')}` : ''}`);
    }
  }
  return out.join('\n') + '\n';
};
