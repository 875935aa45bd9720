import { Option, type Command } from 'commander';
import type { Lang, LevelCatalogue } from '../../levels/types.js';
import { THEMES, levelName, phrase, themeLabel } from '../../report/ui.js';
import { emit } from '../output.js';
import { addCommonOptions, loadCatalogue, resolveLang, type CatalogueOptions } from './shared.js';

export function registerLevels(program: Command): void {
  const cmd = program
    .command('levels')
    .description("list OS2's checklist items by level, with the requirements that decide each")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--checklists', 'list the checklist generations instead')
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addCommonOptions(cmd);
  cmd.action(async (opts: CatalogueOptions & { format: 'text' | 'json'; lang?: string; output?: string; checklists?: boolean }) => {
    const catalogue = await loadCatalogue(opts);
    const lang = resolveLang(opts.lang);
    const out = opts.checklists
      ? opts.format === 'json' ? generationsJson(catalogue) : generationsText(catalogue, lang)
      : opts.format === 'json' ? levelsJson(catalogue) : levelsText(catalogue, lang);
    await emit(out, opts.output);
  });
}

/**
 * The selected generation's items (both languages, with the requirements behind each and the level
 * and strength each has there) and the requirement catalogue.
 */
export function levelsJson(catalogue: LevelCatalogue): string {
  const { path, checklists, checklist, ...rest } = catalogue;
  const items = checklist.items.map(({ parts, ...item }) => ({ ...item, requirements: parts.map((p) => p.id), parts }));
  return JSON.stringify({
    ...rest,
    source: path,
    checklist: { id: checklist.id, from: checklist.from, default: checklist.id === checklists.default, source: checklist.source },
    items,
  }, null, 2) + '\n';
}

export function levelsText(catalogue: LevelCatalogue, lang: Lang): string {
  const titles = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const { checklist } = catalogue;
  const out: string[] = [`${catalogue.name[lang]} · ${phrase('checklistHeading', lang, { checklist: checklist.id })}: ${checklist.items.length} · ${catalogue.requirements.length}`];
  for (const level of catalogue.levels) {
    const items = checklist.items.filter((i) => i.level === level.level);
    if (!items.length) continue;
    out.push('', `${levelName(level.level, lang)} · ${level.name[lang]}`);
    for (const theme of THEMES) {
      const inTheme = items.filter((i) => i.theme === theme);
      if (!inTheme.length) continue;
      out.push(`  ${themeLabel[theme][lang]}`);
      for (const i of inTheme) {
        out.push(`    ${i.id.padEnd(4)} ${i.title[lang]} [${phrase(i.strength, lang)}]`);
        for (const p of i.parts) {
          const r = titles.get(p.id);
          const tags = [
            p.level !== i.level ? levelName(p.level, lang) : null,
            p.strength !== i.strength ? phrase(p.strength, lang) : null,
            r?.source === 'interpretation' ? phrase('interpretation', lang) : null,
          ].filter(Boolean).join(' · ');
          out.push(`         ${p.id.padEnd(36)} ${r?.title[lang] ?? ''}${tags ? ` [${tags}]` : ''}`);
        }
      }
    }
  }
  const outside = catalogue.requirements.filter((r) => !r.refs?.[checklist.id]);
  if (outside.length) {
    out.push('', phrase('outsideChecklist', lang, { checklist: checklist.id }));
    for (const r of outside) out.push(`    ${r.id.padEnd(36)} ${r.title[lang]}`);
  }
  return out.join('\n') + '\n';
}

export function generationsJson(catalogue: LevelCatalogue): string {
  const { checklists } = catalogue;
  return JSON.stringify({
    default: checklists.default,
    aliases: checklists.aliases,
    generations: checklists.generations.map((g) => ({ id: g.id, from: g.from, source: g.source, items: g.items.map((i) => i.id) })),
  }, null, 2) + '\n';
}

export function generationsText(catalogue: LevelCatalogue, lang: Lang): string {
  const { checklists } = catalogue;
  const aliasesOf = (id: string): string[] => Object.entries(checklists.aliases).filter(([, t]) => t === id).map(([a]) => a);
  const out = checklists.generations.map((g) => {
    const tags = [g.id === checklists.default ? phrase('defaultGeneration', lang) : null, ...aliasesOf(g.id).map((a) => `= ${a}`)].filter(Boolean).join(', ');
    return `${g.id.padEnd(12)} ${g.from}  ${phrase('itemCount', lang, { count: g.items.length }).padStart(11)}${tags ? `  (${tags})` : ''}  ${g.source[lang]}`;
  });
  return out.join('\n') + '\n';
}
