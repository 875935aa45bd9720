/** Pure decisions over scan entries: area status per product, the level distribution, ordering. */
import { SATISFIES } from '../evaluate/types.js';
import type { Area } from '../levels/types.js';
import type { RepositoryResult } from '../report/model.js';
import type { AreaStatus, ScanEntry, ScanSummary } from './model.js';

export const AREAS: readonly Area[] = ['documentation', 'versioning', 'tests', 'operations', 'legal', 'relevance', 'governance', 'strategy'];

/** Must-requirements up to the next level (all of them at the top level), per area. */
export function areaStatuses(result: RepositoryResult): AreaStatus[] {
  const upTo = result.nextLevel ?? 3;
  return AREAS.map((area) => {
    const reqs = result.requirements.filter((r) => r.area === area && r.strength === 'must' && r.level <= upTo);
    const unmet = reqs.filter((r) => !SATISFIES.has(r.outcome));
    return { area, total: reqs.length, unmet: unmet.length, unknown: unmet.filter((r) => r.outcome === 'unknown').length };
  });
}

export function summarise(entries: ScanEntry[]): ScanSummary {
  const levels: ScanSummary['levels'] = { none: 0, '0': 0, '1': 0, '2': 0, '3': 0 };
  let errors = 0;
  for (const e of entries) {
    if (e.status === 'error') errors++;
    else levels[e.result.achievedLevel === null ? 'none' : (String(e.result.achievedLevel) as '0')]++;
  }
  return { products: entries.length, errors, levels };
}

/** Byte order, the same on every machine. */
export const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
