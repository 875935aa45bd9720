/**
 * OS2's governance report, in the layout of the current template (governance_template.md in
 * OS2offdig/governance_report_template): the product's name as title, the four sections RELEVANS,
 * FORMKRAV, STRATEGISK SAMMENHÆNG and GOVERNANCE, each one table with the template's columns
 * 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer. The 🔽 column holds
 * the template's marks: ✅ met, ❌ not met, ➖ not relevant, ❓ in doubt (only where the product's
 * own report says so); an item nobody has answered stays empty, which the template reads as "not
 * completed". The template has no yellow: a partly met item is ❌ and its documentation starts
 * "Delvist opfyldt"; a planned one is ❌ and starts "Planlagt".
 * Items are the report's checklist generation's, with "(anbefaling)" on should items and the level
 * as sandkasse/1/2/3. Danish unless asked otherwise; paths are the repository's own.
 */
import type { Lang, Text } from '../levels/types.js';
import type { Report, RepositoryResult } from '../report/model.js';
import { levelName, phrase } from '../report/ui.js';
import { checklistItems } from './checklist.js';
import { formAnswer, formDocumentation, type FormAnswer } from './formAnswer.js';
import { fill } from '../report/messages.js';
import { cell } from './markdown.js';
import { formCell, formSections, formGuidelines, formLevel, formTitle, productName } from './os2Form.js';
import type { FormatContext, Formatter } from './types.js';

/** The template's marks in the 🔽 column; an open item leaves the cell empty. */
export const STATUS_MARK: Record<FormAnswer, string> = { yes: '✅', partly: '❌', no: '❌', 'not-relevant': '➖', planned: '❌', unknown: '❓', open: '' };

const words = {
  columns: {
    da: ['🔽', '#', 'Krav', 'Beskrivelse / Dokumentation', 'Produktniveau', 'Retningslinjer'],
    en: ['🔽', '#', 'Requirement', 'Description / Documentation', 'Product level', 'Guidelines'],
  },
  generated: {
    da: 'Udfyldt af {tool} {version} den {date} ud fra repositoriet og os2.yaml; tjeklisten i {checklist}-udgaven. {tool} vurderer produktniveauet til: {level}. Erklærede oplysninger er ikke efterprøvet.',
    en: 'Filled in by {tool} {version} on {date} from the repository and os2.yaml; checklist as of its {checklist} version. {tool} puts the product level at: {level}. Declared facts are not verified.',
  },
  legend: {
    da: '✅ opfyldt · ❌ ikke opfyldt · ➖ ikke relevant · ❓ tvivl · tomt felt: ikke besvaret endnu ({count} punkter), udfyldes af produktets ansvarlige',
    en: '✅ met · ❌ not met · ➖ not relevant · ❓ in doubt · empty: not answered yet ({count} items), for the product owner to fill in',
  },
} satisfies Record<string, Text | { da: string[]; en: string[] }>;

export const formatGovernanceReport: Formatter = (report, ctx) =>
  report.results.map((result) => formatResult(report, result, ctx)).join('\n---\n\n');

function formatResult(report: Report, result: RepositoryResult, { catalogue }: FormatContext): string {
  const lang: Lang = report.lang;
  const items = checklistItems(result, catalogue);
  const level = result.achievedLevel === null
    ? phrase('notReached', lang)
    : (catalogue.levels.find((l) => l.level === result.achievedLevel)?.name[lang] ?? levelName(result.achievedLevel, lang));
  const out: string[] = [`# ${cell(productName(result))}`, ''];
  out.push(fill(words.generated[lang], { tool: report.tool.name, version: report.tool.version, date: report.asOf, checklist: report.checklist.id, level: cell(level) }, lang), '');
  out.push(fill(words.legend[lang], { count: items.filter((i) => formAnswer(i) === 'open').length }, lang));
  const columns = words.columns[lang];
  out.push(...formSections(items, (i) => i.category, columns, lang, (item) => {
    const answer = formAnswer(item);
    return [STATUS_MARK[answer], item.id, cell(formTitle(item, lang)), formCell(formDocumentation(item, lang, result)), formLevel(item.level, lang), formCell(formGuidelines(item, lang))];
  }));
  return out.join('\n') + '\n';
}
