/**
 * A whole scan run: the slice of the portfolio (`--shard`), the journal and `--resume`, the scan
 * itself, the comparison with a previous scan, and the report. The CLI only parses options and
 * writes what this returns.
 */
import { readInputFile } from '../repo/readInput.js';
import { DEFAULT_MAX_BYTES as YAML_MAX_BYTES } from '../yaml/load.js';
import { InputError } from '../errors.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import type { Portfolio, PortfolioProduct } from '../portfolio/types.js';
import { TOOL_VERSION } from '../version.js';
import { sha256 } from './cache.js';
import { compareScans, historyPoint, mergeHistory } from './compare.js';
import { describeInvalid, invalidScanReport } from './inputs.js';
import { Journal, readJournal, type SkippedJournalLine } from './journal.js';
import { SCAN_SCHEMA_VERSION, type HistoryPoint, type PartialScan, type ScanEntry, type ScanReport, type ShardOfScan } from './model.js';
import { scanProducts, type ScanOptions } from './scan.js';
import { inShard, type Shard } from './shard.js';
import { byName, summarise } from './summary.js';

export interface RunScanOptions extends Omit<ScanOptions, 'levelsHash' | 'baseDir' | 'onEntry' | 'now'> {
  /** The date time rules are evaluated against; on --resume the journal's date is kept. */
  now: Date;
  shard: Shard | null;
  journalPath: string;
  resume: boolean;
  previous: ScanReport | null;
  onResumed?: (skipped: number) => void;
  /** A journal line that was cut off or failed its schema: its product is scanned again. */
  onJournalLineSkipped?: (skipped: SkippedJournalLine) => void;
  onEntry?: (entry: ScanEntry, durationMs: number) => void;
  onPlanned?: (total: number) => void;
  /** Earlier scans of this portfolio (the cache's history), for the report's chart over time. */
  history?: HistoryPoint[];
}

export async function levelsHashOf(catalogue: LevelCatalogue): Promise<string> {
  return sha256(await readInputFile(catalogue.path, { what: 'a level catalogue (--levels)', maxBytes: YAML_MAX_BYTES }));
}

/** What makes two runs the same scan, for --resume. */
export function scanFingerprint(portfolio: Portfolio, levelsHash: string, lang: Lang, shard: Shard | null): string {
  return sha256(JSON.stringify({ tool: TOOL_VERSION, levelsHash, lang, shard, products: portfolio.products, baseDir: portfolio.baseDir }));
}

/** The portfolio's identity across machines: its products, not where it was checked out. */
export const portfolioHash = (portfolio: Portfolio): string => sha256(JSON.stringify(portfolio.products));

export async function runScan(portfolio: Portfolio, opts: RunScanOptions): Promise<ScanReport> {
  const levelsHash = await levelsHashOf(opts.catalogue);
  const selected = portfolio.products.filter((p) => inShard(p.name, opts.shard));
  const fingerprint = scanFingerprint(portfolio, levelsHash, opts.lang, opts.shard);
  const previousRun = opts.resume ? await readJournal(opts.journalPath) : null;
  for (const skipped of previousRun?.skipped ?? []) opts.onJournalLineSkipped?.(skipped);
  const asOf = previousRun?.header.asOf ?? opts.now.toISOString().slice(0, 10);
  const journal = await Journal.open(opts.journalPath, { type: 'scan', fingerprint, asOf }, previousRun);
  const wanted = new Set(selected.map((p) => p.name));
  const done = (previousRun?.entries ?? []).filter((e) => wanted.has(e.name));
  const doneNames = new Set(done.map((e) => e.name));
  const todo: PortfolioProduct[] = selected.filter((p) => !doneNames.has(p.name));
  opts.onPlanned?.(selected.length);
  if (done.length) opts.onResumed?.(done.length);
  const now = previousRun ? new Date(`${asOf}T12:00:00Z`) : opts.now;
  const fresh = await scanProducts(todo, {
    ...opts,
    now,
    levelsHash,
    baseDir: portfolio.baseDir,
    onEntry: async (entry, ms) => {
      await journal.append(entry);
      opts.onEntry?.(entry, ms);
    },
  });
  const shard = opts.shard ? { ...opts.shard, portfolio: portfolioHash(portfolio) } : null;
  return buildScanReport([...done, ...fresh], opts.catalogue, opts.lang, asOf, shard, opts.previous, { history: opts.history ?? [] });
}

export function buildScanReport(
  entries: ScanEntry[],
  catalogue: { id: string; path: string },
  lang: Lang,
  asOf: string,
  shard: ShardOfScan | null,
  previous: ScanReport | null,
  extra: { history?: HistoryPoint[]; partial?: PartialScan } = {},
): ScanReport {
  const products = [...entries].sort(byName);
  const summary = summarise(products);
  // Movement over time is shown against a previous scan: without one there is no history to draw.
  const history = previous ? mergeHistory(extra.history ?? [], previous, historyPoint({ asOf, summary })) : null;
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    kind: 'os2level-scan',
    tool: { name: 'os2level', version: TOOL_VERSION },
    catalogue: { id: catalogue.id, path: catalogue.path },
    lang,
    asOf,
    shard,
    summary,
    products,
    comparison: previous ? compareScans(products, previous) : null,
    ...(history ? { history } : {}),
    ...(extra.partial ? { partial: extra.partial } : {}),
  };
}

/** A scan report of a few thousand products runs to tens of megabytes. */
const MAX_SCAN_REPORT_BYTES = 256 * 1024 * 1024;

/** Reads a previous scan report (`--compare`, or the shards given to `merge`). */
export async function readScanReport(path: string): Promise<ScanReport> {
  // Bounded and never blocking on a FIFO: the one input reader refuses those with exit 2.
  const bytes = await readInputFile(path, { what: 'a scan report', maxBytes: MAX_SCAN_REPORT_BYTES });
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    const message = 'not valid JSON';
    // One line: the message already names the file.
    throw new InputError(`${path}: ${message}`, [], 'scan-unreadable');
  }
  const r = data as Partial<ScanReport> | null;
  if (r?.kind !== 'os2level-scan' || r.schemaVersion !== SCAN_SCHEMA_VERSION) {
    throw new InputError(`${path}: not an os2level scan report (from \`os2level scan --format json\`)`, [], 'not-a-scan-report');
  }
  // Every field is checked before any is used: a minimal or crafted report is refused in one line.
  const invalid = invalidScanReport(data, path);
  if (invalid) throw new InputError(`${path}: not a valid os2level scan report: ${describeInvalid(invalid)}`, [], 'scan-invalid');
  return r as ScanReport;
}
