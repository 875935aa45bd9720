/** The portfolio: the products the secretariat scans, as loaded from portfolio.yaml or found under a directory. */
import type { LevelNumber } from '../levels/types.js';

export interface PortfolioRepository {
  /** As written: https://, ssh://, git@host:path, file:// or a local path. */
  url: string;
  /** Branch, tag or commit; null = the default branch. */
  ref: string | null;
  /**
   * The URL recorded as the scanned clone's `origin` (owner and issue-tracker checks read it).
   * Absent: a remote location itself, or a local repository's own `origin`.
   */
  publicUrl?: string;
}

/** The product's governance report: a file in its (first) repository, or a file on this machine. */
export type GovernanceReportRef = { kind: 'repository'; path: string } | { kind: 'file'; path: string };

export interface PortfolioProduct {
  name: string;
  repositories: PortfolioRepository[];
  officialLevel: LevelNumber | null;
  targetLevel: LevelNumber | null;
  contact: string | null;
  /** Named in the portfolio; null = found in the repository as usual. */
  governanceReport: GovernanceReportRef | null;
}

export interface Portfolio {
  /** The portfolio file, or the directory that was searched (`--dir`). */
  source: string;
  /** Relative local paths are resolved from here. */
  baseDir: string;
  products: PortfolioProduct[];
}

/** A folder `scan --dir` did not scan: a symlink (never followed), a name it always passes over, too deep, unreadable, or holding no repository. */
export interface SkippedFolder {
  /** Relative to the directory searched. */
  path: string;
  reason: 'symlink' | 'ignored' | 'too-deep' | 'unreadable' | 'no-repository';
}
