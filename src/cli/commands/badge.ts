import { Option, type Command } from 'commander';
import { badgeFormatNames, badgeFormatters, type BadgeFormatName } from '../../badge/registry.js';
import { emit } from '../output.js';
import { collect, parseAsOf } from '../options.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';

interface BadgeOptions {
  format: BadgeFormatName;
  output?: string;
  lang?: string;
  levels?: string;
  manifest?: string;
  asOf?: Date;
  coverage?: string[];
  discover?: boolean;
}

export function registerBadge(program: Command): void {
  const cmd = program
    .command('badge')
    .description('a badge with the level a repository reaches: SVG, or a shields.io endpoint JSON')
    .argument('[dir]', 'repository to check', '.')
    .addOption(new Option('-f, --format <format>', 'badge format').choices(badgeFormatNames).default('svg'))
    .option('-o, --output <file>', 'write the badge to a file instead of stdout')
    .option('--manifest <path>', 'the os2.yaml to use (default: os2.yaml in the repository)')
    .option('--as-of <date>', 'evaluate time-based rules as of this date (YYYY-MM-DD)', parseAsOf)
    .option('--coverage <file>', 'a coverage report to read (repeatable)', collect)
    .addOption(discoverOption());
  addCommonOptions(cmd);
  cmd.action(async (dir: string, opts: BadgeOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ levelBadge }, { checkRepository }] = await Promise.all([import('../../badge/badge.js'), import('../../checkRepository.js')]);
    const catalogue = await loadCatalogue(opts);
    const lang = resolveLang(opts.lang);
    const checked = await checkRepository(await repositoryDir(dir, opts, 'checking'), { catalogue, now: opts.asOf ?? new Date(), lang, manifestPath: opts.manifest, coverageReports: opts.coverage });
    await emit(badgeFormatters[opts.format](levelBadge(checked.result.achievedLevel, lang)), opts.output);
  });
}
