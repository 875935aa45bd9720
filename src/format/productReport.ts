/**
 * The product's own answers, as the secretariat's evaluation sets them beside os2level's findings:
 * per checklist item the status the product wrote, its documentation and where it was written.
 * A view-side shape, filled from whatever reader read the product's governance report or
 * self-evaluation; `fromParsedGovernanceReport` fills it from the report reader's rows.
 */
import type { ParsedGovernanceReport } from '../governanceReport/types.js';

/** The product's answer for one item: the forms' statuses, and "planned" for the 2026 form's Planlagt. */
export type ProductAnswerStatus = 'met' | 'not-met' | 'not-relevant' | 'unknown' | 'planned';

export interface ProductAnswer {
  /** The item's id in the report's own numbering (e.g. "F12"). */
  item: string;
  /** null: the row is there but nobody chose a status (empty cell or placeholder). */
  status: ProductAnswerStatus | null;
  /** The status cell as written, for the evaluation to quote. */
  statusText: string;
  documentation: string;
  /** 1-based line of the row in the report. */
  line: number | null;
}

export interface ProductReport {
  /** Where the report is, relative to the repository (or the file name given on the command line). */
  path: string;
  /** The date the report states it was filled in (YYYY-MM-DD), when it states one. */
  date: string | null;
  answers: ProductAnswer[];
}

/** The product's answers from the governance-report reader's rows (rows without an item number are skipped). */
export function fromParsedGovernanceReport(parsed: ParsedGovernanceReport, path: string, date: string | null = null): ProductReport {
  return {
    path,
    date,
    answers: parsed.rows.filter((r) => r.ref).map((r): ProductAnswer => ({
      item: r.ref,
      status: /^planlagt$/i.test(r.statusText.trim()) ? 'planned' : r.problem?.code === 'no-status' ? null : r.status,
      statusText: r.statusText,
      documentation: r.documentation,
      line: r.line,
    })),
  };
}
