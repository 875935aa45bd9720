/**
 * The structural words OS2's forms share (governance report template, 2026 self-evaluation, the
 * secretariat's evaluation report): section headers, the level column, item titles with
 * "(anbefaling)" for should items, and the Markdown cell the forms write. In Danish as on the
 * forms, with an English rendering for --lang en.
 */
import type { Lang, LevelNumber, Text } from '../levels/types.js';
import type { RepositoryResult } from '../report/model.js';
import { CHECKLIST_CATEGORIES, type ChecklistCategory, type ChecklistItem } from './checklist.js';
import { repositoryRelative } from './formAnswer.js';
import { cell } from './markdown.js';

/** The forms' section headers, as they write them (upper case). */
export const FORM_SECTIONS: Record<ChecklistCategory, Text> = {
  relevans: { da: 'RELEVANS', en: 'RELEVANCE' },
  formkrav: { da: 'FORMKRAV', en: 'FORMAL REQUIREMENTS' },
  strategisk: { da: 'STRATEGISK SAMMENHÆNG', en: 'STRATEGIC FIT' },
  governance: { da: 'GOVERNANCE', en: 'GOVERNANCE' },
};

const SANDBOX: Text = { da: 'sandkasse', en: 'sandbox' };
const SHOULD: Text = { da: 'anbefaling', en: 'recommendation' };

/** The form's "Produktniveau": sandkasse, 1, 2 or 3. */
export const formLevel = (level: LevelNumber, lang: Lang): string => (level === 0 ? SANDBOX[lang] : String(level));

/** OS2's item title, marked "(anbefaling)" when the item is a recommendation, as the forms do. */
export const formTitle = (item: ChecklistItem, lang: Lang): string =>
  item.strength === 'should' ? `${item.title[lang]} (${SHOULD[lang]})` : item.title[lang];

/** The "Retningslinjer" column: what each requirement behind the item asks, in the catalogue's words. */
export const formGuidelines = (item: ChecklistItem, lang: Lang): string[] =>
  item.entries.map((e) => e.definition.description[lang].trim());

/** One Markdown table cell from lines: escaped, the lines joined by `<br/>` as the forms write them. */
export const formCell = (lines: string[]): string => lines.map(cell).filter(Boolean).join('<br/>');

/** The product's name as the form shows it: the declared name, else the repository's folder name (never its path). */
export function productName(result: RepositoryResult): string {
  if (result.productName) return result.productName;
  const parts = result.path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? 'os2-produkt';
}

/** A text that came from the report, with the repository's absolute path removed. */
export const inRepository = (text: string, result: RepositoryResult): string => repositoryRelative(text, result.path);

/** The 2026 form's own version number (its "Version for anvendt governancerapport"); other generations by their id. */
const FORM_VERSION: Record<string, string> = { '2026': '1.1.0' };
export const formVersion = (checklist: string): string => FORM_VERSION[checklist] ?? checklist;

/**
 * OS2's forms as Markdown: one section per theme in the template's order, each a table with the
 * form's columns and one row per entry of that theme.
 */
export function formSections<T>(entries: readonly T[], categoryOf: (entry: T) => ChecklistCategory, columns: readonly string[], lang: Lang, row: (entry: T) => string[]): string[] {
  const out: string[] = [];
  for (const category of CHECKLIST_CATEGORIES) {
    out.push('', `## ${FORM_SECTIONS[category][lang]}`, '');
    out.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => ' --- ').join('|')}|`);
    for (const entry of entries.filter((e) => categoryOf(e) === category)) out.push(`| ${row(entry).join(' | ')} |`);
  }
  return out;
}
