/**
 * Carrying an import plan into an os2.yaml document (yaml's Document API, so comments and layout of
 * the existing manifest survive). An action is applied whole or not at all; a value already in the
 * manifest is never replaced unless `force` is given, and an explanation never coexists with a
 * not-applicable entry for the same requirement.
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { ImportAction, ImportPlan, PlannedValue } from './plan.js';

export interface Conflict {
  action: ImportAction;
  path: string[];
  existing: unknown;
  proposed: unknown;
}

export interface MergeResult {
  /** Actions whose values were written. */
  applied: ImportAction[];
  /** Actions whose values were already in the manifest. */
  unchanged: ImportAction[];
  /** Actions not applied because the manifest says otherwise (applied anyway with `force`). */
  conflicts: Conflict[];
}

const toJs = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v);

/** The value already at `path`, or undefined; a scalar where a map is needed counts as the value in the way. */
function existingAt(doc: Document, path: string[]): { found: boolean; value: unknown; path: string[] } {
  for (let i = 1; i < path.length; i++) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (parent === undefined || parent === null) return { found: false, value: undefined, path };
    if (!isMap(parent)) return { found: true, value: toJs(parent), path: path.slice(0, i) };
  }
  const node = doc.getIn(path, true);
  if (node === undefined) return { found: false, value: undefined, path };
  return { found: true, value: toJs(node), path };
}

const same = (existing: unknown, proposed: unknown): boolean =>
  existing === proposed || (Array.isArray(existing) && existing.includes(proposed)) || (typeof existing === 'string' && typeof proposed === 'string' && existing.trim() === proposed.trim());

/** The entry in the other section (explanations ↔ notApplicable) that the action would contradict. */
function opposite(action: ImportAction, id: string): string[] | null {
  if (action.kind === 'explain') return ['notApplicable', id];
  if (action.kind === 'not-applicable') return ['explanations', id];
  return null;
}

export function mergePlan(doc: Document, plan: ImportPlan, opts: { force?: boolean } = {}): MergeResult {
  const result: MergeResult = { applied: [], unchanged: [], conflicts: [] };
  for (const action of plan.actions) {
    const conflicts: Conflict[] = [];
    const toWrite: PlannedValue[] = [];
    for (const planned of action.values) {
      const existing = existingAt(doc, planned.path);
      if (!existing.found) toWrite.push(planned);
      else if (!same(existing.value, planned.value)) conflicts.push({ action, path: existing.path, existing: existing.value, proposed: planned.value });
    }
    const removals: string[][] = [];
    for (const id of action.ids) {
      const other = opposite(action, id);
      if (other && doc.hasIn(other)) {
        conflicts.push({ action, path: other, existing: toJs(doc.getIn(other, true)), proposed: undefined });
        removals.push(other);
      }
    }
    if (conflicts.length > 0 && !opts.force) {
      result.conflicts.push(...conflicts);
      continue;
    }
    for (const path of removals) {
      doc.deleteIn(path);
      const section = doc.getIn([path[0]!], true);
      if ((isMap(section) || isSeq(section)) && section.items.length === 0) doc.deleteIn([path[0]!]);
    }
    // With force, conflicting values are replaced too (a scalar in the way of a map is replaced whole).
    const writes = opts.force ? action.values : toWrite;
    for (const c of opts.force ? conflicts : []) if (c.path.length < c.action.values[0]!.path.length && c.proposed !== undefined) doc.deleteIn(c.path);
    for (const planned of writes) doc.setIn(planned.path, planned.value);
    if (writes.length === 0 && removals.length === 0) result.unchanged.push(action);
    else result.applied.push(action);
  }
  return result;
}
