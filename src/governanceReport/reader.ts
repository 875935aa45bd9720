/**
 * Reads a governance report or self-evaluation as OS2's products write them: checklist tables (any
 * column order; header names from every template generation; a check box, symbol or word as the
 * status), one `## F12 - text` heading per item with `**Status:**` lines, or the 2026 form's JSON
 * export. Built on the one Markdown reader (src/markdown/parse.ts). Pure: text in, items out.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { ChecklistGeneration } from '../checklist/types.js';
import type { Checklists } from '../checklist/types.js';
import { frontMatterSource, lineOf, markdownLinks, markdownTables, parseMarkdown, plainText, type MarkdownCell, type MarkdownTable } from '../markdown/parse.js';
import { calendarDate } from '../manifest/calendarDate.js';
import { isPlaceholder } from './placeholders.js';
import { readStatus } from './status.js';
import { matchScore, stems } from './textMatch.js';
import type { GovernanceReportReading, ItemState, ReadReportOptions, ReportItem, ReportLayout } from './types.js';

/** An item as found in the text, before it is tied to a generation. */
interface RawItem {
  id: string;
  title: string;
  statusText: string;
  documentation: string;
  references: string[];
  line: number;
}

interface Found {
  layout: ReportLayout;
  items: RawItem[];
  /** Header names of the checklist tables, lower-cased. */
  headers: string[];
  productName: string | null;
  date: string | null;
}

const ITEM_ID = /^([RFSG])\s?(\d{1,2})\.?$/i;
const LEADING_ID = /^([RFSG])\s?(\d{1,2})\b\s*[.:)–—-]*\s*(.*)$/i;
const normaliseId = (letter: string, n: string): string => `${letter.toUpperCase()}${Number(n)}`;

export interface ReaderOptions extends ReadReportOptions {
  /** Only its checklist generations are used: a LevelCatalogue, or `{ checklists }` alone. */
  catalogue: { checklists: Pick<Checklists, 'generations'> };
}

/** Reads a report's text (Markdown, or the self-evaluation's JSON export). */
export function readGovernanceReportText(text: string, opts: ReaderOptions): GovernanceReportReading {
  const source = text.replace(/^\uFEFF/, '');
  const found = looksLikeJson(source) ? readJsonExport(source) : readMarkdown(source);
  const path = opts.path ?? null;
  const date = found.date ?? dateInName(path);
  const generations = opts.catalogue.checklists.generations;
  const { generation, basis } = recogniseGeneration(found, generations, date);
  const form = found.layout === 'json' || generation.id >= '2026' || found.headers.some((h) => h.startsWith('efterlevet')) ? 'self-evaluation' : 'governance-report';
  const byId = new Map(generation.items.map((i) => [i.id, i]));

  const seen = new Set<string>();
  const items: ReportItem[] = found.items.map((raw) => {
    const def = byId.get(raw.id);
    const item = readItem(raw, def?.parts.map((p) => p.id) ?? []);
    if (!def) return { ...item, state: 'unreadable', status: null, problem: 'no-item' };
    if (mismatched(raw, def.id, generation)) return { ...item, state: 'unreadable', status: null, problem: 'number-text-mismatch', requirements: [] };
    if (item.state === 'unreadable') return item;
    if (seen.has(raw.id)) return { ...item, state: 'unreadable', status: null, problem: 'duplicate' };
    seen.add(raw.id);
    return item;
  });

  // A copied template nobody filled in: the boxes it came with are no answers either.
  const blank = items.length > 0 && items.every((i) => i.documentation === '' && (i.state !== 'read' || BOX_ONLY.test(i.statusText)));
  const final = blank ? items.map((i): ReportItem => (i.state === 'unreadable' ? i : { ...i, state: 'not-filled', status: null })) : items;
  const tally: Record<ItemState, number> = { read: 0, placeholder: 0, 'not-filled': 0, unreadable: 0 };
  for (const i of final) tally[i.state]++;
  return { path, layout: found.layout, form, generation: generation.id, generationBasis: basis, productName: found.productName, date, blank, items: final, tally };
}

const BOX_ONLY = /^\[\s*[xX]?\s*\]$|^[☑☐]/u;
const EMPTY_BOX = /^\[\s*\]$|^☐/u;

function readItem(raw: RawItem, requirements: string[]): ReportItem {
  const base = { id: raw.id, title: raw.title, requirements, statusText: raw.statusText, references: raw.references, line: raw.line };
  const docPlaceholder = isPlaceholder(raw.documentation);
  const documentation = docPlaceholder ? '' : raw.documentation;
  const placeholderText = docPlaceholder ? raw.documentation : undefined;
  if (isPlaceholder(raw.statusText) && raw.statusText.trim() !== '?' && raw.statusText.trim() !== '-') {
    return { ...base, status: null, state: 'placeholder', documentation, placeholder: raw.statusText };
  }
  const status = readStatus(raw.statusText);
  if ('unreadable' in status) return { ...base, status: null, state: 'unreadable', problem: status.unreadable, documentation, ...(placeholderText ? { placeholder: placeholderText } : {}) };
  if ('empty' in status) return { ...base, status: null, state: docPlaceholder || !documentation ? 'not-filled' : 'unreadable', ...(docPlaceholder || !documentation ? {} : { problem: 'unknown-status' as const }), documentation, ...(placeholderText ? { placeholder: placeholderText } : {}) };
  // An empty box with nothing written beside it is the template as copied, not a "no" someone gave.
  if (status.status === 'not-met' && EMPTY_BOX.test(raw.statusText.trim()) && !documentation) {
    return { ...base, status: null, state: 'not-filled', documentation: '', ...(placeholderText ? { placeholder: placeholderText } : {}) };
  }
  if (docPlaceholder) return { ...base, status: status.status, state: 'placeholder', documentation: '', placeholder: raw.documentation };
  return { ...base, status: status.status, state: 'read', documentation };
}

/** The id names an item whose wording the text does not share, while another item's wording fits well. */
function mismatched(raw: RawItem, id: string, generation: ChecklistGeneration): boolean {
  const title = stems(raw.title);
  if (title.size === 0) return false;
  // A form os2level wrote in English carries the English titles; both languages are OS2's wording.
  const score = (item: ChecklistGeneration['items'][number]): number =>
    Math.max(matchScore(title, stems(item.title.da)), item.title.en ? matchScore(title, stems(item.title.en)) : 0);
  const own = Math.max(...generation.items.filter((i) => i.id === id).map(score));
  if (own >= 0.34) return false;
  const best = Math.max(0, ...generation.items.filter((i) => i.id !== id).map(score));
  return best >= 0.6 && best - own >= 0.3;
}

// ---------------------------------------------------------------------------------------------
// Which generation

/**
 * The generation whose items and wording the report follows: per generation, how well each item's
 * text matches the item of that id, less the ids it does not have; the column headers of a
 * generation's form count too. Generations that read the same are told apart by the report's date.
 */
function recogniseGeneration(found: Found, generations: ChecklistGeneration[], date: string | null): { generation: ChecklistGeneration; basis: 'content' | 'default' } {
  const latest = generations.reduce((a, b) => (b.from > a.from ? b : a));
  if (found.items.length === 0) return { generation: latest, basis: 'default' };
  const scored = generations.map((g) => {
    const byId = new Map(g.items.map((i) => [i.id, i]));
    let score = 0;
    for (const raw of found.items) {
      const def = byId.get(raw.id);
      if (!def) {
        score -= 1;
        continue;
      }
      const title = stems(raw.title);
      score += title.size === 0 ? 0.2 : matchScore(title, stems(def.title.da));
    }
    score -= 0.5 * g.items.filter((i) => !found.items.some((r) => r.id === i.id)).length / Math.max(1, g.items.length) * found.items.length / 10;
    const header = g.documentationHeader?.toLowerCase();
    if (header && found.headers.includes(header)) score += 1;
    if (g.id >= '2026' && (found.layout === 'json' || found.headers.some((h) => h.startsWith('efterlevet')))) score += 2;
    return { g, score };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const tied = scored.filter((s) => s.score >= best - 0.05).map((s) => s.g).sort((a, b) => a.from.localeCompare(b.from));
  const dated = date ? tied.filter((g) => g.from <= date) : [];
  return { generation: (dated.length ? dated : tied).at(-1)!, basis: 'content' };
}

// ---------------------------------------------------------------------------------------------
// Markdown layouts

function readMarkdown(text: string): Found {
  const root = parseMarkdown(text);
  const tables = markdownTables(root, text);
  const headers: string[] = [];
  const items: RawItem[] = [];
  for (const table of tables) {
    const rows = readTable(table);
    if (rows.length === 0) continue;
    headers.push(...table.header.map((h) => h.text.toLowerCase()).filter(Boolean));
    items.push(...rows);
  }
  const layout: ReportLayout = items.length > 0 ? 'table' : 'headings';
  if (items.length === 0) items.push(...readHeadingItems(root));
  return { layout, items, headers, productName: productName(root), date: statedDate(root) };
}

const HEADER_ID = /^(#|nr\.?|no\.?|id|punkt|krav ?nr\.?|nummer|item)$/;
const HEADER_STATUS = /^(🔽|status|opfyldt|efterlevet\??|svar|besvarelse|vurdering|ja\/nej|answer|met)$/u;
const HEADER_DOC = /dokumentation|henvisning|bemærkning|begrundelse|kommentar|forklaring|evidens|documentation|comment|explanation|reference/;
const HEADER_TEXT = /^(krav|kravtekst|kriterie|beskrivelse|tekst|requirement|spørgsmål|text)$/;
const HEADER_OTHER = /^(niveau|produktniveau|level|retningslinjer|guidelines|vejledning)$/;

/** A table's rows that have an item id; other tables (a legend, a summary) give none. */
function readTable(table: MarkdownTable): RawItem[] {
  const header = table.header.map((h) => h.text.toLowerCase().replace(/\s+/g, ' ').trim());
  const width = Math.max(header.length, ...table.rows.map((r) => r.cells.length));
  const cell = (cells: MarkdownCell[], c: number): MarkdownCell | undefined => (c >= 0 ? cells[c] : undefined);
  const share = (c: number, test: (t: string) => boolean): number => table.rows.filter((r) => test(r.cells[c]?.text ?? '')).length / Math.max(1, table.rows.length);

  let idCol = header.findIndex((h) => HEADER_ID.test(h));
  if (idCol < 0 || share(idCol, (t) => ITEM_ID.test(t)) < 0.5) {
    idCol = -1;
    for (let c = 0; c < width && idCol < 0; c++) if (share(c, (t) => ITEM_ID.test(t)) >= 0.5) idCol = c;
  }
  const docCol = header.findIndex((h, c) => c !== idCol && HEADER_DOC.test(h));
  let textCol = header.findIndex((h, c) => c !== idCol && c !== docCol && HEADER_TEXT.test(h));
  let statusCol = header.findIndex((h, c) => c !== idCol && HEADER_STATUS.test(h));
  if (statusCol < 0) {
    // The template's unnamed first column of check boxes, or whichever column holds statuses.
    const used = new Set([idCol, docCol, textCol]);
    for (let c = 0; c < width && statusCol < 0; c++) {
      if (used.has(c) || HEADER_OTHER.test(header[c] ?? '')) continue;
      if ((header[c] ?? '') === '' || share(c, (t) => !('unreadable' in readStatus(t))) >= 0.5) statusCol = c;
    }
  }
  if (textCol < 0) {
    let longest = -1;
    for (let c = 0; c < width; c++) {
      if ([idCol, docCol, statusCol].includes(c) || HEADER_OTHER.test(header[c] ?? '')) continue;
      const length = table.rows.reduce((n, r) => n + (r.cells[c]?.text.length ?? 0), 0);
      if (length > longest) [textCol, longest] = [c, length];
    }
  }

  const out: RawItem[] = [];
  for (const row of table.rows) {
    let title = cell(row.cells, textCol)?.text ?? '';
    let id: string | null = null;
    const idMatch = ITEM_ID.exec(cell(row.cells, idCol)?.text ?? '');
    if (idMatch) id = normaliseId(idMatch[1]!, idMatch[2]!);
    else {
      const leading = LEADING_ID.exec(title);
      if (leading) [id, title] = [normaliseId(leading[1]!, leading[2]!), leading[3]!];
    }
    if (id === null) continue;
    let statusText = cell(row.cells, statusCol)?.text ?? '';
    // Boxes in front of the item text ("[x] Løsningen skaber lokal værdi") when there is no status column.
    const box = /^(\[\s*[xX]?\s*\])\s*(.*)$/.exec(title);
    if (box && statusCol < 0) [statusText, title] = [box[1]!, box[2]!];
    const doc = cell(row.cells, docCol);
    const references = [...(doc?.urls ?? []), ...(cell(row.cells, textCol)?.urls ?? []).filter((u) => !u.includes('os2.eu/side/'))];
    out.push({ id, title: title.replace(/\(anbefaling\)/gi, '').trim(), statusText, documentation: doc?.text ?? '', references: dedupe([...references, ...urlsIn(doc?.text ?? '')]), line: row.line });
  }
  return out;
}

/** `## F12 - text` headings, each followed by `**Status:** Ja` and `**Dokumentation:** …` lines or paragraphs. */
function readHeadingItems(root: Root): RawItem[] {
  const out: RawItem[] = [];
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading') continue;
    const m = LEADING_ID.exec(plainText(node));
    if (!m) continue;
    const body: RootContent[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const next = children[j]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      body.push(next);
    }
    const fields = labelledLines(body);
    const statusText = fields.get('status') ?? fields.get('efterlevet') ?? fields.get('svar') ?? '';
    const doc = fields.get('dokumentation') ?? fields.get('beskrivelse') ?? fields.get('henvisning') ?? fields.get('begrundelse') ?? fields.get('documentation') ?? unlabelledText(body);
    const urls = markdownLinks({ type: 'root', children: body } as Root).map((l) => l.url);
    out.push({ id: normaliseId(m[1]!, m[2]!), title: m[3]!.replace(/\(anbefaling\)/gi, '').trim(), statusText, documentation: doc, references: dedupe([...urls, ...urlsIn(doc)]), line: lineOf(node) });
  }
  return out;
}

/** "**Label:** value" lines of paragraphs and list items, by lower-cased label; a later line of the same label adds to it. */
function labelledLines(body: RootContent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of lineTexts(body)) {
    const m = /^([\p{L} /?]{2,30}?)\s*:\s*(.*)$/u.exec(text);
    if (!m) continue;
    const label = m[1]!.toLowerCase().replace(/\?$/, '').trim().split(/[ /]/)[0]!;
    if (!out.has(label)) out.set(label, m[2]!.trim());
  }
  return out;
}

/** The paragraphs' text that is not a labelled line (the documentation when it has no label). */
function unlabelledText(body: RootContent[]): string {
  return lineTexts(body).filter((t) => !/^[\p{L} /?]{2,30}?\s*:/u.test(t)).join(' ').trim();
}

/** Each line of the body's paragraphs as plain text (a soft line break separates labelled lines). */
function lineTexts(body: RootContent[]): string[] {
  const out: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'paragraph') {
      let current: Nodes[] = [];
      const flush = (): void => {
        const t = plainText({ type: 'paragraph', children: current } as Nodes);
        if (t) out.push(t);
        current = [];
      };
      for (const child of n.children) {
        if (child.type === 'break') flush();
        else if (child.type === 'text' && child.value.includes('\n')) {
          const [first, ...rest] = child.value.split('\n');
          current.push({ type: 'text', value: first! });
          for (const part of rest) {
            flush();
            current.push({ type: 'text', value: part });
          }
        } else current.push(child);
      }
      flush();
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  for (const n of body) walk(n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The 2026 form's JSON export

const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

interface JsonExport {
  productName?: unknown;
  filledDate?: unknown;
  krav?: unknown;
}

function readJsonExport(text: string): Found {
  let data: JsonExport;
  try {
    data = JSON.parse(text) as JsonExport;
  } catch {
    return { layout: 'json', items: [], headers: [], productName: null, date: null };
  }
  const krav = Array.isArray(data.krav) ? data.krav : [];
  const items: RawItem[] = [];
  let from = 0;
  for (const k of krav) {
    if (!k || typeof k !== 'object') continue;
    const entry = k as Record<string, unknown>;
    const m = ITEM_ID.exec(String(entry.id ?? '').trim());
    if (!m) continue;
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    // The line of this entry's "id" in the text, searched onward from the previous entry.
    const at = text.indexOf(`"${String(entry.id)}"`, from);
    if (at >= 0) from = at + 1;
    const line = at >= 0 ? text.slice(0, at).split('\n').length : 1;
    const documentation = str(entry.dokumentation).replace(/\s+/g, ' ').trim();
    items.push({ id: normaliseId(m[1]!, m[2]!), title: str(entry.krav).replace(/\(anbefaling\)/gi, '').trim(), statusText: str(entry.efterlevet), documentation, references: urlsIn(documentation), line });
  }
  const name = typeof data.productName === 'string' && data.productName.trim() ? data.productName.trim() : null;
  const date = typeof data.filledDate === 'string' ? isoDate(data.filledDate) : null;
  return { layout: 'json', items, headers: [], productName: name, date };
}

// ---------------------------------------------------------------------------------------------
// Product name and date

const TITLE_WORDS = /\b(governance[ -]?rapport(en)?|governance[ -]?report|selvevaluering|self-evaluation|skabelon|for|til|af)\b/gi;

function productName(root: Root): string | null {
  const front = frontMatterSource(root);
  const fromFront = front ? /^title\s*:\s*["']?(.+?)["']?\s*$/m.exec(front)?.[1] : undefined;
  const produkt = lineTexts(root.children.filter((n) => n.type === 'paragraph' || n.type === 'blockquote'))
    .map((t) => /^(produkt|produktnavn|product)\s*:\s*(.+)$/i.exec(t)?.[2])
    .find(Boolean);
  const headings = root.children.filter((n): n is Extract<RootContent, { type: 'heading' }> => n.type === 'heading');
  const title = headings.find((h) => h.depth === 1) ?? headings[0];
  const first = root.children.find((n) => n.type !== 'yaml' && n.type !== 'html');
  const lone = first?.type === 'paragraph' && /^OS2[\p{L}\d -]{1,40}$/u.test(plainText(first)) ? plainText(first) : undefined;
  for (const candidate of [produkt, fromFront, title ? plainText(title) : undefined, lone]) {
    const name = candidate
      ?.replace(TITLE_WORDS, ' ')
      .replace(/\b20\d\d(-\d\d(-\d\d)?)?\b/g, ' ')
      .replace(/[:–—|]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[-\s]+|[-\s]+$/g, '')
      // "OS2displays' Governance Report", "OS2kitos's governancerapport"
      .replace(/(s'|'s|')$/, '');
    if (name && name.length <= 80 && !/indsæt navnet/i.test(name)) return name;
  }
  return null;
}

const isoDate = (text: string): string | null => {
  const m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text) ?? null;
  if (m) return calendarDate(+m[1]!, +m[2]!, +m[3]!);
  const d = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/.exec(text);
  return d ? calendarDate(+d[3]!, +d[2]!, +d[1]!) : null;
};

/** "Dato for udfyldelse: 2026-06-23", "Dato: 23.06.2026", or a front-matter `date:`. */
function statedDate(root: Root): string | null {
  const front = frontMatterSource(root);
  const fromFront = front ? /^date\s*:\s*["']?([^"'\n]+)/m.exec(front)?.[1] : undefined;
  if (fromFront) {
    const d = isoDate(fromFront);
    if (d) return d;
  }
  const paragraphs = root.children.filter((n) => n.type === 'paragraph' || n.type === 'blockquote' || n.type === 'list');
  for (const t of lineTexts(paragraphs)) {
    const m = /^(dato|dato for udfyldelse|udfyldt den|date|filled in)\s*:\s*(.+)$/i.exec(t);
    if (m) {
      const d = isoDate(m[2]!);
      if (d) return d;
    }
  }
  return null;
}

function dateInName(path: string | null): string | null {
  if (!path) return null;
  const name = path.split(/[\\/]/).at(-1) ?? '';
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  return m ? calendarDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

// ---------------------------------------------------------------------------------------------

const URLS = /https?:\/\/[^\s<>()[\]"'|]+/gi;
const urlsIn = (text: string): string[] => [...text.matchAll(URLS)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
const dedupe = (list: string[]): string[] => [...new Set(list)];
