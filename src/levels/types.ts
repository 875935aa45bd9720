/** The requirement catalogue (levels/os2-2018.yaml) as loaded and validated. */
import type { ChecklistGeneration, Checklists } from '../checklist/types.js';

export type Lang = 'da' | 'en';
export type Text = Record<Lang, string>;

/** 0 = minimum requirements (sandkasse), then N1, N2, N3. */
export type LevelNumber = 0 | 1 | 2 | 3;
export type Strength = 'must' | 'should';
export type Area =
  | 'documentation'
  | 'versioning'
  | 'tests'
  | 'operations'
  | 'legal'
  | 'relevance'
  | 'governance'
  | 'strategy';
/** OS2's four official themes. */
export type Theme = 'relevans' | 'formkrav' | 'governance' | 'strategisk';
export type Source = 'os2' | 'interpretation';
export type EvidenceKind = 'repo' | 'git' | 'coverage' | 'declared';

export interface CheckSpec {
  /** One of the closed set of check kinds in src/checks/registry.ts. */
  kind: string;
  params?: Record<string, unknown>;
}

export interface Requirement {
  id: string;
  level: LevelNumber;
  strength: Strength;
  area: Area;
  theme: Theme;
  /**
   * The checklist item this requirement decides (part of), per checklist generation id and alias,
   * derived at load from levels/checklists.yaml; null where it decides none in that generation.
   */
  refs?: Record<string, string | null>;
  source: Source;
  /**
   * The outcome can change with the calendar alone (a "within N months" rule), without any commit;
   * `check --baseline` gates such a requirement only when it regressed against the baseline.
   */
  timeDependent?: boolean;
  evidence: EvidenceKind[];
  title: Text;
  description: Text;
  remediation: Text;
  /** Where OS2's sources disagree and which reading this catalogue takes. */
  note?: Text;
  check: CheckSpec;
}

export interface LevelInfo {
  level: LevelNumber;
  name: Text;
}

export interface LevelCatalogue {
  schemaVersion: 1;
  id: string;
  name: Text;
  /** Where the catalogue was loaded from. */
  path: string;
  levels: LevelInfo[];
  /** Owners on code hosts that OS2 controls (matched case-insensitively). */
  organisations: string[];
  /** Owners that hold sandbox projects (minimum level only). */
  sandboxOrganisations: string[];
  requirements: Requirement[];
  /** Every checklist generation (levels/checklists.yaml). */
  checklists: Checklists;
  /** The generation items, levels and OS2's forms follow (the default, or `--checklist`). */
  checklist: ChecklistGeneration;
}
