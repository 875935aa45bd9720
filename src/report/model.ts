/**
 * The report: one model for every view (text, JSON and the CI formats). A single check is a batch
 * of one. Levels, gaps and the exit code are decided here, never in a formatter. The JSON form is
 * described by schemas/report.schema.json.
 */
import type { Basis, Evidence, MessageArgs } from '../checks/types.js';
import type { ExplanationState, ItemStatus, LevelProgress, Outcome, ReportAnswer, ReportSummary } from '../evaluate/types.js';
import type { Area, Lang, LevelNumber, Source, Strength, Theme } from '../levels/types.js';

export const REPORT_SCHEMA_VERSION = 2;

export interface ReportRequirement {
  id: string;
  level: LevelNumber;
  strength: Strength;
  area: Area;
  theme: Theme;
  source: Source;
  /** The checklist item (in the report's generation) this requirement decides (part of); null when none. */
  item: string | null;
  /** The check found part of what is asked: with an unmet outcome, the item is partly met. */
  partial: boolean;
  /** The outcome can change with the calendar alone; `--baseline` gates it only on regression. */
  timeDependent: boolean;
  outcome: Outcome;
  checkOutcome: Outcome;
  basis: Basis;
  title: string;
  code: string;
  args: MessageArgs;
  message: string;
  /** What to do; present for every requirement so a report can be acted on offline. */
  remediation: string;
  evidence: Evidence[];
  findings: { code: string; args: MessageArgs; message: string }[];
  explanation: ExplanationState | null;
  notApplicable: { reason: string } | null;
  /** The governance report's answer for this requirement's item; present only when a report answers it. */
  reportAnswer?: ReportAnswer;
}

/** One item of OS2's checklist as the secretariat rates it: green, yellow, red, grey, or no light. */
export interface ReportItem {
  id: string;
  theme: Theme;
  level: LevelNumber;
  strength: Strength;
  /** OS2's item title (Danish) or its English rendering, by the report's language. */
  title: string;
  status: ItemStatus;
  /** The requirements that decide it. */
  requirements: string[];
  basis: Basis;
  /** Those of its requirements that are the tool's reading, not OS2's words. */
  interpretation: string[];
}

export interface ReportNotice {
  code: string;
  message: string;
}

export interface RepositoryResult {
  path: string;
  manifest: string | null;
  productName: string | null;
  achievedLevel: LevelNumber | null;
  nextLevel: LevelNumber | null;
  targetLevel: LevelNumber | null;
  /** Must-requirement ids that block `nextLevel`. */
  gap: string[];
  /** The checklist items that block `nextLevel`. */
  gapItems: string[];
  recommendations: string[];
  recommendationItems: string[];
  /** Per level, OS2's must items (and should items) asked there and how many hold. */
  progress: LevelProgress[];
  /** Every item of the report's checklist generation, in OS2's order. */
  items: ReportItem[];
  counts: Record<Outcome, number>;
  notices: ReportNotice[];
  requirements: ReportRequirement[];
  /** Where os2.yaml or publiccode.yml and the repository disagree, with both values. */
  consistency: { code: string; args: MessageArgs; message: string }[];
  /** The product's governance report used as declared evidence; present only when one was named or found. */
  governanceReport?: ReportSummary;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'os2level'; version: string };
  catalogue: { id: string; path: string };
  /** The checklist generation whose items, numbers, levels and strengths the report uses. */
  checklist: { id: string; from: string };
  lang: Lang;
  /** The date "within N months" rules were evaluated against (YYYY-MM-DD). */
  asOf: string;
  results: RepositoryResult[];
}
