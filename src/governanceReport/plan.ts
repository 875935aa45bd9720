/**
 * What a parsed governance report can carry into os2.yaml, decided row by row and without touching
 * any file: declarations for met items (where MANIFEST_FIELDS names a field), explanations for
 * unmet items with a reason, not-applicable entries for items declared not relevant. Everything
 * else is listed with a code saying why it was not carried.
 */
import type { LevelCatalogue } from '../levels/types.js';
import { fieldsFor, type FieldMapping } from './manifestFields.js';
import type { ParsedGovernanceReport, ReportRow } from './types.js';
import { firstDate, firstUrl, pathCandidates, prose } from './values.js';

export interface PlannedValue {
  /** Path in os2.yaml, one segment per key. */
  path: string[];
  value: string | boolean;
}

export type ActionKind = 'declare' | 'explain' | 'not-applicable';

export interface ImportAction {
  kind: ActionKind;
  row: ReportRow;
  /** The requirement(s) the action is for. */
  ids: string[];
  /** Values written together or not at all. */
  values: PlannedValue[];
}

export type SkipCode =
  /** The row has a problem (unmapped, ambiguous, unreadable status); see `row.problem`. */
  | 'row-problem'
  /** ❓ / Ved ikke: nothing to carry. */
  | 'status-unknown'
  /** Met, but the repository decides the requirement; os2.yaml has no field for it. */
  | 'decided-from-repository'
  /** Met, but no manifest field can take the documentation safely. */
  | 'no-safe-field'
  /** Met, with a field, but the documentation lacks what the field needs (`detail` names it). */
  | 'missing-value'
  /** Met, and several of the item's requirements have fields: which one the text means is unclear. */
  | 'several-fields'
  /** Not met, and the item covers several requirements: which one is not met is unclear. */
  | 'several-requirements'
  /** Not met or not relevant, but the documentation gives no reason. */
  | 'no-reason';

export interface ImportSkip {
  row: ReportRow;
  ids: string[];
  code: SkipCode;
  /** Field paths or values concerned, e.g. the missing `governance.board.approved.date`. */
  detail: string[];
}

export interface ImportPlan {
  report: ParsedGovernanceReport;
  actions: ImportAction[];
  skipped: ImportSkip[];
}

export interface PlanOptions {
  /** True when a repository path exists (paths in os2.yaml must exist); default: no path is trusted. */
  pathExists?: (path: string) => boolean;
}

export function planImport(report: ParsedGovernanceReport, catalogue: LevelCatalogue, opts: PlanOptions = {}): ImportPlan {
  const actions: ImportAction[] = [];
  const skipped: ImportSkip[] = [];
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const skip = (row: ReportRow, code: SkipCode, ids: string[] = row.id ? [row.id] : row.ids, detail: string[] = []): void => {
    skipped.push({ row, ids, code, detail });
  };

  for (const row of report.rows) {
    if (row.problem) {
      skip(row, 'row-problem', row.problem.candidates);
      continue;
    }
    const reason = row.documentation.trim();
    switch (row.status) {
      case 'unknown':
        skip(row, 'status-unknown');
        break;
      case 'not-met':
        if (!row.id && row.ids.length > 1) skip(row, 'several-requirements', row.ids);
        else if (!reason) skip(row, 'no-reason');
        else actions.push({ kind: 'explain', row, ids: [row.id!], values: [{ path: ['explanations', row.id!, 'reason'], value: reason }] });
        break;
      case 'not-relevant': {
        // An item is not relevant only when all its requirements are not: the whole item goes.
        const ids = row.id ? [row.id] : row.ids;
        if (!reason) skip(row, 'no-reason', ids);
        else actions.push({ kind: 'not-applicable', row, ids, values: ids.map((id) => ({ path: ['notApplicable', id], value: reason })) });
        break;
      }
      case 'met': {
        // A met item means all its requirements are met; the field is the named one's, or the only one.
        const withFields = row.id && fieldsFor(row.id) ? [row.id] : row.ids.filter((id) => fieldsFor(id));
        if (withFields.length > 1) {
          skip(row, 'several-fields', withFields);
          break;
        }
        const id = withFields[0];
        if (!id) {
          const ids = row.id ? [row.id] : row.ids;
          const repoOnly = ids.every((i) => !(byId.get(i)?.evidence ?? []).includes('declared'));
          skip(row, repoOnly ? 'decided-from-repository' : 'no-safe-field', ids);
          break;
        }
        const read = readValues(fieldsFor(id)!, reason, opts.pathExists ?? (() => false));
        if ('missing' in read) skip(row, 'missing-value', [id], read.missing);
        else actions.push({ kind: 'declare', row, ids: [id], values: read.values });
        break;
      }
    }
  }
  return { report, actions, skipped };
}

function readValues(fields: FieldMapping[], documentation: string, pathExists: (p: string) => boolean): { values: PlannedValue[] } | { missing: string[] } {
  const values: PlannedValue[] = [];
  const missing: string[] = [];
  for (const field of fields) {
    const value = readValue(field, documentation, pathExists);
    if (value !== null) values.push({ path: field.path.split('.'), value });
    else if (field.required) missing.push(field.path);
  }
  if (missing.length > 0) return { missing };
  if (values.length === 0) return { missing: fields.map((f) => f.path) };
  return { values };
}

function readValue(field: FieldMapping, documentation: string, pathExists: (p: string) => boolean): string | boolean | null {
  switch (field.value) {
    case 'true':
      return true;
    case 'url':
      return firstUrl(documentation);
    case 'url-or-path':
      return firstUrl(documentation) ?? pathCandidates(documentation).find(pathExists) ?? null;
    case 'date':
      return firstDate(documentation);
    case 'text': {
      // A bare file name that is not in the repository would be a dangling path, not a description.
      const text = documentation.trim();
      const paths = pathCandidates(text);
      if (paths.length === 1 && paths[0] === text && !pathExists(text)) return null;
      return text || null;
    }
    case 'prose': {
      const text = prose(documentation);
      return text.split(' ').length >= 2 ? text : null;
    }
  }
}
