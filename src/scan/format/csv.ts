/** One row per product for spreadsheets (RFC 4180). Cells a spreadsheet would run as a formula are defused. */
import type { ScanReport } from '../model.js';
import { AREAS } from '../summary.js';
import type { ScanFormatter } from './types.js';

const cell = (v: string | number | null): string => {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const formatScanCsv: ScanFormatter = (report: ScanReport) => {
  const moves = new Map(report.comparison?.products.map((p) => [p.name, p.movement]) ?? []);
  const head = ['product', 'status', 'achieved_level', 'official_level', 'target_level', 'next_level', 'gap_count', 'gap', ...AREAS.map((a) => `unmet_${a}`), 'movement', 'repositories', 'commits', 'error'];
  const rows = report.products.map((e) => {
    const common = { repos: e.repositories.map((r) => r.url).join(' '), commits: e.repositories.map((r) => r.commit ?? '').join(' ') };
    if (e.status === 'error') {
      return [e.name, 'error', null, e.officialLevel, e.targetLevel, null, null, null, ...AREAS.map(() => null), moves.get(e.name) ?? null, common.repos, common.commits, `${e.error.code}: ${e.error.message}`];
    }
    const r = e.result;
    return [e.name, 'ok', r.achievedLevel, e.officialLevel, e.targetLevel, r.nextLevel, r.gap.length, r.gap.join(' '), ...AREAS.map((a) => e.areas.find((x) => x.area === a)?.unmet ?? 0), moves.get(e.name) ?? null, common.repos, common.commits, null];
  });
  return [head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
};
