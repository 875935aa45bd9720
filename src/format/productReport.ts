/**
 * The product's own answers, as the secretariat's evaluation sets them beside os2level's findings:
 * per checklist item the status the product wrote in its governance report or self-evaluation,
 * its documentation and where it was written. Taken from the report model (each requirement's
 * `reportAnswer`, the result's `governanceReport`), so the view reads nothing itself.
 */
import type { ReportStatus } from '../governanceReport/types.js';
import type { RepositoryResult } from '../report/model.js';
import type { ChecklistItem } from './checklist.js';

export interface ProductAnswer {
  status: ReportStatus;
  /** The status as written, for the evaluation to quote. */
  statusText: string;
  documentation: string;
  /** Where it was written: the report's path and the item's line. */
  path: string;
  line: number;
}

export interface ProductReport {
  /** Where the report is, relative to the repository (or as given on the command line). */
  path: string;
  date: string | null;
  /** Why the report may be out of date (older than the checklist, older than the age limit, undated). */
  stale: string[];
}

/** The product's governance report the result was checked with; null when none was read. */
export function productReportOf(result: RepositoryResult): ProductReport | null {
  const r = result.governanceReport;
  if (!r || r.problem) return null;
  return { path: r.path, date: r.date, stale: [...r.stale] };
}

/** The product's own answer for an item: its report's answer for the item's requirements, if any. */
export function productAnswerOf(item: ChecklistItem): ProductAnswer | null {
  const answer = item.entries.map((e) => e.requirement.reportAnswer).find((a) => a !== undefined && a !== null);
  return answer ? { status: answer.status, statusText: answer.statusText, documentation: answer.documentation, path: answer.path, line: answer.line } : null;
}
