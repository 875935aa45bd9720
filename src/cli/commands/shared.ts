/** Options several commands accept, declared once so they cannot drift. */
import { Option, type Command } from 'commander';
import type { Lang, LevelCatalogue } from '../../levels/types.js';
import { langFromEnv } from '../options.js';

export const langOption = (): Option => new Option('--lang <lang>', 'language of texts and reports').choices(['da', 'en']);
export const levelsOption = (): Option => new Option('--levels <file>', 'use another requirement catalogue (a levels YAML file)');
export const checklistOption = (): Option =>
  new Option('--checklist <generation>', "OS2 checklist generation for items, numbering, levels and OS2's forms (default: the newest; `os2level levels --checklists` lists them)");

export function addCommonOptions(cmd: Command): Command {
  return cmd.addOption(langOption()).addOption(levelsOption()).addOption(checklistOption());
}

/** The options addCommonOptions adds, as commander hands them to an action. */
export interface CatalogueOptions {
  levels?: string;
  checklist?: string;
}

export const resolveLang = (lang: string | undefined): Lang => (lang === 'da' || lang === 'en' ? lang : langFromEnv());

/** Imported on use: the catalogue loader pulls in every check, which `--help` and `--version` do not need. */
export const loadCatalogue = async ({ levels, checklist }: CatalogueOptions): Promise<LevelCatalogue> =>
  (await import('../../levels/load.js')).loadLevels(levels, { checklist });
