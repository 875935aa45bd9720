/**
 * OS2's checklist (the governance report template and the self-evaluation form) as items: the
 * catalogue's requirements grouped by their checklist id in one template version. Several
 * requirements can share an item (2024's F7 merges install, technical and operations docs); an item
 * is met only when all of them are. Requirements without a checklist id are the tool's own reading
 * and have no place on OS2's form.
 */
import type { Outcome } from '../evaluate/types.js';
import type { Lang, LevelCatalogue, LevelNumber, Requirement } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { phrase } from '../report/ui.js';

/** The template version whose numbering the self-evaluation form and current reports use. */
export const CHECKLIST_VERSION = '2024';

export type ChecklistCategory = 'relevans' | 'formkrav' | 'strategisk' | 'governance';
export const CHECKLIST_CATEGORIES: ChecklistCategory[] = ['relevans', 'formkrav', 'strategisk', 'governance'];
const CATEGORY_BY_LETTER: Record<string, ChecklistCategory> = { R: 'relevans', F: 'formkrav', S: 'strategisk', G: 'governance' };

export type ChecklistStatus = 'met' | 'not-met' | 'not-relevant' | 'unknown';

export interface ChecklistEntry {
  requirement: ReportRequirement;
  definition: Requirement;
}

export interface ChecklistItem {
  /** The item's id in CHECKLIST_VERSION numbering, e.g. "F7". */
  id: string;
  category: ChecklistCategory;
  /** The lowest level among the item's requirements: where the form places the item. */
  level: LevelNumber;
  status: ChecklistStatus;
  entries: ChecklistEntry[];
}

/** Every checklist item the report can answer, in the form's order (R, F, S, G; then by number). */
export function checklistItems(result: RepositoryResult, catalogue: LevelCatalogue, version = CHECKLIST_VERSION): ChecklistItem[] {
  const definitions = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const groups = new Map<string, ChecklistEntry[]>();
  for (const requirement of result.requirements) {
    const definition = definitions.get(requirement.id);
    const id = definition?.refs?.[version];
    if (!definition || !id) continue;
    const group = groups.get(id) ?? [];
    group.push({ requirement, definition });
    groups.set(id, group);
  }
  const items: ChecklistItem[] = [];
  for (const [id, entries] of groups) {
    const category = CATEGORY_BY_LETTER[id.charAt(0)];
    if (!category) continue;
    const level = Math.min(...entries.map((e) => e.requirement.level)) as LevelNumber;
    items.push({ id, category, level, status: itemStatus(entries.map((e) => e.requirement.outcome)), entries });
  }
  return items.sort(
    (a, b) => CHECKLIST_CATEGORIES.indexOf(a.category) - CHECKLIST_CATEGORIES.indexOf(b.category) || itemNumber(a.id) - itemNumber(b.id) || a.id.localeCompare(b.id),
  );
}

const itemNumber = (id: string): number => Number(/\d+/.exec(id)?.[0] ?? Number.MAX_SAFE_INTEGER);

/**
 * Met only when every requirement is met; explained counts as not met (comply or explain: the
 * explanation goes in the documentation column); not relevant only when all are not relevant.
 */
export function itemStatus(outcomes: Outcome[]): ChecklistStatus {
  if (outcomes.some((o) => o === 'fail' || o === 'explained')) return 'not-met';
  if (outcomes.some((o) => o === 'unknown' || o === 'error')) return 'unknown';
  if (outcomes.every((o) => o === 'not-applicable')) return 'not-relevant';
  return 'met';
}

/** What documents one requirement on the form: the not-applicable reason, the explanation, or the finding. */
export function documentationOf(q: ReportRequirement, lang: Lang): string {
  if (q.outcome === 'not-applicable' && q.notApplicable) return phrase('notApplicable', lang, { reason: q.notApplicable.reason });
  if (q.outcome === 'explained' && q.explanation) {
    const extra = [
      q.explanation.approvedBy && phrase('approvedBy', lang, { by: q.explanation.approvedBy }),
      q.explanation.expires && phrase('expires', lang, { date: q.explanation.expires }),
    ].filter(Boolean);
    return phrase('explainedBy', lang, { reason: q.explanation.reason }) + (extra.length ? ` (${extra.join(', ')})` : '');
  }
  const declared = q.basis === 'declared' ? ` (${phrase('declared', lang)})` : '';
  const expired = q.explanation?.expired ? ` ${phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason })}` : '';
  return `${q.message}${declared}${expired}`;
}

/** An item's documentation: one requirement speaks plainly; several are each prefixed by their id. */
export function itemDocumentation(item: ChecklistItem, lang: Lang): string[] {
  if (item.entries.length === 1) return [documentationOf(item.entries[0]!.requirement, lang)];
  return item.entries.map((e) => `${e.requirement.id}: ${documentationOf(e.requirement, lang)}`);
}
