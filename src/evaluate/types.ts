import type { Basis, CheckOutcome, Evidence, MessageArgs } from '../checks/types.js';
import type { Area, LevelNumber, Requirement, Source, Strength, Theme } from '../levels/types.js';
import type { ReportStatus } from '../governanceReport/types.js';

/** The outcomes a requirement can have after explanations and not-applicable declarations are applied. */
export const OUTCOMES = ['pass', 'fail', 'explained', 'not-applicable', 'unknown', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that let a must-requirement count towards a level. */
export const SATISFIES: ReadonlySet<Outcome> = new Set(['pass', 'explained', 'not-applicable']);

export interface ExplanationState {
  reason: string;
  approvedBy: string | null;
  /** When it was approved: `approvedOn`, else a YYYY-MM-DD date written in `approvedBy`. */
  approvedOn: string | null;
  /** Whole days from `approvedOn` to "now"; null when no approval date is known. */
  ageDays: number | null;
  expires: string | null;
  /** An expired explanation counts as missing. */
  expired: boolean;
}

export interface RequirementOutcome {
  id: string;
  level: LevelNumber;
  strength: Strength;
  area: Area;
  theme: Theme;
  source: Source;
  /** The checklist item this requirement decides (part of) in the selected generation; null when it decides none. */
  item: string | null;
  outcome: Outcome;
  /** What the check itself decided, before comply-or-explain. */
  checkOutcome: CheckOutcome | 'error';
  code: string;
  args: MessageArgs;
  evidence: Evidence[];
  basis: Basis;
  /** The check found part of what is asked (e.g. documentation only as .docx): an unmet part that still counts as partly met. */
  partial: boolean;
  findings: { code: string; args: MessageArgs }[];
  explanation: ExplanationState | null;
  notApplicable: { reason: string } | null;
  /** What the product's governance report answers for the item this requirement is part of; null when it says nothing usable. */
  reportAnswer: ReportAnswer | null;
}

/** A governance report's answer for one requirement, with where it stands. */
export interface ReportAnswer {
  /** The report's path and the item's line in it. */
  path: string;
  line: number;
  /** OS2's item id as the report numbers it. */
  item: string;
  status: ReportStatus;
  statusText: string;
  documentation: string;
  references: string[];
  /** The report's date (YYYY-MM-DD); null when it states none. */
  date: string | null;
  /** True when the answer decided the outcome (the repository and os2.yaml left it open). */
  used: boolean;
}

/** The product's governance report as evidence: where it is, how old, and whether it is stale. */
export interface ReportSummary {
  path: string;
  source: 'option' | 'manifest' | 'repository';
  /** The report could not be read (the path names no file, or an unreadable one). */
  problem: 'not-found' | 'unreadable' | 'too-large' | null;
  generation: string | null;
  form: 'governance-report' | 'self-evaluation' | null;
  productName: string | null;
  date: string | null;
  /** Whole days from the report's date to "now"; null when it has no date. */
  ageDays: number | null;
  /**
   * `older-than-checklist`: written before the selected checklist generation was published;
   * `older-than-max-age`: older than the configured age; `undated`: no date to judge by.
   */
  stale: ('older-than-checklist' | 'older-than-max-age' | 'undated')[];
  /** The age beyond which the report is flagged (`--governance-report-max-age`). */
  maxAgeDays: number;
  /** How many items are in each state (read, placeholder, not-filled, unreadable). */
  tally: Record<'read' | 'placeholder' | 'not-filled' | 'unreadable', number> | null;
  /** Requirements whose outcome the report's answers decided. */
  decided: string[];
}

/** OS2's four colours plus "no light": green, yellow, red, grey, and nothing decided. */
export const ITEM_STATUSES = ['met', 'partly-met', 'not-met', 'not-relevant', 'unknown'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One checklist item of the selected generation, decided from its requirements. */
export interface ItemOutcome {
  id: string;
  theme: Theme;
  level: LevelNumber;
  strength: Strength;
  status: ItemStatus;
  /** The requirements that decide the item, in the checklist's order. */
  requirements: string[];
  /** How the met parts were established: seen in the repository, only declared, or nothing met. */
  basis: Basis;
}

/**
 * Per level, OS2's must items (and should items) that have a part asked at that level, and how
 * many of them hold there. An item with a part the tool asks later (e.g. F16's 70 % coverage at
 * N3) counts on both levels.
 */
export interface LevelProgress {
  level: LevelNumber;
  mustTotal: number;
  mustMet: number;
  shouldTotal: number;
  shouldMet: number;
}

export interface Evaluation {
  /** The checklist generation the items and levels follow. */
  checklist: string;
  requirements: RequirementOutcome[];
  items: ItemOutcome[];
  /** Highest level whose must-requirements (cumulatively) all hold; null when the minimum does not. */
  achievedLevel: LevelNumber | null;
  /** The level after `achievedLevel` (0 when the minimum is not met); null at the top. */
  nextLevel: LevelNumber | null;
  /** Must-requirement ids that block `nextLevel`. */
  gap: string[];
  /** The checklist items those requirements belong to, in the checklist's order. */
  gapItems: string[];
  /** Should-requirement ids at or below `nextLevel` that are not met. */
  recommendations: string[];
  /** The checklist items those recommendations belong to. */
  recommendationItems: string[];
  progress: LevelProgress[];
  /** The manifest's `product.targetLevel`, when declared. */
  targetLevel: LevelNumber | null;
  /** Where os2.yaml or publiccode.yml and the repository disagree (src/evaluate/consistency.ts). */
  consistency: { code: string; args: MessageArgs }[];
  /** The product's governance report used as declared evidence; null when there is none. */
  governanceReport: ReportSummary | null;
}

export type { Requirement };
