/**
 * Following a remote that is a local repository to that repository's own code-host remotes: a
 * clone of a clone, and the bare clone a scan makes of a path or file:// URL, keep the address
 * where the code is hosted one step away.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGit } from '../repo/git.js';
import { isCodeHostRemote, parseRemoteConfig } from './remotes.js';
import type { GitRemote } from './types.js';

/** Where a local remote's repository keeps its config: `<path>/.git/config` for a work tree, `<path>/config` when bare. */
function localConfigFile(path: string): string | null {
  const worktree = join(path, '.git', 'config');
  if (existsSync(worktree)) return worktree;
  const bare = join(path, 'config');
  return existsSync(bare) && existsSync(join(path, 'HEAD')) ? bare : null;
}

/** The directory a local remote (a path, relative to the repository, or a file:// URL) points at. */
function localRemotePath(root: string, url: string): string | null {
  if (/^file:\/\//i.test(url)) {
    try {
      return fileURLToPath(url);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return null;
  return isAbsolute(url) ? url : resolve(root, url);
}

/**
 * Without a code-host remote, a remote that is a local repository (a clone of a clone, or the
 * bare clone a scan makes of a path or file:// URL) is followed one step: that repository's own
 * code-host remotes are added, each marked with the local remote it was found through (`via`).
 * Only the followed repository's config file is read (`git config --file`, through the one git
 * runner): no repository discovery, no program it names is run, and nothing is followed further.
 */
export async function withLocalUpstreams(root: string, remotes: GitRemote[]): Promise<GitRemote[]> {
  if (remotes.length === 0 || remotes.some(isCodeHostRemote)) return remotes;
  const found: GitRemote[] = [];
  for (const local of remotes.filter((r) => r.host === null)) {
    const path = localRemotePath(root, local.url);
    if (!path || !(await stat(path).then((s) => s.isDirectory(), () => false))) continue;
    const config = localConfigFile(path);
    if (!config) continue;
    const out = await runGit(root, ['config', '--file', config, '-z', '--get-regexp', '^remote\\..+\\.url$']).catch(() => null);
    for (const upstream of parseRemoteConfig(out).remotes.filter(isCodeHostRemote)) found.push({ ...upstream, via: local.name });
  }
  return found.length ? [...remotes, ...found] : remotes;
}
