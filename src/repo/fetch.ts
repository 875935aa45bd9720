/**
 * Fetching a repository for a scan: a bare clone into the cache (no work tree, so no file of the
 * scanned repository is ever written out), fetched again on later runs. The repository is
 * untrusted and so is its server: hooks off, only the https, ssh and file transports allowed (no
 * `ext::`), no submodules, no LFS smudging, no terminal prompts, and a clean environment (all set
 * by the git runner's network profile in git.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { withCacheLock } from './cacheLock.js';
import { GitRunError, runGit } from './git.js';

export interface FetchOptions {
  /** Kills git when it has been silent this long, and the whole fetch when aborted. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Fetching goes through the one git runner, with its network profile (transports, batch ssh, no submodules). */
const networkGit = (cwd: string, args: string[], opts: FetchOptions): Promise<string> =>
  runGit(cwd, args, { network: true, silenceTimeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });

/** A failure that may pass when tried again (the network, not the repository). */
export function isTransientFetchError(message: string): boolean {
  if (/returned error: (?:401|403|404)|not found|does not exist|does not appear to be a git repository|not a git repository|Repository not found/i.test(message)) return false;
  return /Could not resolve host|Connection (?:timed out|refused|reset)|Operation timed out|early EOF|RPC failed|remote end hung up|unexpected disconnect|Temporary failure|TLS|SSL_|gnutls|returned error: 5\d\d|timed? ?out|block timeout/i.test(message);
}

export interface FetchedRepository {
  gitDir: string;
  commit: string;
  /** False when an existing clone was fetched. */
  cloned: boolean;
}

/** Where the bare clone of `target` lives in the cache. */
export function cloneDirFor(cacheDir: string, target: string): string {
  return join(cacheDir, 'repos', `${createHash('sha256').update(target).digest('hex').slice(0, 24)}.git`);
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

/**
 * Clones `target` bare into the cache, or fetches an existing clone, and pins the commit to scan:
 * `ref` (a branch, tag or commit) or the remote's default branch. `target` must already have
 * passed `checkRepositoryUrl`.
 */
export async function fetchRepository(cacheDir: string, target: string, ref: string | null, opts: FetchOptions): Promise<FetchedRepository> {
  const gitDir = cloneDirFor(cacheDir, target);
  await mkdir(join(cacheDir, 'repos'), { recursive: true });
  // One clone or fetch at a time per cache entry, across processes sharing the cache.
  return withCacheLock(gitDir, opts.signal, () => cloneOrFetch(gitDir, target, ref, opts));
}

async function cloneOrFetch(gitDir: string, target: string, ref: string | null, opts: FetchOptions): Promise<FetchedRepository> {
  const reposDir = dirname(gitDir);
  let cloned = false;
  if (await exists(join(gitDir, 'HEAD'))) {
    await networkGit(gitDir, ['fetch', '--quiet', '--prune', '--force', '--no-recurse-submodules', 'origin', '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'], opts);
    // The remote's default branch may have changed since the clone.
    const head = await networkGit(gitDir, ['ls-remote', '--symref', 'origin', 'HEAD'], opts).catch(() => '');
    const symref = /^ref: (refs\/heads\/\S+)\tHEAD$/m.exec(head)?.[1];
    if (symref) await runGit(gitDir, ['symbolic-ref', 'HEAD', symref]).catch(() => undefined);
  } else {
    // Cloned beside its place and renamed in, so an interrupted clone never passes for a complete one.
    const tmp = `${gitDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await networkGit(reposDir, ['clone', '--bare', '--quiet', '--no-recurse-submodules', '--', target, tmp], opts);
      // Under the lock, a directory here without HEAD is only ever an incomplete clone of ours.
      await rm(gitDir, { recursive: true, force: true });
      await rename(tmp, gitDir);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    cloned = true;
  }
  return { gitDir, commit: await pinCommit(gitDir, ref), cloned };
}

async function pinCommit(gitDir: string, ref: string | null): Promise<string> {
  const candidates = ref === null ? ['HEAD'] : [`refs/heads/${ref}`, `refs/tags/${ref}`, ...(/^[0-9a-f]{7,64}$/i.test(ref) ? [ref] : [])];
  for (const c of candidates) {
    const out = await runGit(gitDir, ['rev-parse', '-q', '--verify', `${c}^{commit}`]).catch(() => null);
    if (out?.trim()) return out.trim();
  }
  throw new GitRunError(['rev-parse'], ref === null ? 'the repository has no commits' : `no branch, tag or commit "${ref}"`);
}
