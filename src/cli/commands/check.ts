import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultLangOf, formatters, formatNames, isFormatName, printableFormats, type FormatName } from '../../format/registry.js';
import { forFormat } from '../printable.js';
import type { Lang } from '../../levels/types.js';
import type { Report } from '../../report/model.js';
import { EXIT_COULD_NOT_RUN, exitCodeFor, gateFailures, toleratedByBaseline } from '../../report/exitCode.js';
import { formatJson } from '../../format/json.js';
import { appendOutput, emit, writeOutput } from '../output.js';
import { githubAnnotations, githubSummary } from '../../format/github.js';
import { printDiagnostic } from '../errors.js';
import { collect, parseAsOf, useColor } from '../options.js';
import { InputError } from '../../errors.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';

// Implementations are imported when the command runs, so `--help` and other commands do not pay for them.
const implementation = async () => {
  const [{ checkRepository }, { buildReport, buildResult }, { loadBaseline }, { formatExplanationsJson, formatExplanationsText }] = await Promise.all([
    import('../../checkRepository.js'),
    import('../../report/build.js'),
    import('../../report/baseline.js'),
    import('../../format/explanations.js'),
  ]);
  return { checkRepository, buildReport, buildResult, loadBaseline, formatExplanationsJson, formatExplanationsText };
};

function parseDays(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value.trim()) || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of days (1 or more)');
  return n;
}

interface ReportTarget {
  format: FormatName;
  path: string;
}

interface CheckOptions {
  format: FormatName;
  output?: string;
  report?: ReportTarget[];
  lang?: string;
  levels?: string;
  minLevel?: string;
  strict?: boolean;
  baseline?: string;
  writeBaseline?: string;
  explanations?: boolean;
  manifest?: string;
  asOf?: Date;
  coverage?: string[];
  governanceReport?: string;
  governanceReportMaxAge?: number;
  facts?: boolean;
  verbose?: boolean;
  compact?: boolean;
  color?: boolean;
  discover?: boolean;
}

/** `--report <format>=<file>`, repeatable; an unknown format is a usage error naming the valid ones. */
function parseReportTarget(value: string, previous: ReportTarget[] = []): ReportTarget[] {
  const eq = value.indexOf('=');
  const format = eq > 0 ? value.slice(0, eq) : '';
  const path = eq > 0 ? value.slice(eq + 1) : '';
  if (!format || !path) throw new InvalidArgumentError(`expected <format>=<file>, e.g. sarif=os2level.sarif; formats: ${formatNames.join(', ')}.`);
  if (!isFormatName(format)) throw new InvalidArgumentError(`unknown format "${format}"; valid formats: ${formatNames.join(', ')}.`);
  return [...previous, { format, path }];
}

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check', { isDefault: true })
    .description('check a repository (default: the current directory) and report its level and the gap to the next')
    .argument('[dir]', 'repository to check', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--report <format=file>', `also write a report in another format to a file (repeatable; formats: ${formatNames.join(', ')})`, parseReportTarget)
    .addOption(new Option('--min-level <level>', 'exit 1 unless this level is reached').choices(['0', '1', '2', '3']))
    .option('--strict', 'with --min-level: should-requirements at or below that level also fail the gate')
    .option('--baseline <file>', 'with --min-level: a time-dependent requirement fails the gate only if it was met in this earlier JSON report')
    .option('--write-baseline <file>', 'also write the JSON report to this file, as a baseline for later runs')
    .option('--explanations', 'list every explanation in os2.yaml (age, approver, expiry) instead of the report; text or --format json')
    .option('--manifest <path>', 'the os2.yaml to use (default: os2.yaml in the repository)')
    .option('--as-of <date>', 'evaluate time-based rules as of this date (YYYY-MM-DD)', parseAsOf)
    .option('--coverage <file>', 'a coverage report to read (repeatable)', collect)
    .option('--governance-report <file>', "the product's filled-in governance report or self-evaluation (Markdown or the 2026 JSON export) to read as declared evidence (default: os2.yaml governance.report, else one found by name in the repository)")
    .option('--governance-report-max-age <days>', 'flag a governance report older than this many days (default 365)', parseDays)
    .option('--facts', 'print the collected facts as JSON instead of a report (for bug reports)')
    .option('-v, --verbose', 'also list requirements that are met')
    .option('--compact', 'text: one line per checklist item')
    .option('--no-color', 'never colour the output')
    .addOption(discoverOption());
  addCommonOptions(cmd);
  cmd.action(async (dir: string, opts: CheckOptions) => {
    if (opts.explanations && opts.format !== 'text' && opts.format !== 'json') {
      throw new InputError(`--explanations lists as text or --format json, not ${opts.format}`, [], 'usage');
    }
    const { checkRepository, buildReport, buildResult, loadBaseline, formatExplanationsJson, formatExplanationsText } = await implementation();
    const catalogue = await loadCatalogue(opts);
    // Read the baseline before checking, so a broken one stops the run before any output (exit 2).
    const baseline = opts.baseline ? await loadBaseline(opts.baseline) : undefined;
    // OS2's own forms default to Danish; every other format follows --lang or the locale.
    const langOf = (format: FormatName): Lang => (opts.lang ? resolveLang(opts.lang) : defaultLangOf[format] ?? resolveLang(undefined));
    const lang = langOf(opts.format);
    const now = opts.asOf ?? new Date();
    const root = await repositoryDir(dir, opts, 'checking');
    const checked = await checkRepository(root, { catalogue, now, lang, manifestPath: opts.manifest, coverageReports: opts.coverage, governanceReport: opts.governanceReport, reportMaxAgeDays: opts.governanceReportMaxAge });
    if (opts.facts) {
      await emit(JSON.stringify(checked.facts, null, 2) + '\n', opts.output);
      return;
    }
    const report = buildReport([checked.result], catalogue, lang, now);
    const reports = new Map<Lang, Report>([[lang, report]]);
    const reportIn = (l: Lang): Report => {
      if (!reports.has(l)) reports.set(l, buildReport([buildResult(checked.facts, checked.evaluation, catalogue, l)], catalogue, l, now));
      return reports.get(l)!;
    };
    const toTerminal = !opts.output && process.stdout.isTTY === true;
    const color = useColor(opts.color, toTerminal);
    const gateView = { minLevel: opts.minLevel === undefined ? undefined : Number(opts.minLevel), strict: opts.strict ?? false };
    const context = {
      color, verbose: opts.verbose ?? false, catalogue, gate: gateView, compact: opts.compact ?? false,
      // Wrapped to the terminal's width only on a terminal; a file or a pipe gets whole lines.
      width: toTerminal && process.stdout.columns > 0 ? process.stdout.columns : undefined,
    };
    // GitHub: the annotations on stdout, the job summary appended to $GITHUB_STEP_SUMMARY when the runner gives one.
    const stepSummary = opts.format === 'github' && !opts.explanations ? process.env.GITHUB_STEP_SUMMARY : undefined;
    // Every format but JSON gets the report with its outside strings made printable.
    const shown = opts.explanations
      ? opts.format === 'json'
        ? formatExplanationsJson(report)
        : formatExplanationsText(forFormat(true, report))
      : stepSummary
        ? githubAnnotations(forFormat(true, report), context)
        : formatters[opts.format](forFormat(printableFormats.has(opts.format), report), context);
    await emit(shown, opts.output);
    if (stepSummary) await appendOutput(stepSummary, githubSummary(forFormat(true, report), context));
    let writeFailed = false;
    const targets: { what: string; path: string; content: () => string }[] = (opts.report ?? []).map((target) => ({
      what: `the ${target.format} report`,
      path: target.path,
      content: () => formatters[target.format](forFormat(printableFormats.has(target.format), reportIn(langOf(target.format))), { ...context, color: false, width: undefined }),
    }));
    if (opts.writeBaseline) targets.push({ what: 'the baseline', path: opts.writeBaseline, content: () => formatJson(report, { color: false, verbose: false, catalogue }) });
    for (const target of targets) {
      try {
        await writeOutput(target.path, target.content());
      } catch (e) {
        writeFailed = true;
        printDiagnostic(`os2level: could not write ${target.what} to ${target.path}: ${(e as Error).message}`);
      }
    }
    const gate = { ...gateView, baseline };
    for (const t of toleratedByBaseline(report, gate)) {
      printDiagnostic(`os2level: not met, as in the baseline ${opts.baseline}, so not gated (time-dependent) in ${t.path}: ${t.ids.join(', ')}`);
    }
    for (const f of gateFailures(report, gate)) {
      printDiagnostic(`os2level: level ${gate.minLevel} not reached${gate.strict ? ' (strict)' : ''} in ${f.path}: ${f.ids.join(', ')}`);
    }
    process.exitCode = writeFailed ? EXIT_COULD_NOT_RUN : exitCodeFor(report, gate);
  });
}
