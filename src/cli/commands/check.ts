import { Option, type Command } from 'commander';
import { checkRepository } from '../../checkRepository.js';
import { formatters, formatNames, type FormatName } from '../../format/registry.js';
import { buildReport } from '../../report/build.js';
import { exitCodeFor, gateFailures } from '../../report/exitCode.js';
import { emit } from '../output.js';
import { collect, parseAsOf, useColor } from '../options.js';
import { addCommonOptions, loadCatalogue, resolveLang } from './shared.js';

interface CheckOptions {
  format: FormatName;
  output?: string;
  lang?: string;
  levels?: string;
  minLevel?: string;
  manifest?: string;
  asOf?: Date;
  coverage?: string[];
  facts?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check', { isDefault: true })
    .description('check a repository (default: the current directory) and report its level and the gap to the next')
    .argument('[dir]', 'repository to check', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--min-level <level>', 'exit 1 unless this level is reached').choices(['0', '1', '2', '3']))
    .option('--manifest <path>', 'the os2.yaml to use (default: os2.yaml in the repository)')
    .option('--as-of <date>', 'evaluate time-based rules as of this date (YYYY-MM-DD)', parseAsOf)
    .option('--coverage <file>', 'a coverage report to read (repeatable)', collect)
    .option('--facts', 'print the collected facts as JSON instead of a report (for bug reports)')
    .option('-v, --verbose', 'also list requirements that are met')
    .option('--no-color', 'never colour the output');
  addCommonOptions(cmd);
  cmd.action(async (dir: string, opts: CheckOptions) => {
    const catalogue = await loadCatalogue(opts.levels);
    const lang = resolveLang(opts.lang);
    const now = opts.asOf ?? new Date();
    const checked = await checkRepository(dir, { catalogue, now, lang, manifestPath: opts.manifest, coverageReports: opts.coverage });
    if (opts.facts) {
      await emit(JSON.stringify(checked.facts, null, 2) + '\n', opts.output);
      return;
    }
    const report = buildReport([checked.result], catalogue, lang, now);
    const color = useColor(opts.color, !opts.output && process.stdout.isTTY === true);
    await emit(formatters[opts.format](report, { color, verbose: opts.verbose ?? false }), opts.output);
    const gate = { minLevel: opts.minLevel === undefined ? undefined : Number(opts.minLevel) };
    for (const f of gateFailures(report, gate)) {
      process.stderr.write(`os2level: level ${gate.minLevel} not reached in ${f.path}: ${f.ids.join(', ')}\n`);
    }
    process.exitCode = exitCodeFor(report, gate);
  });
}
