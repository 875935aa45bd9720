/**
 * A lock per entry of the clone cache, so scans sharing one `--cache-dir` (two runs at once, or
 * one run reaching a repository under two refs) never clone or fetch into the same clone at the
 * same time. The lock is a file created exclusively beside the clone, holding the owner's pid,
 * host and a token. A lock whose owner is gone (same host, pid no longer running), or that is
 * older than STALE_AFTER_MS, is broken; anyone else waits, until the caller's signal aborts.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** A lock held this long is taken to be left behind, whatever its pid says (pids are reused). */
const STALE_AFTER_MS = 60 * 60 * 1000;
const MAX_POLL_MS = 500;

interface Holder {
  pid: number;
  host: string;
  token: string;
}

export class LockWaitAborted extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lock: string, text: string): Promise<boolean> {
  const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
  if (age > STALE_AFTER_MS) return true;
  let holder: Holder;
  try {
    holder = JSON.parse(text) as Holder;
  } catch {
    return age > 10_000; // being written just now, or garbage left long ago
  }
  return holder.host === hostname() && Number.isInteger(holder.pid) && !alive(holder.pid);
}

/** Moves a stale lock aside; only if what was moved is the stale lock seen is it removed, else it is put back. */
async function breakLock(lock: string, seen: string): Promise<void> {
  const aside = `${lock}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (!(await rename(lock, aside).then(() => true, () => false))) return;
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved === seen) await rm(aside, { force: true });
  else await rename(aside, lock).catch(() => rm(aside, { force: true }));
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** Runs `fn` holding the lock `${path}.lock`. */
export async function withCacheLock<T>(path: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') } satisfies Holder);
  for (let wait = 20; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    if (signal?.aborted) throw new LockWaitAborted(`gave up waiting for another scan to finish with ${path}`);
    try {
      await writeFile(lock, mine, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = await readFile(lock, 'utf8').catch(() => null);
    if (held === null) continue; // released meanwhile
    if (await isStale(lock, held)) {
      await breakLock(lock, held);
      continue;
    }
    await sleep(wait, signal);
  }
  try {
    return await fn();
  } finally {
    // Removed only while it is still ours (a lock broken as stale may belong to someone else now).
    if ((await readFile(lock, 'utf8').catch(() => null)) === mine) await rm(lock, { force: true });
  }
}
