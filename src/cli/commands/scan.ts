/** `os2level scan`: the portfolio scan. Parses options, runs the scan, writes the views. */
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import type { Portfolio } from '../../portfolio/types.js';
import { printableScanFormats, scanFormatters, scanFormatNames, isScanFormatName, type ScanFormatName } from '../../scan/format/registry.js';
import { forFormat, printableDeep } from '../printable.js';
import type { ScanReport } from '../../scan/model.js';
import { parseShard, type Shard } from '../../scan/shard.js';
import { EXIT_COULD_NOT_RUN, EXIT_GATE_FAILED, EXIT_OK } from '../../report/exitCode.js';
import type { LevelNumber } from '../../levels/types.js';
import type { SkippedFolder } from '../../portfolio/types.js';
import { emit, writeOutput } from '../output.js';
import { printDiagnostic } from '../errors.js';
import { parseAsOf, parseTimeoutSeconds, useColor } from '../options.js';
import { addCommonOptions, loadCatalogue, resolveLang } from './shared.js';

export interface ScanReportTarget {
  format: ScanFormatName;
  path: string;
}

interface ScanCliOptions {
  dir?: string;
  format: ScanFormatName;
  output?: string;
  report?: ScanReportTarget[];
  lang?: string;
  levels?: string;
  asOf?: Date;
  cacheDir?: string;
  concurrency: number;
  timeout: number;
  retries: number;
  journal?: string;
  resume?: boolean;
  compare?: string;
  shard?: Shard;
  color?: boolean;
  minLevel?: LevelNumber;
  failOnRegression?: boolean;
  initPortfolio?: string;
}

const parseLevel = (value: string): LevelNumber => {
  const n = Number(value);
  if (![0, 1, 2, 3].includes(n) || value.trim() === '') throw new InvalidArgumentError('expected a level: 0 (minimum), 1, 2 or 3.');
  return n as LevelNumber;
};

/** Why `scan --dir` passed a folder over, as printed on stderr. */
const SKIP_REASON: Record<SkippedFolder['reason'], string> = {
  symlink: 'a symbolic link (never followed)',
  ignored: 'a dependency or cache folder',
  'too-deep': 'deeper than 6 folders below the directory',
  unreadable: 'cannot be read',
  'no-repository': 'no git repository in it',
};

const positiveInt = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1.`);
  return n;
};
const nonNegativeInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return n;
};

/** `--report <format>=<file>`, repeatable. */
export function parseScanReportTarget(value: string, previous: ScanReportTarget[] = []): ScanReportTarget[] {
  const eq = value.indexOf('=');
  const format = eq > 0 ? value.slice(0, eq) : '';
  const path = eq > 0 ? value.slice(eq + 1) : '';
  if (!format || !path) throw new InvalidArgumentError(`expected <format>=<file>, e.g. html=scan.html; formats: ${scanFormatNames.join(', ')}.`);
  if (!isScanFormatName(format)) throw new InvalidArgumentError(`unknown format "${format}"; valid formats: ${scanFormatNames.join(', ')}.`);
  return [...previous, { format, path }];
}

/** Writes the main view and every --report file; a failed file write is reported and makes the exit code 2. */
export async function writeScanViews(report: ScanReport, opts: { format: ScanFormatName; output?: string; report?: ScanReportTarget[]; color?: boolean }): Promise<number> {
  const color = useColor(opts.color, !opts.output && process.stdout.isTTY === true);
  await emit(scanFormatters[opts.format](forFormat(printableScanFormats.has(opts.format), report), { color }), opts.output);
  let code = EXIT_OK;
  for (const target of opts.report ?? []) {
    try {
      await writeOutput(target.path, scanFormatters[target.format](forFormat(printableScanFormats.has(target.format), report), { color: false }));
    } catch (e) {
      code = EXIT_COULD_NOT_RUN;
      printDiagnostic(`os2level: could not write the ${target.format} report to ${target.path}: ${(e as Error).message}`);
    }
  }
  return code;
}

export function registerScan(program: Command): void {
  const cmd = program
    .command('scan')
    .description('scan a portfolio of products (portfolio.yaml, or every git repository under --dir) and report where each stands')
    .argument('[portfolio]', 'the portfolio file (see schemas/portfolio.schema.json)')
    .option('--dir <dir>', 'scan every git repository found under this directory instead of a portfolio file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(scanFormatNames).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--report <format=file>', `also write the report in another format (repeatable; formats: ${scanFormatNames.join(', ')})`, parseScanReportTarget)
    .option('--as-of <date>', 'evaluate time-based rules as of this date (YYYY-MM-DD)', parseAsOf)
    .option('--cache-dir <dir>', 'where clones, cached facts and journals live (default: $XDG_CACHE_HOME/os2level or ~/.cache/os2level)')
    .option('--concurrency <n>', 'products scanned at once (default: the number of CPUs)', positiveInt('--concurrency'), Math.max(1, cpus().length))
    .option('--timeout <seconds>', 'give up on a product after this long', parseTimeoutSeconds, 300)
    .option('--retries <n>', 'further attempts after a network error, with backoff', nonNegativeInt, 2)
    .option('--journal <file>', 'the JSON Lines file finished products are appended to (default: in the cache directory)')
    .option('--resume', 'continue an interrupted scan from its journal: finished products are not scanned again')
    .option('--compare <file>', 'mark what moved since a previous scan (a `scan --format json` report, or "last" for the previous complete run in the cache)')
    .option('--shard <K/N>', 'scan only slice K of N (deterministic by product name); combine the slices with `os2level merge`', parseShard)
    .option('--min-level <level>', 'exit 1 when a product is below this level (0-3) or below its official level, or could not be scanned', parseLevel)
    .option('--fail-on-regression', 'exit 1 when a product went down a level or a checklist item turned red since --compare')
    .option('--init-portfolio <dir>', 'write a portfolio file (to -o or stdout) from the clones under this directory, and scan nothing')
    .option('--no-color', 'never colour the output');
  addCommonOptions(cmd);
  cmd.action(async (portfolioPath: string | undefined, opts: ScanCliOptions) => {
    if (opts.initPortfolio !== undefined) {
      if (portfolioPath || opts.dir) throw new InputError('scan: --init-portfolio writes a portfolio file; give no portfolio file or --dir with it', [], 'usage');
      const { initialPortfolio } = await import('../../portfolio/init.js');
      const { text, discovered } = await initialPortfolio(opts.initPortfolio, opts.output ? dirname(resolve(opts.output)) : process.cwd());
      for (const s of discovered.skipped) printDiagnostic(`os2level: skipped ${s.path}: ${SKIP_REASON[s.reason]}`);
      await emit(text, opts.output);
      process.exitCode = EXIT_OK;
      return;
    }
    if (!portfolioPath === !opts.dir) throw new InputError('scan: give either a portfolio file or --dir <dir>', [], 'usage');
    if (opts.failOnRegression && !opts.compare) throw new InputError('scan: --fail-on-regression needs --compare <file|last> to know what came before', [], 'usage');
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ discoverPortfolio }, { loadPortfolio }, { appendHistory, defaultCacheDir, defaultJournalPath, lastScanPath, readHistory, sha256 }, { createProgress }, { readScanReport, runScan }, { gateFailures }, { historyPoint }] = await Promise.all([
      import('../../portfolio/discover.js'),
      import('../../portfolio/load.js'),
      import('../../scan/cache.js'),
      import('../../scan/progress.js'),
      import('../../scan/run.js'),
      import('../../scan/gates.js'),
      import('../../scan/compare.js'),
    ]);
    const discovered = opts.dir ? await discoverPortfolio(opts.dir) : null;
    for (const s of discovered?.skipped ?? []) printDiagnostic(`os2level: skipped ${s.path}: ${SKIP_REASON[s.reason]}`);
    const portfolio: Portfolio = discovered ?? (await loadPortfolio(portfolioPath!));
    const catalogue = await loadCatalogue(opts);
    const lang = resolveLang(opts.lang);
    const cacheDir = opts.cacheDir ?? defaultCacheDir();
    const portfolioKey = sha256(`${portfolio.source}\0${opts.shard ? `${opts.shard.index}/${opts.shard.count}` : ''}`).slice(0, 24);
    const previous = opts.compare === 'last' ? await readScanReport(lastScanPath(cacheDir, portfolioKey)) : opts.compare ? await readScanReport(opts.compare) : null;
    const progress = createProgress(process.stderr, process.stderr.isTTY === true);
    const report = await runScan(portfolio, {
      catalogue,
      lang,
      now: opts.asOf ?? new Date(),
      cacheDir,
      concurrency: opts.concurrency,
      timeoutMs: opts.timeout * 1000,
      retries: opts.retries,
      backoffMs: 1000,
      shard: opts.shard ?? null,
      journalPath: opts.journal ?? defaultJournalPath(cacheDir, portfolioKey),
      resume: opts.resume ?? false,
      previous,
      // The cache's history goes with the cache's last scan.
      history: opts.compare === 'last' ? await readHistory(cacheDir, portfolioKey) : [],
      onPlanned: (n) => progress.planned(n),
      onResumed: (n) => progress.resumed(n),
      // Progress lines name products and repositories: printable, as every diagnostic. Fields of a
      // damaged journal or cache file may hold anything; printDiagnostic escapes them.
      onJournalLineSkipped: (s) => printDiagnostic(`os2level: ${s.file}:${s.line}: journal line skipped, its product is scanned again: ${s.reason}`),
      onCacheInvalid: (file, reason) => printDiagnostic(`os2level: ${file}: cached facts are not valid, collected again: ${reason}`),
      onEntry: (e, ms) => progress.finished(printableDeep(e), ms),
    });
    progress.end();
    const last = lastScanPath(cacheDir, portfolioKey);
    await mkdir(dirname(last), { recursive: true });
    await writeOutput(last, JSON.stringify(report));
    if (!opts.shard) await appendHistory(cacheDir, portfolioKey, historyPoint(report));
    const written = await writeScanViews(report, opts);
    const failures = gateFailures(report, { minLevel: opts.minLevel ?? null, failOnRegression: opts.failOnRegression === true });
    for (const f of failures) printDiagnostic(`os2level: ${f.product}: ${f.message}`);
    process.exitCode = written !== EXIT_OK ? written : failures.length ? EXIT_GATE_FAILED : EXIT_OK;
  });
}
