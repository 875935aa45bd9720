/**
 * The scan cache: bare clones (repos/), collected facts keyed by what decides them (facts/), the
 * default journal per portfolio (journals/) and the last complete scan per portfolio (last/).
 * Facts rather than results are cached: evaluation is pure and cheap, so a cached product is still
 * evaluated against today's date and language.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeOutput } from '../cli/output.js';
import { readInputFile } from '../repo/readInput.js';

/** Facts of a 100,000-file repository are a few megabytes. */
const MAX_CACHED_FACTS_BYTES = 128 * 1024 * 1024;
import type { Facts } from '../facts/types.js';
import { describeInvalid, invalidCachedFacts } from './inputs.js';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'os2level');
}

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

export interface FactsKey {
  toolVersion: string;
  /** Hash of the level file: it decides which requirement ids a manifest may name. */
  levelsHash: string;
  commits: { url: string; commit: string }[];
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
