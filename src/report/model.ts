/**
 * The report: one model for every view (text, JSON and the CI formats). A single check is a batch
 * of one. Levels, gaps and the exit code are decided here, never in a formatter. The JSON form is
 * described by schemas/report.schema.json.
 */
import type { Basis, Evidence, MessageArgs } from '../checks/types.js';
import type { ExplanationState, LevelProgress, Outcome } from '../evaluate/types.js';
import type { Area, Lang, LevelNumber, Source, Strength, Theme } from '../levels/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportRequirement {
  id: string;
  level: LevelNumber;
  strength: Strength;
  area: Area;
  theme: Theme;
  source: Source;
  ref: string | null;
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
  gap: string[];
  recommendations: string[];
  progress: LevelProgress[];
  counts: Record<Outcome, number>;
  notices: ReportNotice[];
  requirements: ReportRequirement[];
  /** Where os2.yaml or publiccode.yml and the repository disagree, with both values. */
  consistency: { code: string; args: MessageArgs; message: string }[];
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'os2level'; version: string };
  catalogue: { id: string; path: string };
  lang: Lang;
  /** The date "within N months" rules were evaluated against (YYYY-MM-DD). */
  asOf: string;
  results: RepositoryResult[];
}
