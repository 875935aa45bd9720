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

/** `--no-discover`: every command that takes a repository directory declares it through this. */
export const discoverOption = (description = 'use the directory exactly as named, not the git work tree it belongs to'): Option => new Option('--no-discover', description);

/**
 * The directory a command works on: the git work tree `dir` belongs to (said on stderr when that is
 * not `dir` itself), or `dir` as named with --no-discover. The one place commands resolve a
 * repository directory (src/repo/discover.ts decides).
 */
export async function repositoryDir(dir: string, opts: { discover?: boolean; lang?: string }, verb: 'checking' | 'using' = 'using'): Promise<string> {
  const [{ discoverRepository }, { message }, { printDiagnostic }] = await Promise.all([import('../../repo/discover.js'), import('../../report/messages.js'), import('../errors.js')]);
  const found = await discoverRepository(dir, { discover: opts.discover });
  const lang = resolveLang(opts.lang);
  if (found.discovered) printDiagnostic(message(verb === 'checking' ? 'discover.checking' : 'discover.using', { root: found.root, named: found.named }, lang));
  else if (found.notFollowed) printDiagnostic(message('discover.other-owner', { topLevel: found.notFollowed.topLevel, named: found.named }, lang));
  return found.root;
}
