/**
 * Finding the repository a directory belongs to, as git does: `check sub/dir` inside a work tree
 * checks the whole work tree. Every command that takes a repository directory goes through
 * `discoverRepository`; `--no-discover` keeps the directory exactly as named.
 *
 * Discovery asks git (`rev-parse --show-toplevel`, through the one git runner, so nothing a
 * repository configures is run) and follows only a work tree owned by the same user as the named
 * directory: a `.git` someone else planted in a parent (/tmp/.git) is not taken for the user's
 * repository. A bare repository, a directory inside `.git`, a directory outside any work tree,
 * and one that does not exist are all kept as named (the collectors report on them).
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runGit } from './git.js';

export interface DiscoveredRepository {
  /** The directory to read: the work tree's top level, or the named directory itself. */
  root: string;
  /** The directory as named (resolved to an absolute path). */
  named: string;
  /** True when root is a work tree above the named directory. */
  discovered: boolean;
  /** Set when a work tree above was found but not followed (owned by another user). */
  notFollowed?: { topLevel: string; reason: 'other-owner' };
}

export async function discoverRepository(dir: string, opts: { discover?: boolean } = {}): Promise<DiscoveredRepository> {
  const named = resolve(dir);
  const asNamed: DiscoveredRepository = { root: dir, named, discovered: false };
  if (opts.discover === false) return asNamed;
  const namedStat = await stat(named).catch(() => null);
  if (!namedStat?.isDirectory()) return asNamed;
  // A directory holding `.git` (a directory, or the file of a linked work tree or submodule) is its
  // work tree's top level already: no git process is needed to say so.
  if (await lstat(join(named, '.git')).then(() => true, () => false)) return asNamed;
  let topLevel: string;
  try {
    topLevel = (await runGit(named, ['rev-parse', '--show-toplevel'])).replace(/\r?\n$/, '');
  } catch {
    // Not in a work tree (outside any repository, bare, inside .git, or git missing): as named.
    return asNamed;
  }
  if (!topLevel) return asNamed;
  const [realNamed, realTop] = await Promise.all([realpath(named).catch(() => named), realpath(topLevel).catch(() => topLevel)]);
  if (realNamed === realTop) return asNamed;
  const topStat = await stat(topLevel).catch(() => null);
  if (!topStat?.isDirectory()) return asNamed;
  if (topStat.uid !== namedStat.uid) return { ...asNamed, notFollowed: { topLevel, reason: 'other-owner' } };
  return { root: topLevel, named, discovered: true };
}
