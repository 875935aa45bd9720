/**
 * A self-contained HTML dashboard for the secretariat: no external assets, the data embedded as
 * JSON in a `<script type="application/json">` block, rendered by an inline script with
 * textContent only. A Content-Security-Policy allows just that one script (by its hash) and
 * inline styles, so even a hostile product name could not run anything.
 *
 * It answers, in the report's language: where each product stands item by item (a product × item
 * matrix in OS2's colours), where the measured level and the official one disagree, what moved
 * since the last scan (levels per scan, items that turned green or red), and what each symbol means.
 */
import { createHash } from 'node:crypto';
import type { ItemStatus } from '../../evaluate/types.js';
import type { Lang } from '../../levels/types.js';
import { areaLabel, itemStatusLabel, themeLabel } from '../../report/ui.js';
import type { ScanReport } from '../model.js';
import { AREAS } from '../summary.js';
import { DASHBOARD_SCRIPT } from './dashboardScript.js';
import { AREA_CHIP, levelLabel, MOVEMENT_LABEL, word, type Word } from './labels.js';
import { partialNote } from './table.js';
import type { ScanFormatter } from './types.js';

/** OS2's four colours (green, yellow, red, grey) and "no light", with a symbol each for those who cannot tell colours apart. */
const STATUS_CODE: Record<ItemStatus, string> = { met: 'm', 'partly-met': 'p', 'not-met': 'n', 'not-relevant': 'x', unknown: 'u' };
const STATUS_SYMBOL: Record<ItemStatus, string> = { met: '✓', 'partly-met': '◐', 'not-met': '✗', 'not-relevant': '–', unknown: '?' };

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
header{padding:16px 24px;background:#12355b;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85}
.partial{margin:12px 24px 0;padding:8px 12px;background:#fff4ce;border:1px solid #e0b400;border-radius:6px}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px;padding:16px 24px;width:100%}
.wide{grid-column:1/-1}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);min-width:0}
.card h2{margin:0 0 8px;font-size:16px}.hint{margin:0 0 8px;color:#4b5563;font-size:13px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th[data-sort],th[data-col]{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tr.error td{color:#a01818}tr.disagree td:first-child{box-shadow:inset 4px 0 #e0b400}.link{background:none;border:0;padding:0;color:#0b5cad;cursor:pointer;font:inherit;text-align:left}
.area{display:inline-block;min-width:34px;margin:1px;padding:0 4px;border-radius:4px;font-size:12px}.area.ok{background:#d9f2df}.area.gap{background:#fde2c8}.area.unknown{background:#e5e7eb}.area.na{background:#f3f4f6;color:#9ca3af}
.move.up{color:#157f3b}.move.down{color:#b42318}.controls{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px;align-items:center}.controls input{flex:1;min-width:160px;padding:4px 8px}
.dist{display:flex;align-items:center;gap:8px;width:100%;background:none;border:0;padding:2px 0;cursor:pointer;font:inherit}.dlabel{width:70px;text-align:left}.track{flex:1;background:#eef1f5;height:14px;border-radius:3px}.bar{background:#3b82c4;height:14px;border-radius:3px}.dcount{width:30px;text-align:right}
.scroll{overflow-x:auto}
table.matrix{width:auto;min-width:100%;font-size:12px}table.matrix th,table.matrix td{padding:2px;border:1px solid #fff;text-align:center}
table.matrix th.pname,table.matrix td.pname{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fff;padding:2px 8px;z-index:1}
table.matrix th.theme{background:#12355b;color:#fff}table.matrix th.lvl{background:#dbe4ee;font-size:11px;overflow:hidden;max-width:26px;white-space:nowrap}table.matrix th.lvl[colspan="1"]{text-overflow:clip}table.matrix th[data-col]{height:44px;width:26px;min-width:26px;font-weight:600;vertical-align:bottom}table.matrix th[data-col] span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block}
.detail-items .cell{margin:1px}
.cell{display:inline-block;width:22px;height:22px;line-height:22px;border-radius:3px;font-size:12px}
.s-m{background:#2e9e4f;color:#fff}.s-p{background:#f2c100;color:#1d1d1f}.s-n{background:#d23b32;color:#fff}.s-x{background:#9ca3af;color:#fff}.s-u{background:#fff;color:#6b7280;border:1px dashed #9ca3af}
.chart{display:grid;grid-template-columns:100px 1fr 40px;gap:4px 8px;align-items:center}.stack{display:flex;height:18px;border-radius:3px;overflow:hidden;background:#eef1f5}.seg{height:18px}
.l-none{background:#d23b32}.l-0{background:#f59e0b}.l-1{background:#86c06c}.l-2{background:#2e9e4f}.l-3{background:#14532d}.l-error{background:#6b7280}
.legend dl{display:grid;grid-template-columns:auto 1fr;gap:4px 10px;margin:0}.legend dt{text-align:center}.legend h3{font-size:13px;margin:10px 0 4px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:middle;margin-right:4px}
ul.changes{margin:0;padding-left:18px}ul.changes li{margin:2px 0}.green{color:#157f3b}.red{color:#b42318}
#detail{position:relative}#detail .close{position:absolute;right:8px;top:8px;border:0;background:none;font-size:20px;cursor:pointer}#detail li{margin-bottom:8px}.msg{color:#374151}.fix{color:#0f5132}.error{color:#a01818}
`;

/** JSON that is safe inside a script element: nothing in it can close the element or open a comment. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LABEL_WORDS: Word[] = [
  'level', 'official', 'target', 'gap', 'error', 'newlyMet', 'lost', 'remediation', 'repositories', 'contact', 'noItems', 'noDisagreements', 'noOfficial', 'measured',
  'noHistory', 'noChanges', 'turnedGreen', 'turnedRed', 'since', 'items', 'disagree', 'close', 'lowerThanOfficial', 'higherThanOfficial', 'product', 'itemsMet', 'none',
];

function viewModel(report: ScanReport): unknown {
  const lang: Lang = report.lang;
  const moves = new Map(report.comparison?.products.map((p) => [p.name, p]) ?? []);
  // The columns: the checklist generation's items, in OS2's order (every scanned product has the same).
  const first = report.products.find((e) => e.status === 'ok');
  const columns = first?.status === 'ok' ? first.result.items.map((i) => ({ id: i.id, title: i.title, theme: i.theme, themeLabel: themeLabel[i.theme][lang], level: i.level, strength: i.strength })) : [];
  const products = report.products.map((e) => {
    const m = moves.get(e.name);
    const titleOf = new Map(e.status === 'ok' ? e.result.requirements.map((r) => [r.id, r.title]) : []);
    const movement = m
      ? {
          movement: m.movement,
          symbol: MOVEMENT_LABEL[m.movement].symbol,
          label: MOVEMENT_LABEL[m.movement][lang],
          from: m.from,
          to: m.to,
          newlyMet: m.newlyMet.map((id) => ({ id, title: titleOf.get(id) ?? id })),
          lost: m.lost.map((id) => ({ id, title: titleOf.get(id) ?? id })),
          turnedGreen: m.turnedGreen ?? [],
          turnedRed: m.turnedRed ?? [],
        }
      : null;
    const base = { name: e.name, status: e.status, official: e.officialLevel, target: e.targetLevel, contact: e.contact, repositories: e.repositories, movement };
    if (e.status === 'error') return { ...base, level: null, next: null, gap: [], areas: [], items: '', met: 0, error: e.error };
    const byId = new Map(e.result.requirements.map((r) => [r.id, r]));
    const status = new Map(e.result.items.map((i) => [i.id, i.status]));
    return {
      ...base,
      level: e.result.achievedLevel,
      next: e.result.nextLevel,
      gap: e.result.gap.map((id) => {
        const r = byId.get(id);
        return { id, item: r?.item ?? null, title: r?.title ?? id, message: r?.message ?? '', remediation: r?.remediation ?? '' };
      }),
      areas: AREAS.map((a) => {
        const s = e.areas.find((x) => x.area === a);
        return { short: AREA_CHIP[lang][a], label: areaLabel[a][lang], total: s?.total ?? 0, unmet: s?.unmet ?? 0, unknown: s?.unknown ?? 0 };
      }),
      // One letter per column: m(et), p(artly), n(ot met), x (not relevant), u(nknown).
      items: columns.map((c) => STATUS_CODE[status.get(c.id) ?? 'unknown']).join(''),
      met: e.result.items.filter((i) => i.status === 'met').length,
    };
  });
  const s = report.summary.levels;
  const distribution = [
    { key: 'none', label: word('none', lang), count: s.none },
    ...([0, 1, 2, 3] as const).map((l) => ({ key: String(l), label: levelLabel(l, lang), count: s[String(l) as '0'] })),
    { key: 'error', label: word('error', lang), count: report.summary.errors },
  ];
  const statuses = (Object.keys(STATUS_CODE) as ItemStatus[]).map((st) => ({ code: STATUS_CODE[st], symbol: STATUS_SYMBOL[st], label: itemStatusLabel[st][lang] }));
  const labels = Object.fromEntries(LABEL_WORDS.map((w) => [w, word(w, lang)]));
  return {
    asOf: report.asOf,
    lang,
    previousAsOf: report.comparison?.previousAsOf ?? null,
    products,
    columns,
    statuses,
    distribution,
    history: report.history ?? [],
    levelKeys: distribution.map((d) => ({ key: d.key, label: d.label })),
    labels,
  };
}

/** The legend: every symbol and colour on the page, in the report's language. */
function legend(lang: Lang): string {
  const row = (dt: string, dd: string): string => `<dt>${dt}</dt><dd>${escapeHtml(dd)}</dd>`;
  const statuses = (Object.keys(STATUS_CODE) as ItemStatus[]).map((st) => row(`<span class="cell s-${STATUS_CODE[st]}">${STATUS_SYMBOL[st]}</span>`, itemStatusLabel[st][lang])).join('');
  const chips = AREAS.map((a) => row(`<span class="area ok">${escapeHtml(AREA_CHIP[lang][a])}</span>`, areaLabel[a][lang])).join('');
  const da = lang === 'da';
  const chipColours = [
    ['ok', '', da ? 'alle skal-krav op til næste niveau er opfyldt' : 'every must-requirement up to the next level is met'],
    ['gap', ' 3', da ? 'tallet er antallet af uopfyldte skal-krav' : 'the number is how many must-requirements are unmet'],
    ['unknown', ' 2', da ? 'de uopfyldte krav kunne ikke afgøres (ukendt)' : 'the unmet requirements could not be decided (unknown)'],
    ['na', '', da ? 'ingen krav i området op til næste niveau' : 'no requirements in the area up to the next level'],
  ]
    .map(([cls, n, text]) => row(`<span class="area ${cls}">${escapeHtml(AREA_CHIP[lang].documentation)}${n}</span>`, text!))
    .join('');
  const moves = (Object.keys(MOVEMENT_LABEL) as (keyof typeof MOVEMENT_LABEL)[]).map((m) => row(escapeHtml(MOVEMENT_LABEL[m].symbol), `${MOVEMENT_LABEL[m][lang]}`)).join('');
  const levels = [
    row('—', da ? 'minimumskravene er ikke opfyldt (eller intet niveau angivet)' : 'the minimum requirements are not met (or no level given)'),
    row('Minimum', da ? 'minimumskravene (niveau 0) er opfyldt' : 'the minimum requirements (level 0) are met'),
    row('N1–N3', da ? 'niveau 1 til 3 i OS2s niveaumodel' : 'levels 1 to 3 of OS2’s level model'),
    row('<span class="swatch" style="background:#e0b400"></span>', word('disagree', lang)),
  ].join('');
  return `<div class="card legend" data-testid="legend"><h2>${escapeHtml(word('legend', lang))}</h2>
<h3>${escapeHtml(word('items', lang))}</h3><dl>${statuses}</dl>
<h3>${escapeHtml(word('level', lang))}</h3><dl>${levels}</dl>
<h3>${escapeHtml(da ? 'Områder (uopfyldte skal-krav op til næste niveau)' : 'Areas (unmet must-requirements up to the next level)')}</h3><dl>${chips}${chipColours}</dl>
<h3>${escapeHtml(word('movement', lang))}</h3><dl>${moves}</dl></div>`;
}

export const formatScanHtml: ScanFormatter = (report) => {
  const lang = report.lang;
  const scriptHash = createHash('sha256').update(DASHBOARD_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const s = report.summary;
  const option = (v: string, t: string): string => `<option value="${escapeHtml(v)}">${escapeHtml(t)}</option>`;
  const levelOptions = [['all', word('allLevels', lang)], ['none', word('none', lang)], ...[0, 1, 2, 3].map((l) => [String(l), levelLabel(l as 0, lang)]), ['error', word('error', lang)]]
    .map(([v, t]) => option(v!, t!))
    .join('');
  const themes = [...new Set((report.products.find((e) => e.status === 'ok')?.status === 'ok' ? (report.products.find((e) => e.status === 'ok') as Extract<ScanReport['products'][number], { status: 'ok' }>).result.items : []).map((i) => i.theme))];
  const themeOptions = option('all', word('allThemes', lang)) + themes.map((t) => option(t, themeLabel[t][lang])).join('');
  const itemLevelOptions = option('all', word('allLevels', lang)) + [0, 1, 2, 3].map((l) => option(String(l), levelLabel(l as 0, lang))).join('');
  const th = (key: string, label: string): string => `<th data-sort="${key}" data-testid="sort-${key}">${escapeHtml(label)}</th>`;
  const partial = partialNote(report, lang)[0];
  const previous = report.comparison ? ` (${escapeHtml(word('since', lang))} ${escapeHtml(report.comparison.previousAsOf)})` : '';
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
${partial ? `<div class="partial" data-testid="partial">${escapeHtml(partial)}</div>` : ''}
<main>
<div class="card"><h2>${escapeHtml(word('distribution', lang))}</h2><div id="distribution" data-testid="distribution"></div></div>
<div class="card"><h2>${escapeHtml(word('disagreements', lang))}</h2><p class="hint">${escapeHtml(word('disagreementsHint', lang))}</p><div id="disagreements" data-testid="disagreements"></div></div>
<div class="card"><h2>${escapeHtml(word('history', lang))}</h2><div id="history" data-testid="history"></div></div>
<div class="card"><h2>${escapeHtml(word('changes', lang))}${previous}</h2><div id="changes" data-testid="changes"></div></div>
<div class="card wide">
<div class="controls"><input id="filter" data-testid="filter" type="search" placeholder="${escapeHtml(word('filter', lang))}" aria-label="${escapeHtml(word('filter', lang))}"><select id="level" data-testid="level-filter" aria-label="${escapeHtml(word('level', lang))}">${levelOptions}</select><span id="count"></span></div>
<table><thead><tr>${th('name', word('product', lang))}${th('level', word('measured', lang))}${th('official', word('official', lang))}${th('target', word('target', lang))}${th('gap', word('gap', lang))}${th('met', word('itemsMet', lang))}<th title="${escapeHtml(word('areas', lang))}">${escapeHtml(word('areas', lang).split(' (')[0]!)}</th>${report.comparison ? th('movement', word('movement', lang)) : ''}</tr></thead><tbody id="rows" data-testid="rows"></tbody></table>
</div>
<aside id="detail" class="card wide" data-testid="detail" hidden></aside>
<div class="card wide"><h2>${escapeHtml(word('matrix', lang))}</h2><p class="hint">${escapeHtml(word('matrixHint', lang))}</p>
<div class="controls"><select id="theme" data-testid="theme-filter" aria-label="${escapeHtml(word('allThemes', lang))}">${themeOptions}</select><select id="item-level" data-testid="item-level-filter" aria-label="${escapeHtml(word('level', lang))}">${itemLevelOptions}</select></div>
<div class="scroll"><table class="matrix" data-testid="matrix"><thead id="matrix-head"></thead><tbody id="matrix-rows"></tbody></table></div></div>
<div class="wide">${legend(lang)}</div>
</main>
<script type="application/json" id="scan-data">${scriptJson(viewModel(report))}</script>
<script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;
};
