/** What a coverage parser returns: the report's totals, or why and where it could not be read. */
import type { Readable } from 'node:stream';
import type { CoverageReportFacts } from '../facts/types.js';

export type CoverageCounts = Omit<CoverageReportFacts, 'path' | 'format'>;

export type ParseOutcome = { ok: true; counts: CoverageCounts } | { ok: false; reason: string };

/** Every parser reads a stream, so no report is ever held in memory whole. */
export type CoverageParser = (input: Readable) => Promise<ParseOutcome>;

export const failed = (reason: string): ParseOutcome => ({ ok: false, reason });

/** A non-negative integer attribute or field, or null. */
export function count(value: string | undefined | null): number | null {
  if (value === undefined || value === null || !/^\s*\d+(?:\.0+)?\s*$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The one gate every report's totals pass before they count: covered never exceeds the total.
 * A report claiming more (lcov `LH` > `LF`, Cobertura `lines-covered` > `lines-valid`, JaCoCo or
 * Clover likewise) is corrupt or crafted; believing it reported 500 % and passed coverage gates.
 */
export function acceptCounts(counts: CoverageCounts): ParseOutcome {
  const unit = counts.lineUnit ?? 'lines';
  if (counts.linesCovered > counts.linesTotal) {
    return failed(`invalid report: ${counts.linesCovered} ${unit} covered of ${counts.linesTotal}, more than exist`);
  }
  if (counts.branchesCovered !== null && counts.branchesTotal !== null && counts.branchesCovered > counts.branchesTotal) {
    return failed(`invalid report: ${counts.branchesCovered} branches covered of ${counts.branchesTotal}, more than exist`);
  }
  if ((counts.branchesCovered === null) !== (counts.branchesTotal === null)) return failed('invalid report: branch counts are incomplete');
  return { ok: true, counts };
}
