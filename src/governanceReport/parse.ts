/**
 * Reads a filled-in governance report (Markdown): finds the checklist tables, reads each row's item
 * number, text, status and documentation, decides the template version, and maps every row to the
 * catalogue's requirement ids by version and text together. Pure: text in, rows out.
 */
import type { LevelCatalogue, Requirement } from '../levels/types.js';
import { findTables, plainText, type MarkdownTable } from './markdownTables.js';
import { parseStatus } from './status.js';
import { matchScore, stems } from './textMatch.js';
import { TEMPLATE_VERSIONS, type ParsedGovernanceReport, type ReportRow, type RowProblem, type TemplateVersion } from './types.js';
import { ITEM_WORDINGS } from './wordings.js';

/** Below this a text is not recognised as any item. */
const MIN_SCORE = 0.34;
/** Scores closer than this are a tie. */
const MARGIN = 0.1;

const ITEM_ID = /^\s*(?:\*\*|__)?\s*([RFSG])\s*(\d{1,2})\s*\.?\s*(?:\*\*|__)?\s*$/i;
const LEADING_ITEM_ID = /^\s*(?:\*\*|__)?([RFSG])\s*(\d{1,2})(?:\*\*|__)?[.:)\s–-]+(.*)$/i;

interface RawRow {
  line: number;
  ref: string;
  text: string;
  statusText: string;
  documentation: string;
}

/** What one template version's checklist looks like in catalogue terms. */
interface VersionIndex {
  /** Item number → requirement ids. */
  items: Map<string, string[]>;
}

export function parseGovernanceReport(text: string, catalogue: LevelCatalogue): ParsedGovernanceReport {
  const raw = findTables(text).flatMap(readTable);
  const wordings = wordingStems(catalogue.requirements);
  const indexes = new Map(TEMPLATE_VERSIONS.map((v) => [v, versionIndex(catalogue.requirements, v)]));
  const stated = statedVersion(text);
  const form = /selvevaluering|self-evaluation/i.test(headText(text)) || raw.some((r) => /^(ja|nej|ved ikke)$/i.test(r.statusText.trim())) ? 'self-evaluation' : 'checklist';

  let version: TemplateVersion;
  let versionBasis: ParsedGovernanceReport['versionBasis'];
  if (stated) {
    version = stated;
    versionBasis = 'stated';
  } else {
    const inferred = inferVersion(raw, indexes, wordings, form);
    version = inferred ?? '2024';
    versionBasis = inferred ? 'content' : 'default';
  }
  const index = indexes.get(version)!;
  return { version, versionBasis, form, productName: productName(text), rows: raw.map((r) => mapRow(r, index, wordings)) };
}

/** The rows of a table that has an item number per row; other tables (a summary, a legend) give none. */
function readTable(table: MarkdownTable): RawRow[] {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
  const header = table.header.map((h) => plainText(h).toLowerCase());
  const column = (test: (h: string) => boolean): number => header.findIndex(test);
  const share = (col: number, test: (cell: string) => boolean): number =>
    table.rows.length === 0 ? 0 : table.rows.filter((r) => test(r.cells[col] ?? '')).length / table.rows.length;

  let idCol = column((h) => /^(nr\.?|no\.?|id|#|punkt|krav ?nr\.?|nummer|item)$/.test(h));
  if (idCol < 0) {
    for (let c = 0; c < width; c++) if (share(c, (cell) => ITEM_ID.test(cell)) >= 0.5) {
      idCol = c;
      break;
    }
  }
  let statusCol = column((h) => /status|opfyldt|svar|besvarelse|vurdering|ja\/nej|answer|met/.test(h));
  if (statusCol < 0 || statusCol === idCol) {
    statusCol = -1;
    for (let c = 0; c < width; c++) if (c !== idCol && share(c, (cell) => parseStatus(cell) !== null) >= 0.5) {
      statusCol = c;
      break;
    }
  }
  const docCol = column((h) => /dokumentation|bemærkning|begrundelse|kommentar|forklaring|evidens|link|note|documentation|comment|explanation/.test(h));
  let textCol = column((h) => /^(krav|beskrivelse|tekst|requirement|kriterie|spørgsmål|text|item text)/.test(h));
  if (textCol < 0 || [idCol, statusCol, docCol].includes(textCol)) {
    const used = new Set([idCol, statusCol, docCol]);
    let best = -1;
    let bestLength = -1;
    for (let c = 0; c < width; c++) {
      if (used.has(c)) continue;
      const length = table.rows.reduce((n, r) => n + (r.cells[c] ?? '').length, 0);
      if (length > bestLength) [best, bestLength] = [c, length];
    }
    textCol = best;
  }

  const rows: RawRow[] = [];
  for (const { line, cells } of table.rows) {
    let ref: string | null = null;
    let rowText = textCol >= 0 ? cells[textCol] ?? '' : '';
    const idMatch = idCol >= 0 ? ITEM_ID.exec(cells[idCol] ?? '') : null;
    if (idMatch) ref = `${idMatch[1]!.toUpperCase()}${Number(idMatch[2])}`;
    else {
      const leading = LEADING_ITEM_ID.exec(rowText);
      if (leading) {
        ref = `${leading[1]!.toUpperCase()}${Number(leading[2])}`;
        rowText = leading[3]!;
      }
    }
    if (ref === null) continue;
    let statusText = statusCol >= 0 ? cells[statusCol] ?? '' : '';
    // 2021–2023 reports may put the check box in front of the text instead of in a column of its own.
    const box = /^\s*(\[[ xX]\])\s*(.*)$/.exec(rowText);
    if (box && statusCol < 0) {
      statusText = box[1]!;
      rowText = box[2]!;
    }
    rows.push({ line, ref, text: plainText(rowText), statusText: statusText.trim(), documentation: docCol >= 0 ? plainText(cells[docCol] ?? '') : '' });
  }
  return rows;
}

function versionIndex(requirements: Requirement[], version: TemplateVersion): VersionIndex {
  const items = new Map<string, string[]>();
  for (const r of requirements) {
    const ref = r.refs?.[version];
    if (!ref) continue;
    items.set(ref, [...(items.get(ref) ?? []), r.id]);
  }
  return { items };
}

function wordingStems(requirements: Requirement[]): Map<string, Set<string>[]> {
  const byId = new Map<string, Set<string>[]>();
  const extra = ITEM_WORDINGS as Record<string, string[]>;
  for (const r of requirements) byId.set(r.id, [r.title.da, r.title.en, ...(extra[r.id] ?? [])].map(stems));
  return byId;
}

const requirementScore = (row: Set<string>, id: string, wordings: Map<string, Set<string>[]>): number =>
  Math.max(0, ...(wordings.get(id) ?? []).map((w) => matchScore(row, w)));

interface Decision {
  id: string | null;
  ids: string[];
  match: ReportRow['match'];
  problem?: RowProblem;
}

/** Maps one row: the number and the text must agree, or the row says why it could not be mapped. */
function decide(row: RawRow, index: VersionIndex, wordings: Map<string, Set<string>[]>): Decision {
  const rowStems = stems(row.text);
  const scored = [...index.items.entries()]
    .map(([item, ids]) => ({ item, ids, score: Math.max(...ids.map((id) => requirementScore(rowStems, id, wordings))) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const numbered = index.items.get(row.ref);
  const numberedScore = numbered ? scored.find((s) => s.item === row.ref)!.score : 0;

  if (!best || best.score < MIN_SCORE) {
    if (numbered) return pick(numbered, rowStems, wordings, 'number');
    return { id: null, ids: [], match: null, problem: { code: 'no-requirement', candidates: [] } };
  }
  if (numbered && numberedScore >= best.score - MARGIN) return pick(numbered, rowStems, wordings, 'number-and-text');
  const tied = scored.filter((s) => s.score >= best.score - MARGIN);
  if (tied.length > 1) {
    return { id: null, ids: [], match: null, problem: { code: 'ambiguous-text', candidates: tied.flatMap((s) => s.ids) } };
  }
  return { id: null, ids: [], match: null, problem: { code: 'number-text-mismatch', candidates: [...best.ids, ...(numbered ?? [])] } };
}

/** Within an item that covers several requirements, the one its text clearly names; else none (all apply). */
function pick(ids: string[], rowStems: Set<string>, wordings: Map<string, Set<string>[]>, match: Decision['match']): Decision {
  if (ids.length === 1) return { id: ids[0]!, ids, match };
  const scored = ids.map((id) => ({ id, score: requirementScore(rowStems, id, wordings) })).sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  const clear = first && second && first.score >= MIN_SCORE && first.score - second.score >= MARGIN;
  return { id: clear ? first.id : null, ids, match };
}

function mapRow(row: RawRow, index: VersionIndex, wordings: Map<string, Set<string>[]>): ReportRow {
  const decision = decide(row, index, wordings);
  const status = parseStatus(row.statusText);
  const out: ReportRow = { line: row.line, ref: row.ref, text: row.text, status: status ?? 'unknown', statusText: row.statusText, documentation: row.documentation, id: decision.id, ids: decision.ids, match: decision.match };
  if (decision.problem) out.problem = decision.problem;
  else if (status === null) out.problem = { code: 'no-status', candidates: [] };
  return out;
}

/** The version whose numbering most rows agree with (number and text naming the same item). */
function inferVersion(rows: RawRow[], indexes: Map<TemplateVersion, VersionIndex>, wordings: Map<string, Set<string>[]>, form: ParsedGovernanceReport['form']): TemplateVersion | null {
  if (rows.length === 0) return null;
  const refs = new Set(rows.map((r) => r.ref));
  const boxes = rows.some((r) => /^\[[ xX]\]$/.test(r.statusText));
  const scores = TEMPLATE_VERSIONS.map((version) => {
    const index = indexes.get(version)!;
    let agree = 0;
    let disagree = 0;
    for (const row of rows) {
      const d = decide(row, index, wordings);
      if (d.match === 'number-and-text') agree++;
      else if (d.problem?.code === 'number-text-mismatch' || d.problem?.code === 'ambiguous-text') disagree++;
    }
    // Structure that only some versions have: R5 and check boxes predate 2024; S5 postdates 2021-05;
    // the self-evaluation form uses the 2024 numbering.
    let structure = 0;
    if (version === '2024' && (refs.has('R5') || boxes)) structure -= 1;
    if (version === '2024' && form === 'self-evaluation') structure += 1;
    if (version === '2021-05' && refs.has('S5')) structure -= 1;
    return { version, score: agree - disagree + structure * 0.5 };
  }).sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first || first.score <= 0) return null;
  // A tie means the rows read the same in both versions; the later numbering is then as good as any.
  if (second && second.score === first.score) return TEMPLATE_VERSIONS.filter((v) => scores.find((s) => s.version === v)!.score === first.score).at(-1)!;
  return first.version;
}

/** The report's title and introduction: where a template states its version. */
const headText = (text: string): string => text.split(/\r?\n/).filter((l) => !l.includes('|')).slice(0, 40).join('\n');

const MONTHS: Record<string, number> = {
  januar: 1, january: 1, februar: 2, february: 2, marts: 3, march: 3, april: 4, maj: 5, may: 5, juni: 6, june: 6,
  juli: 7, july: 7, august: 8, september: 9, oktober: 10, october: 10, november: 11, december: 12,
};

/** A version the report states ("Skabelon version 2021-11", "udgave maj 2021", "2024-skabelonen", "Selvevaluering 2026"). */
function statedVersion(text: string): TemplateVersion | null {
  const head = headText(text);
  const numeric = /(?:version|skabelon|udgave|template)[^\n\d]{0,30}(20\d\d)(?:[-./](\d{1,2}))?|(20\d\d)(?:[-./](\d{1,2}))?[- ]?(?:version|skabelon|udgave|template)/i.exec(head);
  const worded = /(?:version|skabelon|udgave|template)[^\n]{0,30}?\b(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|october)\s+(20\d\d)/i.exec(head);
  let year: number | null = null;
  let month = 1;
  if (worded) {
    year = Number(worded[2]);
    month = MONTHS[worded[1]!.toLowerCase()] ?? 1;
  } else if (numeric) {
    year = Number(numeric[1] ?? numeric[3]);
    month = Number(numeric[2] ?? numeric[4] ?? 1);
  } else {
    const selfEvaluation = /selvevaluering[^\n]{0,40}(20\d\d)/i.exec(head);
    if (selfEvaluation) year = Number(selfEvaluation[1]);
  }
  if (year === null) return null;
  if (year >= 2024) return '2024';
  if (year > 2021 || (year === 2021 && month >= 11)) return '2021-11';
  if (year === 2021) return '2021-05';
  return null;
}

function productName(text: string): string | null {
  const title = /^#\s+(.+)$/m.exec(text)?.[1];
  if (!title) return null;
  const named = /(?:[:–—]|\s-\s|\bfor\b)\s*(.+)$/i.exec(plainText(title))?.[1]?.trim();
  return named && named.length <= 80 ? named : null;
}
