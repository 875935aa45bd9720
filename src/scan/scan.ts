/**
 * The portfolio scan: fetches each product's repositories into the cache, collects facts from git
 * objects (or reuses cached facts), evaluates, and turns every failure into an `error` entry so
 * the batch goes on. Products run with bounded concurrency, each under a timeout; each finished
 * product is handed to `onEntry` (the journal) at once.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../evaluate/evaluate.js';
import { InputError } from '../errors.js';
import type { Facts } from '../facts/types.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import type { PortfolioProduct } from '../portfolio/types.js';
import { fetchRepository, isTransientFetchError } from '../repo/fetch.js';
import type { GitTree } from '../repo/source.js';
import { buildResult } from '../report/build.js';
import { TOOL_VERSION } from '../version.js';
import { collectInWorker, CollectStopped } from './collectInWorker.js';
import { readCachedFacts, writeCachedFacts, type FactsKey } from './cache.js';
import type { ScanEntry, ScannedRepository } from './model.js';
import { areaStatuses } from './summary.js';
import { checkRepositoryUrl, redactCredentials } from './url.js';

export interface ScanOptions {
  catalogue: LevelCatalogue;
  levelsHash: string;
  lang: Lang;
  now: Date;
  cacheDir: string;
  /** Local paths in the portfolio are relative to this. */
  baseDir: string;
  concurrency: number;
  /** Per product: fetching all its repositories and collecting their facts. */
  timeoutMs: number;
  /** Further attempts after a network failure, with exponential backoff. */
  retries: number;
  backoffMs: number;
  onStart?: (product: PortfolioProduct) => void;
  /** A cache entry that failed its schema; its facts are collected again. */
  onCacheInvalid?: (file: string, reason: string) => void;
  onEntry?: (entry: ScanEntry, durationMs: number) => Promise<void> | void;
  /**
   * Fetches in this run, by location and ref: a repository shared by several products is fetched
   * once, and never fetched again while another product reads its objects.
   */
  fetches?: Map<string, Promise<{ gitDir: string; commit: string }>>;
}

class ScanFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function scanProducts(products: PortfolioProduct[], options: ScanOptions): Promise<ScanEntry[]> {
  const opts: ScanOptions = { ...options, fetches: options.fetches ?? new Map() };
  const entries: ScanEntry[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < products.length) {
      const product = products[next++]!;
      opts.onStart?.(product);
      const started = Date.now();
      const entry = await scanProduct(product, opts);
      entries.push(entry);
      await opts.onEntry?.(entry, Date.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, products.length)) }, worker));
  return entries;
}

export async function scanProduct(product: PortfolioProduct, opts: ScanOptions): Promise<ScanEntry> {
  const repositories: ScannedRepository[] = product.repositories.map((r) => ({ url: redactCredentials(r.url.trim()), ref: r.ref, commit: null }));
  const base = { name: product.name, officialLevel: product.officialLevel, targetLevel: product.targetLevel, contact: product.contact, repositories };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ScanFailed('timeout', `gave up after ${Math.round(opts.timeoutMs / 1000)} s`));
    }, opts.timeoutMs);
  });
  try {
    const { facts, cached } = await Promise.race([gather(product, repositories, opts, controller.signal), timeout]);
    const evaluation = evaluate(facts, opts.catalogue, { now: opts.now });
    const result = buildResult(facts, evaluation, opts.catalogue, opts.lang);
    return { ...base, targetLevel: product.targetLevel ?? result.targetLevel, status: 'ok', cached, areas: areaStatuses(result), result };
  } catch (e) {
    const code = e instanceof ScanFailed || e instanceof CollectStopped ? e.code : e instanceof InputError ? e.code : 'internal';
    const detail = e instanceof InputError && e.problems.length ? `${e.message}: ${e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}` : (e as Error).message;
    return { ...base, status: 'error', error: { code, message: redactCredentials(detail) } };
  } finally {
    clearTimeout(timer);
  }
}

async function gather(product: PortfolioProduct, repositories: ScannedRepository[], opts: ScanOptions, signal: AbortSignal): Promise<{ facts: Facts; cached: boolean }> {
  const trees: GitTree[] = [];
  for (const [i, repo] of product.repositories.entries()) {
    const checked = checkRepositoryUrl(repo.url, opts.baseDir);
    if (!checked.ok) throw new ScanFailed(checked.code, `refused repository location ${JSON.stringify(checked.display)}`);
    if (checked.kind === 'local' || checked.kind === 'file') {
      const path = checked.kind === 'file' ? fileURLToPath(checked.target) : checked.target;
      if (!(await stat(path).then(() => true, () => false))) throw new ScanFailed('not-found', `no such repository: ${checked.display}`);
    }
    const key = `${checked.target}\0${repo.ref ?? ''}`;
    let pending = opts.fetches?.get(key);
    if (!pending) {
      pending = fetchWithRetries(checked.target, repo.ref, opts, signal);
      opts.fetches?.set(key, pending);
    }
    const fetched = await pending;
    repositories[i]!.commit = fetched.commit;
    trees.push({ gitDir: fetched.gitDir, commit: fetched.commit, label: checked.display });
  }
  const key: FactsKey = { toolVersion: TOOL_VERSION, levelsHash: opts.levelsHash, commits: repositories.map((r) => ({ url: r.url, commit: r.commit! })) };
  const hit = await readCachedFacts(opts.cacheDir, key, opts.onCacheInvalid);
  if (hit) return { facts: hit, cached: true };
  const facts = await collectInWorker(
    { source: { kind: 'git-objects', trees, label: trees[0]!.label }, requirementIds: opts.catalogue.requirements.map((r) => r.id) },
    signal,
  );
  await writeCachedFacts(opts.cacheDir, key, facts);
  return { facts, cached: false };
}

async function fetchWithRetries(target: string, ref: string | null, opts: ScanOptions, signal: AbortSignal): Promise<{ gitDir: string; commit: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchRepository(opts.cacheDir, target, ref, { timeoutMs: opts.timeoutMs, signal });
    } catch (e) {
      const message = redactCredentials((e as Error).message);
      if (signal.aborted) throw new ScanFailed('timeout', message);
      if (attempt < opts.retries && isTransientFetchError(message)) {
        await sleep(opts.backoffMs * 2 ** attempt);
        continue;
      }
      throw new ScanFailed(fetchFailureCode(message), lastLines(message));
    }
  }
}

function fetchFailureCode(message: string): string {
  if (/does not appear to be a git repository|not a git repository/i.test(message)) return 'not-a-repository';
  if (/does not exist|not found|returned error: 404/i.test(message)) return 'not-found';
  if (/has no commits|no branch, tag or commit/i.test(message)) return 'no-commit';
  if (isTransientFetchError(message)) return 'network';
  return 'fetch-failed';
}

/** git's last words say what went wrong; the rest is noise. */
const lastLines = (message: string): string =>
  message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' ');
