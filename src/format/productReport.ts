/**
 * The product's own answers, as the secretariat's evaluation sets them beside os2level's findings:
 * per checklist item the status the product wrote, its documentation and where it was written.
 * A view-side shape, filled from whatever reader read the product's governance report or
 * self-evaluation; `fromGovernanceReportReading` fills it from the report reader.
 */
import type { GovernanceReportReading, ReportStatus } from '../governanceReport/types.js';

/** The product's answer for one item, as OS2's forms offer it (Ja / Nej / Ikke relevant / Ved ikke / Planlagt / Delvist). */
export type ProductAnswerStatus = ReportStatus;

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

/**
 * The product's answers from the governance-report reader. An item whose status is a placeholder,
 * not filled in or unreadable has no answer (null); its documentation is kept as written.
 */
export function fromGovernanceReportReading(reading: GovernanceReportReading, path: string = reading.path ?? ''): ProductReport {
  return {
    path,
    date: reading.date,
    answers: reading.items.map((item): ProductAnswer => ({
      item: item.id,
      status: item.state === 'read' || item.state === 'placeholder' ? item.status : null,
      statusText: item.statusText,
      documentation: item.documentation,
      line: item.line,
    })),
  };
}
