/**
 * A governance report read back: OS2's checklist as a product filled it in, one row per item, each
 * mapped to the catalogue's requirement ids in the template version the report was written in.
 * Rows that cannot be mapped with confidence carry a problem code instead of a guessed id.
 */

/** Template versions whose numbering differs (see the catalogue's `refs`). */
export const TEMPLATE_VERSIONS = ['2021-05', '2021-11', '2024'] as const;
export type TemplateVersion = (typeof TEMPLATE_VERSIONS)[number];

export type RowStatus = 'met' | 'not-met' | 'not-relevant' | 'unknown';

export type RowProblemCode =
  /** The item number exists in no requirement of this version and the text matches none. */
  | 'no-requirement'
  /** The number points to one item, the text clearly to another. */
  | 'number-text-mismatch'
  /** The text matches two items equally and the number does not decide between them. */
  | 'ambiguous-text'
  /** The status cell could not be read (empty or an unknown word). */
  | 'no-status';

export interface RowProblem {
  code: RowProblemCode;
  /** Requirement ids the row could be about, for the reader to decide. */
  candidates: string[];
}

export interface ReportRow {
  /** 1-based line of the row in the report. */
  line: number;
  /** The item number as written, normalised (e.g. "F13"). */
  ref: string;
  text: string;
  status: RowStatus;
  /** The status cell as written. */
  statusText: string;
  documentation: string;
  /** The one requirement the row is about; null when unmapped or when the item covers several. */
  id: string | null;
  /** Every requirement the item covers in this version (empty when unmapped). */
  ids: string[];
  /** `number-and-text` when both agree; `number` when the text was not recognised. */
  match: 'number-and-text' | 'number' | null;
  problem?: RowProblem;
}

export interface ParsedGovernanceReport {
  version: TemplateVersion;
  /** How the version was decided: stated in the report, inferred from its rows, or a default. */
  versionBasis: 'stated' | 'content' | 'default';
  /** `self-evaluation` for the 2026 form (Ja/Nej/Ikke relevant/Ved ikke, 2024 numbering). */
  form: 'checklist' | 'self-evaluation';
  /** Product name from the report's title, when it names one. */
  productName: string | null;
  rows: ReportRow[];
}
