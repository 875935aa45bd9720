/**
 * Git remotes: parsing a remote URL (credentials removed, host/owner/repo split out) and choosing
 * the code-host remote that says who owns the code. The owner is always read from a code host's URL (or, failing
 * that, from the repository.url the manifest or publiccode.yml declares), never from a folder name:
 * a clone in ~/work/x is not owned by "work". Pure: following a local remote is localUpstreams.ts.
 */
import { redactCredentials, redactUserinfo } from '../repo/redactCredentials.js';
import type { GitRemote } from './types.js';

/** Hosts whose remotes are preferred, after origin, when several remotes point at code hosts. */
export const KNOWN_CODE_HOSTS: readonly string[] = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'];

/** Removes credentials (`user:token@`, `?private_token=`) from a remote URL and splits out host/owner/repo. */
export function parseRemoteUrl(name: string, rawUrl: string): GitRemote {
  const input = rawUrl.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input);
  if (scheme) {
    const proto = scheme[1]!.toLowerCase();
    const rest = input.slice(scheme[0].length).replace(/[?#].*$/s, '');
    const slash = rest.indexOf('/');
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    const userinfo = at < 0 ? '' : authority.slice(0, at);
    const hostPort = at < 0 ? authority : authority.slice(at + 1);
    // http(s) userinfo is dropped (user names there are often tokens); ssh keeps only a public
    // login name (`git@`), by the one redaction rule.
    const keptUser = userinfo && (proto.startsWith('ssh') || proto === 'git+ssh') ? redactUserinfo(decodeSafely(userinfo)).replace(/:\*\*\*$/, '') : '';
    const url = `${proto}://${keptUser ? `${keptUser}@` : ''}${hostPort}${path}`;
    const host = proto === 'file' ? null : hostPort.replace(/^\[([^\]]*)\].*$/, '$1').replace(/:\d*$/, '').toLowerCase() || null;
    return { name, url, host, ...ownerRepo(path, proto === 'file') };
  }
  // scp-like `user@host:owner/repo.git` (a colon before any slash, and not a Windows drive letter).
  const scp = /^(?:([^@/]+)@)?([^:/]+):(?!\/\/)(.*)$/.exec(input);
  if (scp && !/^[A-Za-z]:[\\/]/.test(input)) {
    const user = scp[1] === undefined ? undefined : redactUserinfo(decodeSafely(scp[1])).replace(/:\*\*\*$/, '');
    const url = redactCredentials(`${user ? `${user}@` : ''}${scp[2]}:${scp[3]}`);
    return { name, url, host: scp[2]!.toLowerCase(), ...ownerRepo(scp[3]!, false) };
  }
  return { name, url: redactCredentials(input), host: null, ...ownerRepo(input, true) };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Owner and repository name from a URL path. A local path or file:// URL names a repository but no
 * owner: the folder it sits in is where someone keeps clones, not who owns the code.
 */
function ownerRepo(path: string, local: boolean): { owner: string | null; repo: string | null } {
  const clean = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const parts = clean.split('/').filter((p) => p !== '' && p !== '~' && p !== '.' && p !== '..');
  const repo = parts.pop()?.replace(/\.git$/, '') || null;
  if (local) return { owner: null, repo };
  return { owner: parts.length ? parts.join('/') : null, repo };
}

/** `config --get-regexp -z` output → remotes (first URL of each) and whether this is a partial clone. */
export function parseRemoteConfig(out: string | null): { remotes: GitRemote[]; partial: boolean } {
  const urls = new Map<string, string>();
  let partial = false;
  for (const entry of (out ?? '').split('\0')) {
    const nl = entry.indexOf('\n');
    const key = nl < 0 ? entry : entry.slice(0, nl);
    const value = nl < 0 ? '' : entry.slice(nl + 1);
    if (key === 'extensions.partialclone') partial = true;
    const remote = /^remote\.(.+)\.(url|promisor|partialclonefilter)$/.exec(key);
    if (!remote) continue;
    if (remote[2] === 'url') {
      if (!urls.has(remote[1]!)) urls.set(remote[1]!, value);
    } else if (remote[2] === 'partialclonefilter' || value.trim().toLowerCase() !== 'false') partial = true;
  }
  const remotes = [...urls].map(([name, url]) => parseRemoteUrl(name, url)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { remotes, partial };
}

/** A remote on a code host: a host and an owner/repo path (not a local path, not a bare host). */
export const isCodeHostRemote = (r: GitRemote): boolean => r.host !== null && r.owner !== null && r.repo !== null;

/**
 * The code-host remotes in the order that decides the owner: `origin` when it is on a code host,
 * then remotes on a well-known host (github.com, gitlab.com, bitbucket.org, codeberg.org), then
 * any other code host, each group in the order given (remote name order, as the collector sorts).
 */
export function codeHostRemotes(remotes: readonly GitRemote[]): GitRemote[] {
  const hosted = remotes.filter(isCodeHostRemote);
  const rank = (r: GitRemote): number => (r.name === 'origin' && !r.via ? 0 : KNOWN_CODE_HOSTS.includes(r.host!) ? 1 : 2);
  return hosted.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
}

/** The owner a URL names (`https://github.com/OS2offdig/x` → OS2offdig); null for a local path or a bare host. */
export function ownerOfUrl(url: string): string | null {
  const r = parseRemoteUrl('declared', url);
  return isCodeHostRemote(r) ? r.owner : null;
}
