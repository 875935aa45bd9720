/** A Markdown summary (for a wiki page or a pull request): the table, the distribution, errors and movement. */
import type { ScanFormatter } from './types.js';
import { partialNote } from './table.js';
import { AREAS } from '../summary.js';
import { AREA_SHORT, levelLabel, MOVEMENT_LABEL, word } from './labels.js';

/** Text in a table cell: no pipes, no HTML, no line breaks. */
const md = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\r\n]+/g, ' ');

export const formatScanMarkdown: ScanFormatter = (report) => {
  const lang = report.lang;
  const moves = new Map(report.comparison?.products.map((p) => [p.name, p]) ?? []);
  const head = [word('product', lang), word('level', lang), word('official', lang), word('target', lang), word('gap', lang), ...AREAS.map((a) => AREA_SHORT[a])];
  if (report.comparison) head.push(word('movement', lang));
  const out = [`# ${word('title', lang)}`, '', `${report.summary.products} ${word('products', lang)}, ${report.summary.errors} ${word('errors', lang)} — ${word('asOf', lang)} ${report.asOf}`, ''];
  const partial = partialNote(report, lang);
  if (partial.length) out.push(`> **${md(partial[0]!)}**`, '');
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const e of report.products) {
    const m = moves.get(e.name);
    const move = report.comparison ? [m ? `${MOVEMENT_LABEL[m.movement].symbol} ${MOVEMENT_LABEL[m.movement][lang]}` : ''] : [];
    if (e.status === 'error') {
      out.push(`| ${md(e.name)} | **${word('error', lang)}**: \`${md(e.error.code)}\` | ${levelLabel(e.officialLevel, lang)} | ${levelLabel(e.targetLevel, lang)} |  | ${AREAS.map(() => '').join(' | ')} |${move.map((x) => ` ${x} |`).join('')}`);
      continue;
    }
    const areas = AREAS.map((a) => {
      const s = e.areas.find((x) => x.area === a);
      return !s || s.total === 0 ? '·' : s.unmet === 0 ? '✓' : String(s.unmet);
    });
    const gap = e.result.gap.length ? e.result.gap.map((id) => `\`${id}\``).join(', ') : '';
    out.push(`| ${md(e.name)} | ${levelLabel(e.result.achievedLevel, lang)} | ${levelLabel(e.officialLevel, lang)} | ${levelLabel(e.targetLevel, lang)} | ${gap} | ${areas.join(' | ')} |${move.map((x) => ` ${x} |`).join('')}`);
  }
  const failed = report.products.filter((e) => e.status === 'error');
  if (failed.length) {
    out.push('', `## ${word('errors', lang)}`, '');
    for (const e of failed) if (e.status === 'error') out.push(`- **${md(e.name)}** — \`${md(e.error.code)}\`: ${md(e.error.message)}`);
  }
  return out.join('\n') + '\n';
};
