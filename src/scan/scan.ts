/**
 * The portfolio scan: fetches each product's repositories into the cache, collects facts from git
 * objects (or reuses cached facts), evaluates, and turns every failure into an `error` entry so
 * the batch goes on. Products run with bounded concurrency, each under a timeout; each finished
 * product is handed to `onEntry` (the journal) at once.
 */
import { fileURLToPath } from 'node:url';
import { evaluate } from '../evaluate/evaluate.js';
import { InputError } from '../errors.js';
import type { Facts } from '../facts/types.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { readFile } from 'node:fs/promises';
import type { GovernanceReportRef, PortfolioProduct } from '../portfolio/types.js';
import { fetchRepository, isCorruptRepositoryError, isTransientFetchError, localOriginUrl, localRepositoryKind } from '../repo/fetch.js';
import type { GitTree } from '../repo/source.js';
import { buildResult } from '../report/build.js';
import { TOOL_VERSION } from '../version.js';
import { collectInWorker, CollectStopped } from './collectInWorker.js';
import { readCachedFacts, sha256, writeCachedFacts, type FactsKey } from './cache.js';
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
  const origins: (string | null)[] = [];
  for (const [i, repo] of product.repositories.entries()) {
    const checked = checkRepositoryUrl(repo.url, opts.baseDir);
    if (!checked.ok) throw new ScanFailed(checked.code, `refused repository location ${JSON.stringify(checked.display)}`);
    const local = checked.kind === 'local' || checked.kind === 'file';
    // What `check` in a clone of it would see as `origin`: the portfolio's public URL, the remote
    // location itself, or a local repository's own origin.
    let publicUrl: string | null = repo.publicUrl ?? (local ? null : checked.display);
    if (local) {
      const path = checked.kind === 'file' ? fileURLToPath(checked.target) : checked.target;
      const kind = await localRepositoryKind(path);
      if (kind === 'missing') throw new ScanFailed('not-found', `no such repository: ${checked.display} does not exist`);
      if (kind === 'not-a-repository') throw new ScanFailed('not-a-repository', `not a git repository: ${checked.display} has no .git (nor HEAD, objects and refs)`);
      publicUrl ??= await localOriginUrl(path);
    }
    const key = `${checked.target}\0${repo.ref ?? ''}\0${publicUrl ?? ''}`;
    let pending = opts.fetches?.get(key);
    if (!pending) {
      pending = fetchWithRetries(checked.target, repo.ref, { publicUrl: publicUrl === null ? null : redactCredentials(publicUrl), local }, opts, signal);
      opts.fetches?.set(key, pending);
    }
    const fetched = await pending;
    repositories[i]!.commit = fetched.commit;
    origins.push(publicUrl === null ? null : redactCredentials(publicUrl));
    trees.push({ gitDir: fetched.gitDir, commit: fetched.commit, label: checked.display });
  }
  // The origin URL and a named governance report change the facts: they are part of the key.
  const key: FactsKey = {
    toolVersion: TOOL_VERSION,
    levelsHash: opts.levelsHash,
    commits: repositories.map((r, i) => ({ url: r.url, commit: r.commit!, origin: origins[i] ?? null })),
    ...(product.governanceReport ? { governanceReport: await governanceReportKey(product.governanceReport) } : {}),
  };
  const hit = await readCachedFacts(opts.cacheDir, key, opts.onCacheInvalid);
  if (hit) return { facts: hit, cached: true };
  const facts = await collectInWorker(
    {
      source: { kind: 'git-objects', trees, label: trees[0]!.label },
      requirementIds: opts.catalogue.requirements.map((r) => r.id),
      ...(product.governanceReport ? { governanceReport: governanceReportOption(product.governanceReport) } : {}),
    },
    signal,
  );
  await writeCachedFacts(opts.cacheDir, key, facts);
  return { facts, cached: false };
}

async function fetchWithRetries(
  target: string,
  ref: string | null,
  where: { publicUrl: string | null; local: boolean },
  opts: ScanOptions,
  signal: AbortSignal,
): Promise<{ gitDir: string; commit: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchRepository(opts.cacheDir, target, ref, { timeoutMs: opts.timeoutMs, signal, publicUrl: where.publicUrl, local: where.local });
    } catch (e) {
      const message = redactCredentials((e as Error).message);
      if (signal.aborted) throw new ScanFailed('timeout', message);
      const code = fetchFailureCode(message, where.local);
      // Only the network is worth a second try: a damaged or missing repository stays so.
      if (attempt < opts.retries && code === 'network') {
        await sleep(opts.backoffMs * 2 ** attempt);
        continue;
      }
      throw new ScanFailed(code, code === 'corrupt' ? `the repository is damaged (missing objects or broken refs), so it was not tried again: ${lastLines(message)}` : lastLines(message));
    }
  }
}

/** What a failed fetch says happened; `network` only for a remote transport. */
export function fetchFailureCode(message: string, local: boolean): string {
  if (isCorruptRepositoryError(message)) return 'corrupt';
  if (/does not appear to be a git repository|not a git repository/i.test(message)) return 'not-a-repository';
  if (/does not exist|not found|returned error: 404/i.test(message)) return 'not-found';
  if (/has no commit|no branch, tag or commit/i.test(message)) return 'no-commit';
  if (!local && isTransientFetchError(message)) return 'network';
  return 'fetch-failed';
}

/** The collector's `governanceReport` option: a path in the repository, or an absolute local path. */
const governanceReportOption = (ref: GovernanceReportRef): string => ref.path;

/** A local report's content decides the facts as much as its name. */
async function governanceReportKey(ref: GovernanceReportRef): Promise<string> {
  if (ref.kind === 'repository') return `repository:${ref.path}`;
  const content = await readFile(ref.path).catch(() => null);
  return `file:${ref.path}:${content ? sha256(content) : 'missing'}`;
}

/** git's last words say what went wrong; the rest is noise. */
const lastLines = (message: string): string =>
  message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' ');
