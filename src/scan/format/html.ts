/**
 * A self-contained HTML dashboard: no external assets, the data embedded as JSON in a
 * `<script type="application/json">` block, rendered by an inline script with textContent only.
 * A Content-Security-Policy allows just that one script (by its hash) and inline styles, so even a
 * hostile product name could not run anything.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../../levels/types.js';
import type { ScanReport } from '../model.js';
import { AREAS } from '../summary.js';
import { DASHBOARD_SCRIPT } from './dashboardScript.js';
import { AREA_SHORT, levelLabel, MOVEMENT_LABEL, word } from './labels.js';
import type { ScanFormatter } from './types.js';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
header{padding:16px 24px;background:#12355b;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85}
main{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:16px;padding:16px 24px}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th[data-sort]{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tr.error td{color:#a01818}.link{background:none;border:0;padding:0;color:#0b5cad;cursor:pointer;font:inherit;text-align:left}
.area{display:inline-block;min-width:34px;margin:1px;padding:0 4px;border-radius:4px;font-size:12px}.area.ok{background:#d9f2df}.area.gap{background:#fde2c8}.area.unknown{background:#e5e7eb}.area.na{background:#f3f4f6;color:#9ca3af}
.move.up{color:#157f3b}.move.down{color:#b42318}.controls{display:flex;gap:8px;margin-bottom:8px}.controls input{flex:1;padding:4px 8px}
.dist{display:flex;align-items:center;gap:8px;width:100%;background:none;border:0;padding:2px 0;cursor:pointer;font:inherit}.dlabel{width:70px;text-align:left}.track{flex:1;background:#eef1f5;height:14px;border-radius:3px}.bar{background:#3b82c4;height:14px;border-radius:3px}.dcount{width:30px;text-align:right}
#detail{position:relative}#detail .close{position:absolute;right:8px;top:8px;border:0;background:none;font-size:20px;cursor:pointer}#detail li{margin-bottom:8px}.msg{color:#374151}.fix{color:#0f5132}.error{color:#a01818}
`;

/** JSON that is safe inside a script element: nothing in it can close the element or open a comment. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function viewModel(report: ScanReport): unknown {
  const lang: Lang = report.lang;
  const moves = new Map(report.comparison?.products.map((p) => [p.name, p]) ?? []);
  const products = report.products.map((e) => {
    const m = moves.get(e.name);
    const movement = m ? { movement: m.movement, symbol: MOVEMENT_LABEL[m.movement].symbol, label: MOVEMENT_LABEL[m.movement][lang], newlyMet: m.newlyMet, lost: m.lost } : null;
    const base = { name: e.name, status: e.status, official: e.officialLevel, target: e.targetLevel, contact: e.contact, repositories: e.repositories, movement };
    if (e.status === 'error') return { ...base, level: null, next: null, gap: [], areas: [], error: e.error };
    const byId = new Map(e.result.requirements.map((r) => [r.id, r]));
    return {
      ...base,
      level: e.result.achievedLevel,
      next: e.result.nextLevel,
      gap: e.result.gap.map((id) => {
        const r = byId.get(id);
        return { id, title: r?.title ?? id, message: r?.message ?? '', remediation: r?.remediation ?? '' };
      }),
      areas: AREAS.map((a) => {
        const s = e.areas.find((x) => x.area === a);
        return { short: AREA_SHORT[a], label: a, total: s?.total ?? 0, unmet: s?.unmet ?? 0, unknown: s?.unknown ?? 0 };
      }),
    };
  });
  const s = report.summary.levels;
  const distribution = [
    { key: 'none', label: word('none', lang), count: s.none },
    ...([0, 1, 2, 3] as const).map((l) => ({ key: String(l), label: levelLabel(l, lang), count: s[String(l) as '0'] })),
    { key: 'error', label: word('error', lang), count: report.summary.errors },
  ];
  const labels = Object.fromEntries((['level', 'official', 'target', 'gap', 'error', 'newlyMet', 'lost', 'remediation', 'repositories', 'contact'] as const).map((w) => [w, word(w, lang)]));
  return { asOf: report.asOf, products, distribution, labels };
}

export const formatScanHtml: ScanFormatter = (report) => {
  const lang = report.lang;
  const scriptHash = createHash('sha256').update(DASHBOARD_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const s = report.summary;
  const options = [
    ['all', word('allLevels', lang)],
    ['none', word('none', lang)],
    ...[0, 1, 2, 3].map((l) => [String(l), levelLabel(l as 0, lang)]),
    ['error', word('error', lang)],
  ]
    .map(([v, t]) => `<option value="${v}">${escapeHtml(t!)}</option>`)
    .join('');
  const th = (key: string, label: string): string => `<th data-sort="${key}" data-testid="sort-${key}">${escapeHtml(label)}</th>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(word('title', lang))} — ${escapeHtml(report.asOf)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(word('title', lang))}</h1><p>${s.products} ${escapeHtml(word('products', lang))}, ${s.errors} ${escapeHtml(word('errors', lang))} — ${escapeHtml(word('asOf', lang))} ${escapeHtml(report.asOf)} — os2level ${escapeHtml(report.tool.version)}, ${escapeHtml(report.catalogue.id)}</p></header>
<main>
<div>
<div class="card"><h2>${escapeHtml(word('distribution', lang))}</h2><div id="distribution" data-testid="distribution"></div></div>
<div class="card" style="margin-top:16px">
<div class="controls"><input id="filter" data-testid="filter" type="search" placeholder="${escapeHtml(word('filter', lang))}" aria-label="${escapeHtml(word('filter', lang))}"><select id="level" data-testid="level-filter">${options}</select><span id="count"></span></div>
<table><thead><tr>${th('name', word('product', lang))}${th('level', word('level', lang))}${th('official', word('official', lang))}${th('target', word('target', lang))}${th('gap', word('gap', lang))}<th title="${escapeHtml(word('areas', lang))}">${AREAS.map((a) => AREA_SHORT[a]).join(' ')}</th>${th('movement', word('movement', lang))}</tr></thead><tbody id="rows" data-testid="rows"></tbody></table>
</div>
</div>
<aside id="detail" class="card" data-testid="detail" hidden></aside>
</main>
<script type="application/json" id="scan-data">${scriptJson(viewModel(report))}</script>
<script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;
};
