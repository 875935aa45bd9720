import type { MessageArgs } from '../checks/types.js';
import type { WellKnownFacts } from '../facts/types.js';

/** Real data a fix cannot close its requirement without (templates/fixes.yaml `needs`). */
export type FixNeed = 'description' | 'securityContact';

/** One entry of templates/fixes.yaml: which file (or section of a file) closes which requirement. */
export interface FixSpec {
  requirement: string;
  /** Repository path of the file to create or extend. */
  file: string;
  /** Template for a new file, relative to templates/<lang>/. */
  template?: string;
  /** Section appended to an existing file (or to the new file), relative to templates/<lang>/. */
  section?: string;
  /** When a file of this well-known kind exists anywhere (e.g. `.github/SECURITY.md`), it is the target. */
  wellKnown?: keyof WellKnownFacts;
  needs?: FixNeed;
}

export interface FixData {
  fixes: FixSpec[];
  /** Skeleton of a new README (title), relative to templates/<lang>/. */
  readme: string;
  /** Glob of a root file → the runtime it shows. */
  ecosystems: Record<string, string>;
}

export interface PlannedFile {
  path: string;
  action: 'create' | 'append';
  /** The whole new file, or the text appended (without the separating blank line). */
  content: string;
  requirements: string[];
  /** Number of `TODO(os2level)` placeholders left for people to fill in. */
  placeholders: number;
}

export interface FixNote {
  code: string;
  args: MessageArgs;
}

export interface FixPlan {
  /** Requirement ids failing at or below the target level. */
  inScope: string[];
  files: PlannedFile[];
  notes: FixNote[];
}

export const PLACEHOLDER_MARK = 'TODO(os2level)';
