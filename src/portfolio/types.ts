/** The portfolio: the products the secretariat scans, as loaded from portfolio.yaml or found under a directory. */
import type { LevelNumber } from '../levels/types.js';

export interface PortfolioRepository {
  /** As written: https://, ssh://, git@host:path, file:// or a local path. */
  url: string;
  /** Branch, tag or commit; null = the default branch. */
  ref: string | null;
}

export interface PortfolioProduct {
  name: string;
  repositories: PortfolioRepository[];
  officialLevel: LevelNumber | null;
  targetLevel: LevelNumber | null;
  contact: string | null;
}

export interface Portfolio {
  /** The portfolio file, or the directory that was searched (`--dir`). */
  source: string;
  /** Relative local paths are resolved from here. */
  baseDir: string;
  products: PortfolioProduct[];
}
