/**
 * OS2's governance report: the checklist of the report's generation filled in from the report, as
 * Markdown ready to commit to the product's repository. Four sections in the template's order, one
 * table each: item, OS2's text, level, status (✅ met, ❌ not met, ➖ not relevant, ❓ unknown; the
 * template has no yellow, so a partly met item is ❌ and its documentation starts "Delvist
 * opfyldt") and the documentation (evidence, explanation or not-relevant reason). Danish unless
 * asked otherwise.
 */
import type { ItemStatus } from '../evaluate/types.js';
import type { Lang, Text } from '../levels/types.js';
import type { RepositoryResult } from '../report/model.js';
import { levelName, phrase } from '../report/ui.js';
import { CHECKLIST_CATEGORIES, checklistItems, itemDocumentation, type ChecklistCategory } from './checklist.js';
import { cell } from './markdown.js';
import type { Formatter } from './types.js';
import { fillIn } from '../governanceReport/messages.js';

/** The template's four marks. */
type FormStatus = 'met' | 'not-met' | 'not-relevant' | 'unknown';
export const STATUS_SYMBOL: Record<FormStatus, string> = { met: '✅', 'not-met': '❌', 'not-relevant': '➖', unknown: '❓' };
export const formStatus = (s: ItemStatus): FormStatus => (s === 'partly-met' ? 'not-met' : s);

/** The template's section titles and this view's few words, in both languages. */
const sections: Record<ChecklistCategory, Text> = {
  relevans: { da: 'Relevans', en: 'Relevance' },
  formkrav: { da: 'Formkrav', en: 'Formal requirements' },
  strategisk: { da: 'Strategisk sammenhæng', en: 'Strategic fit' },
  governance: { da: 'Governance', en: 'Governance' },
};
const statusWord: Record<FormStatus, Text> = {
  met: { da: 'opfyldt', en: 'met' },
  'not-met': { da: 'ikke opfyldt', en: 'not met' },
  'not-relevant': { da: 'ikke relevant', en: 'not relevant' },
  unknown: { da: 'ved ikke', en: 'unknown' },
};
const words = {
  title: { da: 'Governancerapport', en: 'Governance report' },
  level: { da: 'Produktniveau', en: 'Product level' },
  columns: { da: 'Nr. | Krav | Niveau | Status | Dokumentation', en: 'No. | Requirement | Level | Status | Documentation' },
  sandbox: { da: 'Sandkasse', en: 'Sandbox' },
  generated: {
    da: 'Udfyldt af {tool} {version} den {date} ud fra repositoriet og os2.yaml; tjeklisten i {checklist}-udgaven. Erklærede oplysninger er ikke efterprøvet.',
    en: 'Filled in by {tool} {version} on {date} from the repository and os2.yaml; checklist as of its {checklist} version. Declared facts are not verified.',
  },
  none: { da: 'Ingen punkter.', en: 'No items.' },
} satisfies Record<string, Text>;


export const formatGovernanceReport: Formatter = (report, { catalogue }) =>
  report.results.map((result) => formatResult(result, report.lang, report.asOf, `${report.tool.name}`, report.tool.version, catalogue)).join('\n---\n\n');

function formatResult(result: RepositoryResult, lang: Lang, asOf: string, tool: string, version: string, catalogue: Parameters<typeof checklistItems>[1]): string {
  const items = checklistItems(result, catalogue);
  const out: string[] = [];
  out.push(`# ${words.title[lang]}${result.productName ? `: ${cell(result.productName)}` : ''}`, '');
  const level = result.achievedLevel === null ? phrase('notReached', lang) : (catalogue.levels.find((l) => l.level === result.achievedLevel)?.name[lang] ?? levelName(result.achievedLevel, lang));
  out.push(`**${words.level[lang]}: ${cell(level)}**`, '');
  out.push(fillIn(words.generated[lang], { tool, version, date: asOf, checklist: catalogue.checklist.id }), '');
  out.push((Object.keys(STATUS_SYMBOL) as FormStatus[]).map((s) => `${STATUS_SYMBOL[s]} ${statusWord[s][lang]}`).join(' · '));
  for (const category of CHECKLIST_CATEGORIES) {
    out.push('', `## ${sections[category][lang]}`, '');
    const inSection = items.filter((i) => i.category === category);
    if (!inSection.length) {
      out.push(words.none[lang]);
      continue;
    }
    out.push(`| ${words.columns[lang]} |`, '|---|---|---|:---:|---|');
    for (const item of inSection) {
      const text = item.title[lang];
      const lvl = item.level === 0 ? words.sandbox[lang] : String(item.level);
      const docs = itemDocumentation(item, lang).map(cell).join('<br>');
      out.push(`| ${item.id} | ${cell(text)} | ${lvl} | ${STATUS_SYMBOL[formStatus(item.status)]} | ${docs} |`);
    }
  }
  return out.join('\n') + '\n';
}
