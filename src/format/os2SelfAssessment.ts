/**
 * The JSON OS2's self-evaluation form exports and the secretariat's tooling reads, filled in from
 * the report: one `krav` item per item of the report's checklist generation, with OS2's item title.
 * Field names and enum values are the form's own (Danish); free texts follow the report's language.
 * The form has no "partly": a partly met item is "Nej" and its documentation starts "Delvist
 * opfyldt". Dates come from the report's as-of date, so the same report gives the same file.
 */
import type { Lang, LevelNumber } from '../levels/types.js';
import type { ItemStatus } from '../evaluate/types.js';
import { checklistItems, itemDocumentation, type ChecklistCategory, type ChecklistItem } from './checklist.js';
import type { Formatter } from './types.js';

export type Efterlevet = 'Ja' | 'Nej' | 'Ikke relevant' | 'Ved ikke';
export type Produktniveau = 'sandkasse' | '1' | '2' | '3';

export interface SelfAssessmentItem {
  id: string;
  kategori: ChecklistCategory;
  krav: string;
  produktniveau: Produktniveau;
  retningslinjer: string;
  efterlevet: Efterlevet;
  dokumentation: string;
}

export interface SelfAssessment {
  productName: string;
  filledBy: string;
  filledDate: string;
  generatedAt: string;
  krav: SelfAssessmentItem[];
}

const EFTERLEVET: Record<ItemStatus, Efterlevet> = { met: 'Ja', 'partly-met': 'Nej', 'not-met': 'Nej', 'not-relevant': 'Ikke relevant', unknown: 'Ved ikke' };
const produktniveau = (level: LevelNumber): Produktniveau => (level === 0 ? 'sandkasse' : (String(level) as Produktniveau));

export const formatOs2SelfAssessment: Formatter = (report, { catalogue }) => {
  const forms = report.results.map((result): SelfAssessment => ({
    productName: result.productName ?? baseName(result.path),
    filledBy: `${report.tool.name} ${report.tool.version}`,
    filledDate: report.asOf,
    // As-of dates are taken at noon UTC (see --as-of), so the day is the same in every time zone.
    generatedAt: `${report.asOf}T12:00:00Z`,
    krav: checklistItems(result, catalogue).map((item) => selfAssessmentItem(item, report.lang)),
  }));
  // One repository gives the form itself; a batch gives one form per repository.
  return JSON.stringify(forms.length === 1 ? forms[0] : forms, null, 2) + '\n';
};

export function selfAssessmentItem(item: ChecklistItem, lang: Lang): SelfAssessmentItem {
  const defs = item.entries.map((e) => e.definition);
  return {
    id: item.id,
    kategori: item.category,
    krav: item.title[lang],
    produktniveau: produktniveau(item.level),
    retningslinjer: defs.map((d) => d.description[lang].trim()).join('\n\n'),
    efterlevet: EFTERLEVET[item.status],
    dokumentation: itemDocumentation(item, lang).join('\n'),
  };
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
