/**
 * OS2's 2026 self-evaluation (docs/evaluering/selvevaluering-formular.md in
 * OS2offdig/os2-product-audits), filled in from the report, in its two shapes:
 *
 * - `os2-self-assessment`: the JSON the form exports and imports again — top level `productName`,
 *   `filledBy`, `filledDate`, `generatedAt`, `krav[]`; each item `id`, `kategori`, `krav`,
 *   `produktniveau`, `retningslinjer`, `efterlevet`, `dokumentation`. `efterlevet` is the form's
 *   own value (Ja / Nej / Ikke relevant / Ved ikke / Planlagt) or null where nobody chose one,
 *   which is how the form exports an item left open. Schema: schemas/os2-self-assessment.schema.json.
 * - `os2-self-assessment-md`: the Markdown governance report the secretariat's generator makes from
 *   that export: title, document information, the four sections with the columns
 *   # | Krav | Produktniveau | Retningslinjer | Efterlevet? | Dokumentation.
 *
 * The form has no "partly": a partly met item is "Nej" and its documentation starts "Delvist
 * opfyldt". An item nobody answered and the repository cannot decide stays open (null / empty).
 * Dates come from the report's as-of date, so the same report gives the same file.
 */
import type { Lang, LevelNumber, Text } from '../levels/types.js';
import type { Report, RepositoryResult } from '../report/model.js';
import { checklistItems, type ChecklistCategory, type ChecklistItem } from './checklist.js';
import { formAnswer, formDocumentation, type FormAnswer } from './formAnswer.js';
import { fill } from '../report/messages.js';
import { cell } from './markdown.js';
import { formCell, formSections, formGuidelines, formLevel, formTitle, formVersion, productName } from './os2Form.js';
import type { FormatContext, Formatter } from './types.js';

/** The form's choices for "Efterlevet?". os2level decides the first three; the others it repeats from the product's own report. */
export const EFTERLEVET_VALUES = ['Ja', 'Nej', 'Ikke relevant', 'Ved ikke', 'Planlagt'] as const;
export type Efterlevet = (typeof EFTERLEVET_VALUES)[number];
export type Produktniveau = 'sandkasse' | '1' | '2' | '3';

export interface SelfAssessmentItem {
  id: string;
  kategori: ChecklistCategory;
  krav: string;
  produktniveau: Produktniveau;
  retningslinjer: string;
  /** null: not answered (the form's "Vælg"). */
  efterlevet: Efterlevet | null;
  dokumentation: string;
}

export interface SelfAssessment {
  productName: string;
  filledBy: string;
  filledDate: string;
  generatedAt: string;
  krav: SelfAssessmentItem[];
}

const EFTERLEVET: Record<FormAnswer, Efterlevet | null> = { yes: 'Ja', partly: 'Nej', no: 'Nej', 'not-relevant': 'Ikke relevant', planned: 'Planlagt', unknown: 'Ved ikke', open: null };
/** "Efterlevet?" in the Markdown form, by language; an open item leaves the cell empty. */
const EFTERLEVET_WORD: Record<FormAnswer, Text> = {
  yes: { da: 'Ja', en: 'Yes' },
  partly: { da: 'Nej', en: 'No' },
  no: { da: 'Nej', en: 'No' },
  'not-relevant': { da: 'Ikke relevant', en: 'Not relevant' },
  planned: { da: 'Planlagt', en: 'Planned' },
  unknown: { da: 'Ved ikke', en: "Don't know" },
  open: { da: '', en: '' },
};
const produktniveau = (level: LevelNumber): Produktniveau => (level === 0 ? 'sandkasse' : (String(level) as Produktniveau));

export function selfAssessment(report: Report, result: RepositoryResult, { catalogue }: FormatContext): SelfAssessment {
  return {
    productName: productName(result),
    filledBy: `${report.tool.name} ${report.tool.version}`,
    filledDate: report.asOf,
    // As-of dates are taken at noon UTC (see --as-of), so the day is the same in every time zone.
    generatedAt: `${report.asOf}T12:00:00Z`,
    krav: checklistItems(result, catalogue).map((item) => selfAssessmentItem(item, report.lang, result)),
  };
}

export function selfAssessmentItem(item: ChecklistItem, lang: Lang, result: RepositoryResult): SelfAssessmentItem {
  return {
    id: item.id,
    kategori: item.category,
    krav: formTitle(item, lang),
    produktniveau: produktniveau(item.level),
    retningslinjer: formGuidelines(item, lang).join('\n\n'),
    efterlevet: EFTERLEVET[formAnswer(item)],
    dokumentation: formDocumentation(item, lang, result).join('\n'),
  };
}

export const formatOs2SelfAssessment: Formatter = (report, ctx) => {
  const forms = report.results.map((result) => selfAssessment(report, result, ctx));
  // One repository gives the form itself; a batch gives one form per repository.
  return JSON.stringify(forms.length === 1 ? forms[0] : forms, null, 2) + '\n';
};

const words = {
  title: { da: 'Governancerapport for {name}', en: 'Governance report for {name}' },
  info: { da: 'Dokumentinformation', en: 'Document information' },
  version: { da: 'Version for anvendt governancerapport', en: 'Version of the governance report used' },
  date: { da: 'Dato for udfyldelse', en: 'Date filled in' },
  by: { da: 'Udfyldt af', en: 'Filled in by' },
  note: {
    da: 'Forudfyldt af {tool} ud fra repositoriet og os2.yaml. Tomme felter under "Efterlevet?" er ikke besvaret og udfyldes af produktets ansvarlige; erklærede oplysninger er ikke efterprøvet.',
    en: 'Pre-filled by {tool} from the repository and os2.yaml. Empty "Complied with?" cells are not answered yet and are for the product owner to fill in; declared facts are not verified.',
  },
  columns: {
    da: ['#', 'Krav', 'Produktniveau', 'Retningslinjer', 'Efterlevet?', 'Dokumentation'],
    en: ['#', 'Requirement', 'Product level', 'Guidelines', 'Complied with?', 'Documentation'],
  },
} satisfies Record<string, Text | { da: string[]; en: string[] }>;

export const formatOs2SelfAssessmentMarkdown: Formatter = (report, ctx) =>
  report.results.map((result) => selfAssessmentMarkdown(report, result, ctx)).join('\n---\n\n');

function selfAssessmentMarkdown(report: Report, result: RepositoryResult, ctx: FormatContext): string {
  const lang = report.lang;
  const tool = `${report.tool.name} ${report.tool.version}`;
  const items = checklistItems(result, ctx.catalogue);
  const out: string[] = [
    `# ${fill(words.title[lang], { name: cell(productName(result)) }, lang)}`,
    '',
    `> **📄 ${words.info[lang]}**<br/>`,
    `> **${words.version[lang]}:** ${cell(formVersion(report.checklist.id))}<br/>`,
    `> **${words.date[lang]}:** ${report.asOf}<br/>`,
    `> **${words.by[lang]}:** ${cell(tool)}<br/>`,
    '',
    fill(words.note[lang], { tool: cell(tool) }, lang),
  ];
  const columns = words.columns[lang];
  out.push(...formSections(items, (i) => i.category, columns, lang, (item) => [
    item.id, cell(formTitle(item, lang)), formLevel(item.level, lang), formCell(formGuidelines(item, lang)), EFTERLEVET_WORD[formAnswer(item)][lang], formCell(formDocumentation(item, lang, result)),
  ]));
  return out.join('\n') + '\n';
}
