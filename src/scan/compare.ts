/** History: what moved since a previous scan, product by product, item by item and requirement by requirement. */
import { SATISFIES } from '../evaluate/types.js';
import type { HistoryPoint, ItemChange, ProductMovement, ScanComparison, ScanEntry, ScanReport } from './model.js';
import { byName } from './summary.js';

const met = (e: ScanEntry | undefined): Set<string> | null =>
  e?.status === 'ok' ? new Set(e.result.requirements.filter((r) => SATISFIES.has(r.outcome)).map((r) => r.id)) : null;

/** Levels compare with "minimum not met" (null) below level 0. */
const rank = (level: number | null): number => (level === null ? -1 : level);

/** Items that turned green (met now, not before) and red (not met now, met or partly met before). */
function itemChanges(before: ScanEntry, now: ScanEntry): { turnedGreen: ItemChange[]; turnedRed: ItemChange[] } {
  if (before.status !== 'ok' || now.status !== 'ok') return { turnedGreen: [], turnedRed: [] };
  // Older reports may lack items: then nothing is said to have changed.
  const was = new Map((before.result.items ?? []).map((i) => [i.id, i.status]));
  const turnedGreen: ItemChange[] = [];
  const turnedRed: ItemChange[] = [];
  for (const item of now.result.items ?? []) {
    const prev = was.get(item.id);
    if (prev === undefined) continue;
    if (item.status === 'met' && prev !== 'met') turnedGreen.push({ id: item.id, title: item.title });
    if (item.status === 'not-met' && (prev === 'met' || prev === 'partly-met')) turnedRed.push({ id: item.id, title: item.title });
  }
  return { turnedGreen, turnedRed };
}

const none = { newlyMet: [], lost: [], turnedGreen: [], turnedRed: [] };

export function compareScans(current: ScanEntry[], previous: ScanReport): ScanComparison {
  const before = new Map(previous.products.map((e) => [e.name, e]));
  const now = new Map(current.map((e) => [e.name, e]));
  const products: ProductMovement[] = [];
  for (const e of current) {
    const p = before.get(e.name);
    const to = e.status === 'ok' ? e.result.achievedLevel : null;
    const from = p?.status === 'ok' ? p.result.achievedLevel : null;
    if (!p) {
      products.push({ name: e.name, movement: 'new', from: null, to, ...none });
      continue;
    }
    const a = met(p);
    const b = met(e);
    if (!a || !b) {
      products.push({ name: e.name, movement: 'unknown', from, to, ...none });
      continue;
    }
    const movement = rank(to) > rank(from) ? 'up' : rank(to) < rank(from) ? 'down' : 'same';
    products.push({
      name: e.name,
      movement,
      from,
      to,
      newlyMet: [...b].filter((id) => !a.has(id)).sort(),
      lost: [...a].filter((id) => !b.has(id)).sort(),
      ...itemChanges(p, e),
    });
  }
  for (const p of previous.products) {
    if (!now.has(p.name)) products.push({ name: p.name, movement: 'removed', from: p.status === 'ok' ? p.result.achievedLevel : null, to: null, ...none });
  }
  return { previousAsOf: previous.asOf, products: products.sort(byName) };
}

/** A scan report as one point of history. */
export const historyPoint = (r: Pick<ScanReport, 'asOf' | 'summary'>): HistoryPoint => ({ asOf: r.asOf, products: r.summary.products, errors: r.summary.errors, levels: { ...r.summary.levels } });

/**
 * The history a report shows: earlier points (the cache's, and the compared scan's own history and
 * itself), oldest first, one point per date (the latest wins), ending with this scan.
 */
export function mergeHistory(earlier: HistoryPoint[], previous: ScanReport | null, current: HistoryPoint): HistoryPoint[] {
  const byDate = new Map<string, HistoryPoint>();
  for (const p of [...earlier, ...(previous?.history ?? []), ...(previous ? [historyPoint(previous)] : []), current]) byDate.set(p.asOf, p);
  return [...byDate.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
