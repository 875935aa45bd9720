/**
 * The scan report: one entry per product, each carrying the same RepositoryResult a `check`
 * produces (a product spanning several repositories is one result over their union). Statuses,
 * area summaries and movement are decided here, before any formatter sees them. The JSON form is
 * described by schemas/scan.schema.json.
 */
import type { Area, Lang, LevelNumber } from '../levels/types.js';
import type { RepositoryResult } from '../report/model.js';

export const SCAN_SCHEMA_VERSION = 1;

export interface ScannedRepository {
  /** The location as given, with any credentials redacted. */
  url: string;
  ref: string | null;
  /** The commit that was read; null when the repository could not be fetched. */
  commit: string | null;
}

/** Must-requirements up to the next level in one area: how many are unmet, and how many of those are unknown. */
export interface AreaStatus {
  area: Area;
  total: number;
  unmet: number;
  unknown: number;
}

interface EntryBase {
  name: string;
  officialLevel: LevelNumber | null;
  /** The portfolio's target, else the product's own (product.targetLevel in os2.yaml). */
  targetLevel: LevelNumber | null;
  contact: string | null;
  repositories: ScannedRepository[];
}

export interface ScanOk extends EntryBase {
  status: 'ok';
  /** Facts were reused from the cache (same commits, level file and tool version). */
  cached: boolean;
  areas: AreaStatus[];
  result: RepositoryResult;
}

export interface ScanFailure extends EntryBase {
  status: 'error';
  error: { code: string; message: string };
}

export type ScanEntry = ScanOk | ScanFailure;

export type Movement = 'up' | 'down' | 'same' | 'new' | 'removed' | 'unknown';

export interface ProductMovement {
  name: string;
  movement: Movement;
  /** Achieved level before and now; null = minimum not met, or not known (errors). */
  from: LevelNumber | null;
  to: LevelNumber | null;
  /** Requirement ids satisfied now and not in the previous scan. */
  newlyMet: string[];
  /** Requirement ids satisfied in the previous scan and not now. */
  lost: string[];
  /** Checklist items met now and not met in the previous scan (OS2's green), with their titles. */
  turnedGreen: ItemChange[];
  /** Checklist items not met now that were met or partly met in the previous scan (OS2's red). */
  turnedRed: ItemChange[];
}

export interface ItemChange {
  id: string;
  title: string;
}

/** One earlier (or this) scan in a portfolio's history: how many products stood where. */
export interface HistoryPoint {
  asOf: string;
  products: number;
  errors: number;
  levels: ScanSummary['levels'];
}

/** What `merge --allow-partial` left out: the report covers part of the portfolio only. */
export interface PartialScan {
  /** Shards never given, as `K/N`. */
  missingShards: string[];
  /** Reports given but not merged, with the reason. */
  excluded: { file: string; reason: string }[];
}

export interface ScanComparison {
  previousAsOf: string;
  products: ProductMovement[];
}

export interface ScanSummary {
  products: number;
  errors: number;
  /** Products per achieved level; `none` = the minimum is not met. */
  levels: { none: number; '0': number; '1': number; '2': number; '3': number };
}

export interface ShardOfScan {
  index: number;
  count: number;
  /** Hash of the portfolio's products, so `merge` can tell shards of another portfolio apart. */
  portfolio?: string;
}

export interface ScanReport {
  schemaVersion: typeof SCAN_SCHEMA_VERSION;
  kind: 'os2level-scan';
  tool: { name: 'os2level'; version: string };
  catalogue: { id: string; path: string };
  lang: Lang;
  asOf: string;
  /** The slice this report covers (`--shard K/N`); null for the whole portfolio. */
  shard: ShardOfScan | null;
  summary: ScanSummary;
  /** Sorted by name (byte order), so shards merge to exactly the unsharded report. */
  products: ScanEntry[];
  comparison: ScanComparison | null;
  /** Earlier scans of this portfolio (the cache's history and `--compare`), oldest first, then this one. */
  history?: HistoryPoint[];
  /** Set by `merge --allow-partial` when shards were missing or left out; absent for a complete scan. */
  partial?: PartialScan;
}
