/**
 * `os2level merge`: shard reports back into one. The shards must be of one scan (same tool,
 * catalogue, language, date and portfolio) and complete: the same N, each of 1..N exactly once,
 * every product in the shard it belongs to. Anything else is refused, naming what is wrong —
 * unless `allowPartial`: then shards that do not match the first are left out, missing shards are
 * allowed, and the report says what it lacks (`partial`).
 */
import { InputError, type SourceProblem } from '../errors.js';
import type { PartialScan, ScanReport } from './model.js';
import { buildScanReport } from './run.js';
import { inShard } from './shard.js';

type Given = { path: string; report: ScanReport };

/** Why `r` is not a shard of the same scan as `first`; null when it is. */
function mismatch(r: Given, first: Given): string | null {
  for (const [field, a, b] of [
    ['tool version', r.report.tool.version, first.report.tool.version],
    ['catalogue', r.report.catalogue.id, first.report.catalogue.id],
    ['language', r.report.lang, first.report.lang],
    ['date (asOf)', r.report.asOf, first.report.asOf],
  ] as const) if (a !== b) return `${field} ${a} differs from ${b} in ${first.path}`;
  const s = r.report.shard;
  const f = first.report.shard;
  if (s && f) {
    if (s.count !== f.count) return `is shard ${s.index}/${s.count}, but ${first.path} is one of ${f.count}`;
    if (s.portfolio !== f.portfolio) return `comes from another portfolio than ${first.path}`;
  }
  return null;
}

export function mergeScans(reports: Given[], previous: ScanReport | null = null, opts: { allowPartial?: boolean } = {}): ScanReport {
  const first = reports[0];
  if (!first) throw new InputError('merge: no scan reports given', [], 'merge-empty');
  const problems: SourceProblem[] = [];
  const problem = (file: string, code: string, message: string): void => void problems.push({ file, line: 1, column: 1, code, message });
  const excluded: PartialScan['excluded'] = [];
  let kept = reports;
  if (opts.allowPartial) {
    kept = [];
    const indices = new Map<number, string>();
    for (const r of reports) {
      const dup = r.report.shard ? indices.get(r.report.shard.index) : undefined;
      const why = mismatch(r, first) ?? (dup ? `shard ${r.report.shard!.index}/${r.report.shard!.count} is also given as ${dup}` : null);
      if (why) excluded.push({ file: r.path, reason: why });
      else {
        kept.push(r);
        if (r.report.shard) indices.set(r.report.shard.index, r.path);
      }
    }
  } else {
    for (const r of reports) {
      const why = mismatch(r, first);
      if (why) problem(r.path, why.includes('another portfolio') ? 'merge-portfolio' : why.startsWith('is shard') ? 'merge-shard-count' : 'merge-mismatch', why);
    }
  }
  const seen = new Map<string, string>();
  for (const { path, report } of kept) {
    for (const e of report.products) {
      const other = seen.get(e.name);
      if (other) problem(path, 'merge-duplicate-product', `product ${JSON.stringify(e.name)} is also in ${other}`);
      else seen.set(e.name, path);
    }
  }
  const missing = shardProblems(kept, problem);
  if (missing.length && !opts.allowPartial) problem(first.path, 'merge-shards-missing', `shards missing: ${missing.join(', ')} (--allow-partial merges what there is and marks the report partial)`);
  if (problems.length) throw new InputError(`merge: the reports are not the complete shards of one scan`, problems, problems[0]!.code);
  const entries = kept.flatMap((r) => r.report.products);
  const partial = missing.length || excluded.length ? { missingShards: missing, excluded } : undefined;
  return buildScanReport(entries, first.report.catalogue, first.report.lang, first.report.asOf, null, previous, partial ? { partial } : {});
}

/** Each of 1..N exactly once, every product in its own shard; returns the missing shards as `K/N`. */
function shardProblems(reports: Given[], problem: (file: string, code: string, message: string) => void): string[] {
  const whole = reports.filter((r) => r.report.shard === null);
  if (whole.length > 0) {
    // A whole scan merges with nothing (alone it is passed through).
    if (reports.length > 1) for (const r of whole) problem(r.path, 'merge-not-a-shard', 'is a whole scan, not a shard (`scan --shard K/N`)');
    return [];
  }
  const first = reports[0]!;
  const count = first.report.shard!.count;
  const byIndex = new Map<number, string>();
  for (const { path, report } of reports) {
    const shard = report.shard!;
    if (shard.index > shard.count) problem(path, 'merge-shard-count', `is shard ${shard.index}/${shard.count}, which does not exist`);
    const other = byIndex.get(shard.index);
    if (other) problem(path, 'merge-shard-duplicate', `shard ${shard.index}/${shard.count} is also given as ${other}`);
    else byIndex.set(shard.index, path);
    for (const e of report.products) {
      if (!inShard(e.name, shard)) problem(path, 'merge-wrong-shard', `product ${JSON.stringify(e.name)} does not belong to shard ${shard.index}/${shard.count}`);
    }
  }
  return Array.from({ length: count }, (_, i) => i + 1)
    .filter((i) => !byIndex.has(i))
    .map((i) => `${i}/${count}`);
}
