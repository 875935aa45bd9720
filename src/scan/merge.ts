/** `os2level merge`: shard reports back into one. Shards must come from the same tool, catalogue, language and date. */
import { InputError } from '../errors.js';
import type { ScanReport } from './model.js';
import { buildScanReport } from './run.js';

export function mergeScans(reports: { path: string; report: ScanReport }[], previous: ScanReport | null = null): { report: ScanReport; missingShards: string[] } {
  const first = reports[0];
  if (!first) throw new InputError('merge: no scan reports given', [], 'merge-empty');
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { path, report } of reports) {
    for (const [field, a, b] of [
      ['tool version', report.tool.version, first.report.tool.version],
      ['catalogue', report.catalogue.id, first.report.catalogue.id],
      ['language', report.lang, first.report.lang],
      ['date (asOf)', report.asOf, first.report.asOf],
    ] as const) if (a !== b) problems.push(`${path}: ${field} ${a} differs from ${b} in ${first.path}`);
    for (const e of report.products) {
      const other = seen.get(e.name);
      if (other) problems.push(`${path}: product "${e.name}" is also in ${other}`);
      else seen.set(e.name, path);
    }
  }
  if (problems.length) {
    throw new InputError(
      `merge: the reports do not belong to one scan`,
      problems.map((message) => ({ file: message.slice(0, message.indexOf(':')), line: 1, column: 1, code: 'merge-mismatch', message: message.slice(message.indexOf(':') + 2) })),
      'merge-mismatch',
    );
  }
  const counts = new Set(reports.map((r) => r.report.shard?.count ?? null));
  const present = new Set(reports.map((r) => r.report.shard?.index));
  const count = counts.size === 1 ? [...counts][0] : null;
  const missingShards = count ? Array.from({ length: count }, (_, i) => i + 1).filter((i) => !present.has(i)).map((i) => `${i}/${count}`) : [];
  const entries = reports.flatMap((r) => r.report.products);
  const report = buildScanReport(entries, first.report.catalogue, first.report.lang, first.report.asOf, null, previous);
  return { report, missingShards };
}
