/**
 * The scan cache: bare clones (repos/), collected facts keyed by what decides them (facts/), the
 * default journal per portfolio (journals/) and the last complete scan per portfolio (last/).
 * Facts rather than results are cached: evaluation is pure and cheap, so a cached product is still
 * evaluated against today's date and language.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from '../cli/output.js';
import type { Facts } from '../facts/types.js';

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

export async function readCachedFacts(cacheDir: string, key: FactsKey): Promise<Facts | null> {
  try {
    const stored = JSON.parse(await readFile(factsPath(cacheDir, key), 'utf8')) as { key: FactsKey; facts: Facts };
    // The key is stored too, so a hash collision or a hand-edited file is never taken for a hit.
    return JSON.stringify(stored.key) === JSON.stringify(key) ? stored.facts : null;
  } catch {
    return null;
  }
}

export async function writeCachedFacts(cacheDir: string, key: FactsKey, facts: Facts): Promise<void> {
  await mkdir(join(cacheDir, 'facts'), { recursive: true });
  await writeAtomically(factsPath(cacheDir, key), JSON.stringify({ key, facts }));
}

export const lastScanPath = (cacheDir: string, portfolioKey: string): string => join(cacheDir, 'last', `${portfolioKey}.json`);
export const defaultJournalPath = (cacheDir: string, portfolioKey: string): string => join(cacheDir, 'journals', `${portfolioKey}.jsonl`);
