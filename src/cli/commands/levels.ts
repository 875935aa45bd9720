import { Option, type Command } from 'commander';
import type { Lang, LevelCatalogue } from '../../levels/types.js';
import { AREAS, areaLabel, levelName, phrase } from '../../report/ui.js';
import { emit } from '../output.js';
import { addCommonOptions, loadCatalogue, resolveLang } from './shared.js';

export function registerLevels(program: Command): void {
  const cmd = program
    .command('levels')
    .description('list the requirement catalogue by level and area')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addCommonOptions(cmd);
  cmd.action(async (opts: { format: 'text' | 'json'; lang?: string; levels?: string; output?: string }) => {
    const catalogue = await loadCatalogue(opts.levels);
    const lang = resolveLang(opts.lang);
    await emit(opts.format === 'json' ? levelsJson(catalogue) : levelsText(catalogue, lang), opts.output);
  });
}

/** The catalogue in the same shape as report requirements, with both languages. */
export function levelsJson(catalogue: LevelCatalogue): string {
  const { path, ...rest } = catalogue;
  return JSON.stringify({ ...rest, source: path }, null, 2) + '\n';
}

export function levelsText(catalogue: LevelCatalogue, lang: Lang): string {
  const out: string[] = [`${catalogue.name[lang]} (${catalogue.requirements.length})`];
  for (const level of catalogue.levels) {
    out.push('', `${levelName(level.level, lang)} · ${level.name[lang]}`);
    for (const area of AREAS) {
      const reqs = catalogue.requirements.filter((r) => r.level === level.level && r.area === area);
      if (!reqs.length) continue;
      out.push(`  ${areaLabel[area][lang]}`);
      for (const r of reqs) {
        const tags = [phrase(r.strength, lang), r.ref, r.source === 'interpretation' ? phrase('interpretation', lang) : null].filter(Boolean).join(' · ');
        out.push(`    ${r.id.padEnd(38)} ${r.title[lang]} [${tags}]`);
      }
    }
  }
  return out.join('\n') + '\n';
}
