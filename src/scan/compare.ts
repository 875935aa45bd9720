/** History: what moved since a previous scan, product by product and requirement by requirement. */
import { SATISFIES } from '../evaluate/types.js';
import type { ProductMovement, ScanComparison, ScanEntry, ScanReport } from './model.js';
import { byName } from './summary.js';

const met = (e: ScanEntry | undefined): Set<string> | null =>
  e?.status === 'ok' ? new Set(e.result.requirements.filter((r) => SATISFIES.has(r.outcome)).map((r) => r.id)) : null;

/** Levels compare with "minimum not met" (null) below level 0. */
const rank = (level: number | null): number => (level === null ? -1 : level);

export function compareScans(current: ScanEntry[], previous: ScanReport): ScanComparison {
  const before = new Map(previous.products.map((e) => [e.name, e]));
  const now = new Map(current.map((e) => [e.name, e]));
  const products: ProductMovement[] = [];
  for (const e of current) {
    const p = before.get(e.name);
    const to = e.status === 'ok' ? e.result.achievedLevel : null;
    const from = p?.status === 'ok' ? p.result.achievedLevel : null;
    if (!p) {
      products.push({ name: e.name, movement: 'new', from: null, to, newlyMet: [], lost: [] });
      continue;
    }
    const a = met(p);
    const b = met(e);
    if (!a || !b) {
      products.push({ name: e.name, movement: 'unknown', from, to, newlyMet: [], lost: [] });
      continue;
    }
    const movement = rank(to) > rank(from) ? 'up' : rank(to) < rank(from) ? 'down' : 'same';
    products.push({ name: e.name, movement, from, to, newlyMet: [...b].filter((id) => !a.has(id)).sort(), lost: [...a].filter((id) => !b.has(id)).sort() });
  }
  for (const p of previous.products) {
    if (!now.has(p.name)) products.push({ name: p.name, movement: 'removed', from: p.status === 'ok' ? p.result.achievedLevel : null, to: null, newlyMet: [], lost: [] });
  }
  return { previousAsOf: previous.asOf, products: products.sort(byName) };
}
