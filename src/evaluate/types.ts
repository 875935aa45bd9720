import type { Basis, CheckOutcome, Evidence, MessageArgs } from '../checks/types.js';
import type { Area, LevelNumber, Requirement, Source, Strength, Theme } from '../levels/types.js';

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
  ref: string | null;
  outcome: Outcome;
  /** What the check itself decided, before comply-or-explain. */
  checkOutcome: CheckOutcome | 'error';
  code: string;
  args: MessageArgs;
  evidence: Evidence[];
  basis: Basis;
  findings: { code: string; args: MessageArgs }[];
  explanation: ExplanationState | null;
  notApplicable: { reason: string } | null;
}

export interface LevelProgress {
  level: LevelNumber;
  mustTotal: number;
  mustMet: number;
  shouldTotal: number;
  shouldMet: number;
}

export interface Evaluation {
  requirements: RequirementOutcome[];
  /** Highest level whose must-requirements (cumulatively) all hold; null when the minimum does not. */
  achievedLevel: LevelNumber | null;
  /** The level after `achievedLevel` (0 when the minimum is not met); null at the top. */
  nextLevel: LevelNumber | null;
  /** Must-requirement ids that block `nextLevel`. */
  gap: string[];
  /** Should-requirement ids at or below `nextLevel` that are not met. */
  recommendations: string[];
  progress: LevelProgress[];
  /** The manifest's `product.targetLevel`, when declared. */
  targetLevel: LevelNumber | null;
  /** Where os2.yaml or publiccode.yml and the repository disagree (src/evaluate/consistency.ts). */
  consistency: { code: string; args: MessageArgs }[];
}

export type { Requirement };
