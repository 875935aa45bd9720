/**
 * OS2's checklist as the views that speak it see it: the report's items (decided in the
 * evaluation, in the report's checklist generation) joined with OS2's item titles and the
 * requirements behind each, for the governance report, the self-evaluation form and the text,
 * Markdown and CI views.
 */
import type { ItemStatus } from '../evaluate/types.js';
import type { Lang, LevelCatalogue, LevelNumber, Requirement, Strength, Text, Theme } from '../levels/types.js';
import type { ReportItem, ReportRequirement, RepositoryResult } from '../report/model.js';
import { phrase } from '../report/ui.js';

export type ChecklistCategory = Theme;
/** The form's order of themes. */
export const CHECKLIST_CATEGORIES: ChecklistCategory[] = ['relevans', 'formkrav', 'strategisk', 'governance'];

export interface ChecklistEntry {
  requirement: ReportRequirement;
  definition: Requirement;
}

export interface ChecklistItem {
  /** The item's id in the report's generation, e.g. "F7". */
  id: string;
  category: ChecklistCategory;
  level: LevelNumber;
  strength: Strength;
  status: ItemStatus;
  /** OS2's title in that generation (Danish as on the form) and its English rendering. */
  title: Text;
  entries: ChecklistEntry[];
  item: ReportItem;
}

/** Every item of the report's generation, in the form's order (R, F, S, G; then as listed). */
export function checklistItems(result: RepositoryResult, catalogue: LevelCatalogue): ChecklistItem[] {
  const definitions = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const requirements = new Map(result.requirements.map((q) => [q.id, q]));
  const titles = new Map(catalogue.checklist.items.map((i) => [i.id, i.title]));
  const items = result.items.map((item): ChecklistItem => ({
    id: item.id,
    category: item.theme,
    level: item.level,
    strength: item.strength,
    status: item.status,
    title: titles.get(item.id) ?? { da: item.title, en: item.title },
    entries: item.requirements.flatMap((id) => {
      const requirement = requirements.get(id);
      const definition = definitions.get(id);
      return requirement && definition ? [{ requirement, definition }] : [];
    }),
    item,
  }));
  return CHECKLIST_CATEGORIES.flatMap((c) => items.filter((i) => i.category === c));
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

/**
 * An item's documentation: one requirement speaks plainly; several are each prefixed by their id.
 * A partly met item says so first, since OS2's forms have no yellow of their own.
 */
export function itemDocumentation(item: ChecklistItem, lang: Lang): string[] {
  const lines = item.entries.length === 1
    ? [documentationOf(item.entries[0]!.requirement, lang)]
    : item.entries.map((e) => `${e.requirement.id}: ${documentationOf(e.requirement, lang)}`);
  return item.status === 'partly-met' ? [`${phrase('partlyMet', lang)}.`, ...lines] : lines;
}
