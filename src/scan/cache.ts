/**
 * The scan cache: bare clones (repos/), collected facts keyed by what decides them (facts/), the
 * default journal per portfolio (journals/) and the last complete scan per portfolio (last/).
 * Facts rather than results are cached: evaluation is pure and cheap, so a cached product is still
 * evaluated against today's date and language.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOutput } from '../cli/output.js';
import { readInputFile } from '../repo/readInput.js';

/** Facts of a 100,000-file repository are a few megabytes. */
const MAX_CACHED_FACTS_BYTES = 128 * 1024 * 1024;
import type { Facts } from '../facts/types.js';
import type { HistoryPoint } from './model.js';
import { describeInvalid, invalidCachedFacts } from './inputs.js';

export { defaultCacheDir } from '../cacheDir.js';

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

export interface FactsKey {
  toolVersion: string;
  /** Hash of the level file: it decides which requirement ids a manifest may name. */
  levelsHash: string;
  /** Each repository's commit and the URL recorded as its clone's `origin`. */
  commits: { url: string; commit: string; origin: string | null }[];
  /** A governance report named in the portfolio (with a local file's content hash). */
  governanceReport?: string;
}

const factsPath = (cacheDir: string, key: FactsKey): string => join(cacheDir, 'facts', `${sha256(JSON.stringify(key))}.json`);

/**
 * The cached facts for `key`, or null (collect afresh). An entry that is not valid JSON or fails
 * schemas/facts-cache.schema.json is never evaluated: `onInvalid` is told, and it is a miss.
 */
export async function readCachedFacts(cacheDir: string, key: FactsKey, onInvalid?: (file: string, reason: string) => void): Promise<Facts | null> {
  const file = factsPath(cacheDir, key);
  let text: string;
  try {
    // Derived data: anything the one input reader refuses (a FIFO, an oversized file) is a miss.
    text = (await readInputFile(file, { what: 'cached facts', maxBytes: MAX_CACHED_FACTS_BYTES })).toString('utf8');
  } catch {
    return null;
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    onInvalid?.(file, 'not valid JSON');
    return null;
  }
  const invalid = invalidCachedFacts(stored, file);
  if (invalid) {
    onInvalid?.(file, describeInvalid(invalid));
    return null;
  }
  const entry = stored as { key: FactsKey; facts: Facts };
  // The key is stored too, so a hash collision or a hand-edited file is never taken for a hit.
  return JSON.stringify(entry.key) === JSON.stringify(key) ? entry.facts : null;
}

export async function writeCachedFacts(cacheDir: string, key: FactsKey, facts: Facts): Promise<void> {
  await mkdir(join(cacheDir, 'facts'), { recursive: true });
  await writeOutput(factsPath(cacheDir, key), JSON.stringify({ key, facts }));
}

export const lastScanPath = (cacheDir: string, portfolioKey: string): string => join(cacheDir, 'last', `${portfolioKey}.json`);
export const defaultJournalPath = (cacheDir: string, portfolioKey: string): string => join(cacheDir, 'journals', `${portfolioKey}.jsonl`);

export const historyPath = (cacheDir: string, portfolioKey: string): string => join(cacheDir, 'history', `${portfolioKey}.json`);

/** Points kept per portfolio: years of weekly scans. */
const MAX_HISTORY = 520;

const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
function isHistoryPoint(v: unknown): v is HistoryPoint {
  const p = v as HistoryPoint | null;
  return (
    typeof p === 'object' && p !== null && typeof p.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.asOf) && isCount(p.products) && isCount(p.errors) &&
    typeof p.levels === 'object' && p.levels !== null && (['none', '0', '1', '2', '3'] as const).every((k) => isCount(p.levels[k]))
  );
}

/** The portfolio's earlier scans, oldest first; a missing or damaged file is an empty history (it is derived data). */
export async function readHistory(cacheDir: string, portfolioKey: string): Promise<HistoryPoint[]> {
  try {
    const data: unknown = JSON.parse((await readInputFile(historyPath(cacheDir, portfolioKey), { what: 'scan history', maxBytes: 4 * 1024 * 1024 })).toString('utf8'));
    return Array.isArray(data) ? data.filter(isHistoryPoint) : [];
  } catch {
    return [];
  }
}

/** Adds a complete scan to the history (one point per date: a later scan that day replaces it). */
export async function appendHistory(cacheDir: string, portfolioKey: string, point: HistoryPoint): Promise<void> {
  const points = (await readHistory(cacheDir, portfolioKey)).filter((p) => p.asOf !== point.asOf);
  points.push(point);
  points.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  await mkdir(join(cacheDir, 'history'), { recursive: true });
  await writeOutput(historyPath(cacheDir, portfolioKey), JSON.stringify(points.slice(-MAX_HISTORY)));
}
