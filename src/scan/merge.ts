/**
 * `os2level merge`: shard reports back into one. The shards must be of one scan (same tool,
 * catalogue, language, date and portfolio) and complete: the same N, each of 1..N exactly once,
 * every product in the shard it belongs to. Anything else is refused, naming what is wrong.
 */
import { InputError, type SourceProblem } from '../errors.js';
import type { ScanReport } from './model.js';
import { buildScanReport } from './run.js';
import { inShard } from './shard.js';

export function mergeScans(reports: { path: string; report: ScanReport }[], previous: ScanReport | null = null): ScanReport {
  const first = reports[0];
  if (!first) throw new InputError('merge: no scan reports given', [], 'merge-empty');
  const problems: SourceProblem[] = [];
  const problem = (file: string, code: string, message: string): void => void problems.push({ file, line: 1, column: 1, code, message });
  const seen = new Map<string, string>();
  for (const { path, report } of reports) {
    for (const [field, a, b] of [
      ['tool version', report.tool.version, first.report.tool.version],
      ['catalogue', report.catalogue.id, first.report.catalogue.id],
      ['language', report.lang, first.report.lang],
      ['date (asOf)', report.asOf, first.report.asOf],
    ] as const) if (a !== b) problem(path, 'merge-mismatch', `${field} ${a} differs from ${b} in ${first.path}`);
    for (const e of report.products) {
      const other = seen.get(e.name);
      if (other) problem(path, 'merge-duplicate-product', `product ${JSON.stringify(e.name)} is also in ${other}`);
      else seen.set(e.name, path);
    }
  }
  shardProblems(reports, problem);
  if (problems.length) throw new InputError(`merge: the reports are not the complete shards of one scan`, problems, problems[0]!.code);
  const entries = reports.flatMap((r) => r.report.products);
  return buildScanReport(entries, first.report.catalogue, first.report.lang, first.report.asOf, null, previous);
}

/** Same N, same portfolio, each of 1..N exactly once, every product in its own shard. */
function shardProblems(reports: { path: string; report: ScanReport }[], problem: (file: string, code: string, message: string) => void): void {
  const whole = reports.filter((r) => r.report.shard === null);
  if (whole.length > 0) {
    // A whole scan merges with nothing (alone it is passed through).
    if (reports.length > 1) for (const r of whole) problem(r.path, 'merge-not-a-shard', 'is a whole scan, not a shard (`scan --shard K/N`)');
    return;
  }
  const first = reports[0]!;
  const count = first.report.shard!.count;
  const portfolio = first.report.shard!.portfolio;
  const byIndex = new Map<number, string>();
  for (const { path, report } of reports) {
    const shard = report.shard!;
    if (shard.index > shard.count) problem(path, 'merge-shard-count', `is shard ${shard.index}/${shard.count}, which does not exist`);
    if (shard.count !== count) problem(path, 'merge-shard-count', `is shard ${shard.index}/${shard.count}, but ${first.path} is one of ${count}`);
    if (shard.portfolio !== portfolio) problem(path, 'merge-portfolio', `comes from another portfolio than ${first.path}`);
    const other = byIndex.get(shard.index);
    if (other) problem(path, 'merge-shard-duplicate', `shard ${shard.index}/${shard.count} is also given as ${other}`);
    else byIndex.set(shard.index, path);
    for (const e of report.products) {
      if (!inShard(e.name, shard)) problem(path, 'merge-wrong-shard', `product ${JSON.stringify(e.name)} does not belong to shard ${shard.index}/${shard.count}`);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) problem(first.path, 'merge-shards-missing', `shards missing: ${missing.map((i) => `${i}/${count}`).join(', ')}`);
}
