/** Reading a governance report file: bounded, UTF-8, a missing or unreadable file is an input error. */
import { readInputFile } from '../repo/readInput.js';
import type { LevelCatalogue } from '../levels/types.js';
import { readGovernanceReportText } from './reader.js';
import type { GovernanceReportReading } from './types.js';

export const GOVERNANCE_REPORT_MAX_BYTES = 2 * 1024 * 1024;

/** A report the user named (`import-report FILE`); a report inside a repository is read with `readRepoText`. */
export async function readGovernanceReport(path: string, catalogue: LevelCatalogue): Promise<GovernanceReportReading> {
  const bytes = await readInputFile(path, { what: 'a governance report', maxBytes: GOVERNANCE_REPORT_MAX_BYTES });
  return readGovernanceReportText(bytes.toString('utf8'), { path, catalogue });
}
