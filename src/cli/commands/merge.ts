/** `os2level merge`: combines the reports of sharded scans into one. */
import { Option, type Command } from 'commander';
import { scanFormatNames, type ScanFormatName } from '../../scan/format/registry.js';
import { printDiagnostic } from '../errors.js';
import { parseScanReportTarget, writeScanViews, type ScanReportTarget } from './scan.js';

interface MergeOptions {
  format: ScanFormatName;
  output?: string;
  report?: ScanReportTarget[];
  compare?: string;
  color?: boolean;
  allowPartial?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine scan reports of shards (`scan --shard K/N --format json`) into one report')
    .argument('<reports...>', 'scan reports in JSON')
    .addOption(new Option('-f, --format <format>', 'output format').choices(scanFormatNames).default('json'))
    .option('-o, --output <file>', 'write the merged report to a file instead of stdout')
    .option('--report <format=file>', `also write the merged report in another format (repeatable; formats: ${scanFormatNames.join(', ')})`, parseScanReportTarget)
    .option('--compare <file>', 'mark what moved since a previous scan report')
    .option('--allow-partial', 'merge even when shards are missing or do not match (they are left out); the report says it is partial')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], opts: MergeOptions) => {
      // Imported when the command runs, so `--help` and other commands do not pay for them.
      const [{ mergeScans }, { readScanReport }] = await Promise.all([import('../../scan/merge.js'), import('../../scan/run.js')]);
      const reports = await Promise.all(paths.map(async (path) => ({ path, report: await readScanReport(path) })));
      const previous = opts.compare ? await readScanReport(opts.compare) : null;
      const report = mergeScans(reports, previous, { allowPartial: opts.allowPartial === true });
      if (report.partial) {
        for (const s of report.partial.missingShards) printDiagnostic(`os2level: merge: shard ${s} is missing; the report is partial`);
        for (const x of report.partial.excluded) printDiagnostic(`os2level: merge: ${x.file} left out: ${x.reason}; the report is partial`);
      }
      process.exitCode = await writeScanViews(report, opts);
    });
}
