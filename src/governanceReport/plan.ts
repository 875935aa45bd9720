/**
 * What a governance report read back can carry into os2.yaml, decided item by item and without
 * touching any file: declarations for met items (where MANIFEST_FIELDS names a field) and
 * not-applicable entries for items declared not relevant with a reason. A "no" is never an
 * explanation: comply-or-explain needs a reason a person wrote in os2.yaml. Everything else is
 * listed with a code saying why it was not carried.
 */
import type { LevelCatalogue } from '../levels/types.js';
import { fieldsFor, type FieldMapping } from './manifestFields.js';
import type { GovernanceReportReading, ReportItem } from './types.js';
import { firstDate, firstUrl, pathCandidates, prose } from './values.js';

export interface PlannedValue {
  /** Path in os2.yaml, one segment per key. */
  path: string[];
  value: string | boolean;
}

export type ActionKind = 'declare' | 'explain' | 'not-applicable';

export interface ImportAction {
  kind: ActionKind;
  item: ReportItem;
  /** The requirement(s) the action is for. */
  ids: string[];
  /** Values written together or not at all. */
  values: PlannedValue[];
}

export type SkipCode =
  /** The item could not be read (see `item.problem`). */
  | 'unreadable'
  /** Nothing was answered. */
  | 'not-filled'
  /** The status or the documentation is the form's placeholder. */
  | 'placeholder'
  /** Ved ikke: nothing to carry. */
  | 'status-unknown'
  /** Nej, Planlagt or Delvist: not met, and a "no" is not an explanation. */
  | 'not-met'
  /** Met, but the repository decides the requirement; os2.yaml has no field for it. */
  | 'decided-from-repository'
  /** Met, but no manifest field can take the documentation safely. */
  | 'no-safe-field'
  /** Met, with a field, but the documentation lacks what the field needs (`detail` names it). */
  | 'missing-value'
  /** Not relevant, but the documentation gives no reason. */
  | 'no-reason';

export interface ImportSkip {
  item: ReportItem;
  ids: string[];
  code: SkipCode;
  /** Field paths or values concerned, e.g. the missing `governance.board.approved.date`. */
  detail: string[];
}

export interface ImportPlan {
  report: GovernanceReportReading;
  actions: ImportAction[];
  skipped: ImportSkip[];
}

export interface PlanOptions {
  /** True when a repository path exists (paths in os2.yaml must exist); default: no path is trusted. */
  pathExists?: (path: string) => boolean;
}

export function planImport(report: GovernanceReportReading, catalogue: LevelCatalogue, opts: PlanOptions = {}): ImportPlan {
  const actions: ImportAction[] = [];
  const skipped: ImportSkip[] = [];
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const skip = (item: ReportItem, code: SkipCode, detail: string[] = [], ids: string[] = item.requirements): void => {
    skipped.push({ item, ids, code, detail });
  };
  const pathExists = opts.pathExists ?? (() => false);

  for (const item of report.items) {
    if (item.state === 'unreadable') skip(item, 'unreadable', item.problem ? [item.problem] : []);
    else if (item.state === 'not-filled') skip(item, 'not-filled');
    else if (item.state === 'placeholder') skip(item, 'placeholder', item.placeholder ? [item.placeholder] : []);
    else {
      const reason = item.documentation.trim();
      switch (item.status) {
        case 'unknown':
          skip(item, 'status-unknown');
          break;
        case 'not-met':
        case 'planned':
        case 'partly':
        case null:
          skip(item, 'not-met', [item.statusText]);
          break;
        case 'not-relevant':
          // An item is not relevant only as a whole: every requirement it covers goes.
          if (!reason) skip(item, 'no-reason');
          else actions.push({ kind: 'not-applicable', item, ids: item.requirements, values: item.requirements.map((id) => ({ path: ['notApplicable', id], value: reason })) });
          break;
        case 'met': {
          // A met item means all its requirements are met (F3 Ja declares procurement and lawfulness):
          // each requirement with a field takes what the documentation holds for it.
          const withFields = item.requirements.filter((id) => fieldsFor(id));
          if (withFields.length === 0) {
            const repoOnly = item.requirements.every((i) => !(byId.get(i)?.evidence ?? []).includes('declared'));
            skip(item, repoOnly ? 'decided-from-repository' : 'no-safe-field');
            break;
          }
          for (const id of withFields) {
            const read = readValues(fieldsFor(id)!, reason, item.references, pathExists);
            if ('missing' in read) skip(item, 'missing-value', read.missing, [id]);
            else actions.push({ kind: 'declare', item, ids: [id], values: read.values });
          }
          const rest = item.requirements.filter((id) => !fieldsFor(id));
          if (rest.length) skip(item, rest.every((i) => !(byId.get(i)?.evidence ?? []).includes('declared')) ? 'decided-from-repository' : 'no-safe-field', [], rest);
          break;
        }
      }
    }
  }
  return { report, actions, skipped };
}

function readValues(fields: FieldMapping[], documentation: string, references: string[], pathExists: (p: string) => boolean): { values: PlannedValue[] } | { missing: string[] } {
  const values: PlannedValue[] = [];
  const missing: string[] = [];
  for (const field of fields) {
    const value = readValue(field, documentation, references, pathExists);
    if (value !== null) values.push({ path: field.path.split('.'), value });
    else if (field.required) missing.push(field.path);
  }
  if (missing.length > 0) return { missing };
  if (values.length === 0) return { missing: fields.map((f) => f.path) };
  return { values };
}

function readValue(field: FieldMapping, documentation: string, references: string[], pathExists: (p: string) => boolean): string | boolean | null {
  // A link's target, where the cell shows only its text ("[Installationsvejledning](https://…)").
  const url = references.find((r) => /^https?:\/\//i.test(r)) ?? firstUrl(documentation);
  switch (field.value) {
    case 'true':
      return true;
    case 'url':
      return url;
    case 'url-or-path':
      return url ?? pathCandidates(documentation).find(pathExists) ?? null;
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
