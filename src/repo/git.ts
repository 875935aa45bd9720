/**
 * The only place git is run: every git process of the product starts in this file (a test fails
 * when another file imports node:child_process or simple-git). A scanned repository is untrusted:
 * its own config can name programs (fsmonitor, pager, hooks, external diff, textconv, filter
 * drivers, gpg, lazy-fetch transports). Every call here overrides those from the command line,
 * which outranks the repository's config, and runs with a minimal environment so nothing inherited
 * (GIT_DIR, EDITOR, GIT_SSH…) leaks in.
 */
import { spawn, type ChildProcessWithoutNullStreams, type StdioOptions } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** `-c` settings forced on every call. */
export const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'core.pager=cat',
  'core.askPass=',
  'core.alternateRefsCommand=',
  // `log.showSignature` in a repository's config would make every `git log` run `gpg.program`.
  'log.showSignature=false',
  'gpg.program=gpg',
  'gpg.ssh.program=ssh-keygen',
  'gpg.x509.program=gpgsm',
  'diff.external=',
  // Command-line config is "protected": lets us read a repository owned by another user.
  'safe.directory=*',
  // No transport at all, so a partial clone cannot lazily fetch (and run ssh/helpers) for missing objects.
  'protocol.allow=never',
];

/** Fetching (a scan's clone into its cache): only these transports, and nothing recursive. */
const NETWORK_CONFIG = [
  'protocol.https.allow=always',
  'protocol.ssh.allow=always',
  'protocol.file.allow=always',
  'core.sshCommand=ssh -o BatchMode=yes',
  'submodule.recurse=false',
  'fetch.recurseSubmodules=false',
  'transfer.fsckObjects=false',
  // No automatic repacking after a fetch: another scan may be reading this clone's packs.
  'gc.auto=0',
  'maintenance.auto=false',
];

const PASSED_THROUGH = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'XDG_CONFIG_HOME'];
/** Passed through for fetching only: proxies, CA bundles, and the ssh agent for private repositories. */
const NETWORK_PASSTHROUGH = ['SSH_AUTH_SOCK', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'GIT_SSL_CAINFO'];

export function safeEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    // Read-only commands must not refresh and rewrite the index.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    // Belt and braces with protocol.allow=never (honoured by git ≥ 2.44).
    GIT_NO_LAZY_FETCH: '1',
    // Facts describe the history as stored, not as rewritten by refs/replace.
    GIT_NO_REPLACE_OBJECTS: '1',
    LC_ALL: 'C',
  };
}

function networkEnv(): Record<string, string> {
  const env = safeEnv();
  for (const name of NETWORK_PASSTHROUGH) {
    const v = process.env[name];
    if (v !== undefined) env[name] = v;
  }
  return {
    ...env,
    GIT_LFS_SKIP_SMUDGE: '1',
    // Never ask about unknown host keys or passwords: a scan runs unattended.
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
    GIT_PROTOCOL_FROM_USER: '0',
  };
}

/** A git invocation failed: non-zero exit, missing git, or a directory that cannot be used. */
export class GitRunError extends Error {
  constructor(
    readonly args: string[],
    message: string,
  ) {
    super(message);
    this.name = 'GitRunError';
  }
}

/** Flags for any command that could render a diff: never run external diff or textconv programs. */
export const NO_DIFF_PROGRAMS = ['--no-ext-diff', '--no-textconv'] as const;

export interface GitRunOptions {
  /**
   * The command writes the index or hashes work-tree files (`add`, `status`, `diff` against the
   * work tree): every filter driver configured anywhere (`filter.<name>.clean/smudge/process`) is
   * emptied for the call, so git passes content through unfiltered instead of running a program.
   */
  worktree?: boolean;
  /** A fetch or clone: the https, ssh and file transports are allowed, with a batch-mode ssh. */
  network?: boolean;
  /** Kills git when it has been silent this long (default one minute: a stuck filesystem). */
  silenceTimeoutMs?: number;
  signal?: AbortSignal;
}

const configArgs = (settings: readonly string[]): string[] => settings.flatMap((c) => ['-c', c]);

/** The arguments and environment every git process gets, before the command's own arguments. */
function invocation(opts: GitRunOptions): { prefix: string[]; env: Record<string, string> } {
  return {
    prefix: configArgs([...SAFE_CONFIG, ...(opts.network ? NETWORK_CONFIG : [])]),
    env: opts.network ? networkEnv() : safeEnv(),
  };
}

/**
 * Filter driver names configured for `root` (repository, global and included config). Names are
 * neutralised through GIT_CONFIG_* variables rather than `-c`, which would misparse a name holding
 * `=`; a driver named only in .gitattributes but configured nowhere runs nothing anyway.
 */
async function filterOverrides(root: string): Promise<Record<string, string>> {
  const out = await collect(root, ['config', '--null', '--name-only', '--get-regexp', '^filter\\.'], {}).catch(() => '');
  const names = new Set<string>();
  for (const key of out.split('\0')) {
    const m = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (m) names.add(m[1]!);
  }
  const env: Record<string, string> = {};
  let i = 0;
  for (const name of names) {
    for (const [key, value] of [['clean', ''], ['smudge', ''], ['process', ''], ['required', 'false']] as const) {
      env[`GIT_CONFIG_KEY_${i}`] = `filter.${name}.${key}`;
      env[`GIT_CONFIG_VALUE_${i}`] = value;
      i++;
    }
  }
  if (i > 0) env.GIT_CONFIG_COUNT = String(i);
  return env;
}

/** Runs git and collects stdout; the silence timer restarts on every byte git writes. */
function collect(cwd: string, args: string[], opts: GitRunOptions, extraEnv: Record<string, string> = {}): Promise<string> {
  const { prefix, env } = invocation(opts);
  const silence = opts.silenceTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...prefix, ...args], { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, silence);
    };
    arm();
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      arm();
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      arm();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (timedOut) return reject(new Error(`git ${args[0]}: no output for ${silence} ms (block timeout)${stderr ? `: ${stderr}` : ''}`));
      reject(new Error(stderr || `git ${args[0]} exited with ${code ?? signal}`));
    });
  });
}

/**
 * Runs `git <args>` in `root` with the safe config and environment and returns stdout untrimmed.
 * `args` must come from this program, never from repository content. Throws GitRunError.
 */
export async function runGit(root: string, args: string[], opts: GitRunOptions = {}): Promise<string> {
  try {
    const extraEnv = opts.worktree ? await filterOverrides(root) : {};
    return await collect(root, args, opts, extraEnv);
  } catch (e) {
    throw new GitRunError(args, (e as Error).message.trim());
  }
}

/**
 * Starts a long-running git process (`cat-file --batch`, a streamed blob) with the same safe
 * config and environment as runGit; the caller owns the process and must end it.
 */
export function spawnGit(cwd: string, args: string[], stdio: StdioOptions = 'pipe'): GitProcess {
  const { prefix, env } = invocation({});
  // Streams set to 'ignore' in `stdio` are null; the caller uses only those it asked for.
  return spawn('git', [...prefix, ...args], { cwd, env, stdio }) as GitProcess;
}

export type GitProcess = ChildProcessWithoutNullStreams;

export interface GitRepositoryInfo {
  isRepository: boolean;
  /** The work tree's top level (for a bare repository: its git directory). */
  topLevel: string | null;
  bare: boolean;
  /** A shallow clone (its history is cut off); false when not a repository. */
  shallow: boolean;
  /**
   * Why `root` is not a plain repository top level:
   * `missing-directory`, `git-unavailable`, `not-a-repository`, or `inside-repository`
   * (root is a subdirectory of a work tree; it is scanned as is, not its top level).
   */
  reason?: 'missing-directory' | 'git-unavailable' | 'not-a-repository' | 'inside-repository';
}

const openingNow = new Map<string, Promise<GitRepositoryInfo>>();

/**
 * Decides whether `root` is a git repository, without ever changing it. Callers asking about the
 * same directory at the same time (the file index and the git facts start together) share one
 * answer; nothing is cached once it is given, since a directory can become a repository later.
 */
export function openGit(root: string): Promise<GitRepositoryInfo> {
  let pending = openingNow.get(root);
  if (!pending) {
    pending = inspectGit(root).finally(() => openingNow.delete(root));
    openingNow.set(root, pending);
  }
  return pending;
}

const notRepository = (reason: NonNullable<GitRepositoryInfo['reason']>): GitRepositoryInfo => ({ isRepository: false, topLevel: null, bare: false, shallow: false, reason });

async function inspectGit(root: string): Promise<GitRepositoryInfo> {
  try {
    if (!(await stat(root)).isDirectory()) return notRepository('missing-directory');
  } catch {
    return notRepository('missing-directory');
  }
  let out: string;
  try {
    // One process for every question about the layout. Not --show-toplevel: it fails in a bare
    // repository and inside .git, where --is-inside-work-tree answers instead.
    out = await runGit(root, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree', '--absolute-git-dir', '--show-prefix', '--is-shallow-repository', '--show-cdup']);
  } catch (e) {
    const message = (e as Error).message;
    const reason = /not a git repository/i.test(message) ? 'not-a-repository' : /ENOENT|spawn/i.test(message) ? 'git-unavailable' : 'not-a-repository';
    return notRepository(reason);
  }
  const [bareLine = '', insideLine = '', gitDir = '', prefix = '', shallowLine = '', cdup = ''] = out.split('\n');
  const shallow = shallowLine.trim() === 'true';
  if (bareLine.trim() === 'true') return { isRepository: true, topLevel: gitDir.trim(), bare: true, shallow };
  // Inside a .git directory: there is no work tree to scan.
  if (insideLine.trim() !== 'true') return notRepository('not-a-repository');
  const topLevel = resolve(root, cdup.replace(/\r$/, ''));
  if (prefix.trim() !== '') return { isRepository: true, topLevel, bare: false, shallow, reason: 'inside-repository' };
  // A work tree configured elsewhere (core.worktree) prints no prefix either; compare real paths to be sure.
  const same = (await realpath(root).catch(() => root)) === (await realpath(topLevel).catch(() => topLevel));
  return same ? { isRepository: true, topLevel, bare: false, shallow } : { isRepository: true, topLevel, bare: false, shallow, reason: 'inside-repository' };
}

export interface TrackedFiles {
  /** Tracked paths relative to `root`, `/`-separated, sorted, each once. */
  paths: string[];
  /** The paths git records as symbolic links (mode 120000), sorted. */
  symlinks: string[];
}

/** Mode git gives a symbolic link. */
const SYMLINK_MODE = '120000';

/**
 * Tracked files under `root` with the symlinks among them, from one `git ls-files -s -z`: git keeps
 * each path's mode, so finding symlinks costs no `lstat` per file (~1.5 s of CPU at 100,000 files).
 * null when `root` is not a git repository; empty for a bare repository (it has no work tree).
 */
export async function listTrackedEntries(root: string): Promise<TrackedFiles | null> {
  const info = await openGit(root);
  if (!info.isRepository) return null;
  if (info.bare) return { paths: [], symlinks: [] };
  let out: string;
  try {
    out = await runGit(root, ['ls-files', '-s', '-z']);
  } catch {
    return null;
  }
  return parseStagedListing(out);
}

/** `ls-files -s -z` records: `<mode> <object> <stage>\t<path>\0`. */
export function parseStagedListing(out: string): TrackedFiles {
  // git lists the index sorted by path and stage, so an unmerged path's conflict stages are
  // adjacent: each is kept once by comparing with the previous path, with no set of every path.
  // Scanned in place rather than split into records first: at 100,000 files that halves the time.
  const paths: string[] = [];
  const symlinks: string[] = [];
  let previous: string | null = null;
  for (let start = 0; start < out.length; ) {
    let end = out.indexOf('\0', start);
    if (end < 0) end = out.length;
    const tab = out.indexOf('\t', start);
    if (tab >= 0 && tab < end - 1) {
      const path = out.slice(tab + 1, end);
      if (path !== previous) paths.push((previous = path));
      if (out.startsWith(SYMLINK_MODE + ' ', start) && symlinks[symlinks.length - 1] !== path) symlinks.push(path);
    }
    start = end + 1;
  }
  return { paths: uniqueSorted(paths), symlinks: uniqueSorted(symlinks) };
}

/** Sorted by code unit and each once; git's own order usually is that already, which is checked first. */
function uniqueSorted(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]! >= list[i]!) return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return list;
}

/**
 * Tracked files under `root`, relative to `root`, `/`-separated, sorted.
 * null when `root` is not a git repository; [] for a bare repository (it has no work tree).
 */
export async function listTrackedFiles(root: string): Promise<string[] | null> {
  return (await listTrackedEntries(root))?.paths ?? null;
}
