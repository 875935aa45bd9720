/**
 * Fetching a repository for a scan: a bare repository in the cache (no work tree, so no file of
 * the scanned repository is ever written out) that holds what `check` sees in a clone: every
 * branch and tag (and, for a local clone, its remote-tracking branches), with the repository's
 * public URL as `origin`, so owner and issue-tracker checks read the same remote. It is fetched
 * again on later runs, always from the portfolio's location (never from `origin`). The repository
 * is untrusted and so is its server: hooks off, only the https, ssh and file transports allowed
 * (no `ext::`), no submodules, no LFS smudging, no terminal prompts, and a clean environment (all
 * set by the git runner's network profile in git.ts).
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
  /**
   * The URL recorded as the clone's `origin` (what a developer's clone of the repository has);
   * null removes `origin`, as in a repository that has none.
   */
  publicUrl?: string | null;
  /**
   * The location is a repository on this machine (a path or file://): its remote-tracking
   * branches are fetched too, since `check` in that clone sees them.
   */
  local?: boolean;
}

/** Fetching goes through the one git runner, with its network profile (transports, batch ssh, no submodules). */
const networkGit = (cwd: string, args: string[], opts: FetchOptions): Promise<string> =>
  runGit(cwd, args, { network: true, silenceTimeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });

/** Said by git about a repository whose objects or refs are damaged: trying again cannot help. */
const CORRUPT =
  /bad (?:tree |blob |commit |tag )?object|missing (?:blob|tree|commit|tag) |missing object|unable to read [0-9a-f]{7,}|did not send all necessary objects|is corrupt|corrupt (?:loose|pack)|bad (?:ref|revision)|broken (?:ref|link)|invalid (?:sha1 pointer|object)|unresolved deltas|packfile .* cannot be accessed|inflate: data stream error|could not read [0-9a-f]{7,}|fatal: loose object|index-pack failed|upload-pack: not our ref|unable to parse object|repository corruption|ignoring broken ref|null OID|names a missing object/i;

/** A failure that says the repository itself is damaged (missing objects, broken refs). */
export function isCorruptRepositoryError(message: string): boolean {
  return CORRUPT.test(message);
}

/** A failure that may pass when tried again (the network, not the repository). Remote transports only. */
export function isTransientFetchError(message: string): boolean {
  if (isCorruptRepositoryError(message)) return false;
  if (/returned error: (?:401|403|404)|not found|does not exist|does not appear to be a git repository|not a git repository|Repository not found/i.test(message)) return false;
  return /Could not resolve host|Connection (?:timed out|refused|reset)|Operation timed out|early EOF|RPC failed|remote end hung up|unexpected disconnect|Temporary failure|TLS|SSL_|gnutls|returned error: 5\d\d|timed? ?out|block timeout|Failed to connect|Couldn't connect|Network is unreachable|No route to host/i.test(message);
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

/** What a local location is, before git is asked to fetch from it. */
export type LocalRepositoryKind = 'work-tree' | 'bare' | 'missing' | 'not-a-repository';

/** A work tree (has `.git`), a bare repository (HEAD, objects/ and refs/), nothing, or something else. */
export async function localRepositoryKind(dir: string): Promise<LocalRepositoryKind> {
  const info = await stat(dir).catch(() => null);
  if (!info) return 'missing';
  if (!info.isDirectory()) return 'not-a-repository';
  if (await exists(join(dir, '.git'))) return 'work-tree';
  if ((await exists(join(dir, 'HEAD'))) && (await exists(join(dir, 'objects'))) && (await exists(join(dir, 'refs')))) return 'bare';
  return 'not-a-repository';
}

/** The `origin` URL configured in a local repository (its public URL), or null. Read only, never fetched from. */
export async function localOriginUrl(dir: string): Promise<string | null> {
  const out = await runGit(dir, ['config', '--get', 'remote.origin.url']).catch(() => '');
  const url = out.trim();
  return url && !url.startsWith('-') && !/[\x00-\x1f\x7f]/.test(url) ? url : null;
}

/**
 * Fetches `target` into a bare repository in the cache (created on first use) and pins the commit
 * to scan: `ref` (a branch, tag or commit) or the remote's default branch. `target` must already
 * have passed `checkRepositoryUrl`.
 */
export async function fetchRepository(cacheDir: string, target: string, ref: string | null, opts: FetchOptions): Promise<FetchedRepository> {
  // One clone per location and recorded origin: two products naming one location with different
  // public URLs never see each other's origin.
  const gitDir = cloneDirFor(cacheDir, opts.publicUrl === undefined || opts.publicUrl === target ? target : `${target}\0${opts.publicUrl ?? ''}`);
  await mkdir(join(cacheDir, 'repos'), { recursive: true });
  // One clone or fetch at a time per cache entry, across processes sharing the cache.
  return withCacheLock(gitDir, opts.signal, () => cloneOrFetch(gitDir, target, ref, opts));
}

/** Every branch and tag, as `check` sees them in a clone; a local clone's remote-tracking branches too. */
const refspecs = (local: boolean): string[] => ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*', ...(local ? ['+refs/remotes/*:refs/remotes/*'] : [])];

async function fetchAll(gitDir: string, target: string, opts: FetchOptions): Promise<void> {
  await networkGit(gitDir, ['fetch', '--quiet', '--prune', '--force', '--no-tags', '--no-recurse-submodules', '--', target, ...refspecs(opts.local === true)], opts);
  // The remote's default branch, which may have changed since the last fetch.
  const head = await networkGit(gitDir, ['ls-remote', '--symref', '--', target, 'HEAD'], opts).catch(() => '');
  const symref = /^ref: (refs\/heads\/\S+)\tHEAD$/m.exec(head)?.[1];
  if (symref) await runGit(gitDir, ['symbolic-ref', 'HEAD', symref]).catch(() => undefined);
  else {
    // A clone on a detached HEAD: the scan reads that commit, as `check` there would.
    const detached = /^([0-9a-f]{40,64})\tHEAD$/m.exec(head)?.[1];
    if (detached) await runGit(gitDir, ['update-ref', '--no-deref', 'HEAD', detached]).catch(() => undefined);
  }
}

/** Records the public URL as `origin` (or removes `origin` when there is none), as a developer's clone has it. */
async function recordOrigin(gitDir: string, publicUrl: string | null, current: string | null): Promise<void> {
  current ??= (await runGit(gitDir, ['config', '--get', 'remote.origin.url']).catch(() => '')).trim();
  if (publicUrl === null) {
    if (current) await runGit(gitDir, ['remote', 'remove', 'origin']);
    return;
  }
  if (current === publicUrl) return;
  if (current) await runGit(gitDir, ['remote', 'set-url', 'origin', publicUrl]);
  else await runGit(gitDir, ['remote', 'add', 'origin', publicUrl]);
}

async function cloneOrFetch(gitDir: string, target: string, ref: string | null, opts: FetchOptions): Promise<FetchedRepository> {
  const reposDir = dirname(gitDir);
  let cloned = false;
  if (await exists(join(gitDir, 'HEAD'))) {
    await fetchAll(gitDir, target, opts);
    if (opts.publicUrl !== undefined) await recordOrigin(gitDir, opts.publicUrl, null);
  } else {
    // Made beside its place and renamed in, so an interrupted clone never passes for a complete one.
    const tmp = `${gitDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      // A bare clone holds every branch and tag with the remote's HEAD; a local clone is mirrored,
      // so its remote-tracking branches come too (and git hard-links its objects: fast).
      await networkGit(reposDir, ['clone', opts.local ? '--mirror' : '--bare', '--quiet', '--no-recurse-submodules', '--', target, tmp], opts);
      // The clone's origin is the location it came from until the public URL replaces it.
      if (opts.publicUrl !== undefined) await recordOrigin(tmp, opts.publicUrl, target);
      // Under the lock, a directory here without HEAD is only ever an incomplete clone of ours.
      await rm(gitDir, { recursive: true, force: true });
      await rename(tmp, gitDir);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    cloned = true;
  }
  const commit = await pinCommit(gitDir, ref);
  // A local clone hard-links the objects without reading them: make sure the commit's history and
  // trees are all there, as fetching through git's transport would have.
  // (A file:// URL goes through git's transport, which reads every object it sends: nothing to check.)
  if (cloned && opts.local && !/^file:/i.test(target)) await runGit(gitDir, ['rev-list', '--objects', '--quiet', '--missing=error', commit], { silenceTimeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
  return { gitDir, commit, cloned };
}

async function pinCommit(gitDir: string, ref: string | null): Promise<string> {
  const candidates = ref === null ? ['HEAD'] : [`refs/heads/${ref}`, `refs/tags/${ref}`, ...(/^[0-9a-f]{7,64}$/i.test(ref) ? [ref] : [])];
  for (const c of candidates) {
    const out = await runGit(gitDir, ['rev-parse', '-q', '--verify', `${c}^{commit}`]).catch(() => null);
    if (out?.trim()) return out.trim();
  }
  // The ref exists but its commit does not: damaged, not empty.
  const named = ref === null ? (await runGit(gitDir, ['rev-parse', '-q', '--verify', 'HEAD']).catch(() => '')).trim() : '';
  if (named) throw new GitRunError(['rev-parse'], `HEAD names a missing object ${named}`);
  const anyRef = (await runGit(gitDir, ['for-each-ref', '--count=1', '--format=%(refname)']).catch(() => '')).trim();
  throw new GitRunError(['rev-parse'], ref === null ? (anyRef ? 'the default branch has no commit' : 'the repository has no commits') : `no branch, tag or commit "${ref}"`);
}
