/** Reading a governance report file: bounded, UTF-8, a missing or unreadable file is an input error. */
import { readInputFile } from '../repo/readInput.js';
import type { LevelCatalogue } from '../levels/types.js';
import { parseGovernanceReport } from './parse.js';
import type { ParsedGovernanceReport } from './types.js';

export const GOVERNANCE_REPORT_MAX_BYTES = 2 * 1024 * 1024;

/** A report the user named (`import-report FILE`); a report inside a repository is read with `readRepoText`. */
export async function readGovernanceReport(path: string, catalogue: LevelCatalogue): Promise<ParsedGovernanceReport> {
  const bytes = await readInputFile(path, { what: 'a governance report', maxBytes: GOVERNANCE_REPORT_MAX_BYTES });
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return parseGovernanceReport(text, catalogue);
}
