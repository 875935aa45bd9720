/**
 * A governance report or self-evaluation read back: OS2's checklist as a product filled it in, one
 * entry per item as written, each tied to the requirements the item covers in the checklist
 * generation the report was written in. What OS2 wrote is kept (the status word, the
 * documentation, the links); what the reader could not read is said per item, with its line.
 */

/** The answers OS2's forms offer, as written: Ja / Nej / Ikke relevant / Ved ikke / Planlagt, and "Delvist". */
export type ReportStatus = 'met' | 'not-met' | 'not-relevant' | 'unknown' | 'planned' | 'partly';

/**
 * How far an item was filled in:
 * - `read`: the status was read (its documentation may be empty);
 * - `placeholder`: the status or the documentation is a placeholder of the form ("[Ikke udfyldt]",
 *   "Indsæt link", "Hvordan?"); a placeholder is never a reason, a value or evidence;
 * - `not-filled`: nothing was answered (an empty status, or a template copied but not filled in);
 * - `unreadable`: something was written that the reader cannot tell (see `problem`).
 */
export type ItemState = 'read' | 'placeholder' | 'not-filled' | 'unreadable';

export type ItemProblemCode =
  /** The status cell holds words that are none of the form's answers. */
  | 'unknown-status'
  /** A symbol and a word that disagree ("✅ Nej"). */
  | 'conflicting-status'
  /** The item id is no item of the report's checklist generation. */
  | 'no-item'
  /** The id names one item, the text clearly another. */
  | 'number-text-mismatch'
  /** The same item appears again further down; the first one counts. */
  | 'duplicate';

export interface ReportItem {
  /** OS2's item id as written, normalised ("F12"). */
  id: string;
  /** The item's text as written (plain words). */
  title: string;
  /** The requirements the item covers in the report's generation (empty when it is none of its items). */
  requirements: string[];
  /** The answer; null unless `state` is `read` or `placeholder` with a status. */
  status: ReportStatus | null;
  /** The status as written (plain text; "" when empty). */
  statusText: string;
  state: ItemState;
  problem?: ItemProblemCode;
  /** The documentation as written (plain words); "" when empty or a placeholder. */
  documentation: string;
  /** The placeholder text, when the status or documentation held one. */
  placeholder?: string;
  /** Link targets in the item's documentation and reference cells, in order. */
  references: string[];
  /** 1-based line of the item in the report (of its `"id"` in a JSON export). */
  line: number;
}

/** `table`: a checklist table per theme; `headings`: `## F12 - text` with `**Status:**` lines; `json`: the 2026 form's export. */
export type ReportLayout = 'table' | 'headings' | 'json';
/** The governance report template, or the 2026 self-evaluation (Efterlevet? / Ja / Nej / … / Planlagt). */
export type ReportForm = 'governance-report' | 'self-evaluation';

export interface GovernanceReportReading {
  /** Where the report was read from (repository-relative inside a repository), when known. */
  path: string | null;
  layout: ReportLayout;
  form: ReportForm;
  /** The checklist generation (levels/checklists.yaml) whose items the report follows. */
  generation: string;
  /** `content`: recognised from the items and their wording; `default`: could not be told. */
  generationBasis: 'content' | 'default';
  productName: string | null;
  /** The date the report was filled in (YYYY-MM-DD), as stated, or from its file name; null when none. */
  date: string | null;
  /** True when no item holds anything a person wrote: a template copied but not filled in. */
  blank: boolean;
  items: ReportItem[];
  /** How many items are in each state. */
  tally: Record<ItemState, number>;
}

export interface ReadReportOptions {
  /** Where the text came from; used for the date in a file name and kept in the reading. */
  path?: string | null;
}
