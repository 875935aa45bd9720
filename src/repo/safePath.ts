/**
 * Resolving and reading paths inside a scanned repository without ever leaving it: relative paths
 * that climb out (`../../etc/passwd`), absolute paths and symlinks whose target lies outside the
 * repository are refused. So is anything in the git directory (`.git/`, or wherever a `gitdir:`
 * file of a worktree or submodule points, and its common directory): it holds credentials
 * (`http.extraheader`, remote URLs with tokens) and is never repository content, however a
 * tracked symlink reaches it. Every read of repository content goes through here, and every file
 * is opened by `openRegularFile`, so a FIFO or device in the work tree is refused, never waited on.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readSourceText } from './gitObjects.js';
import { openRegularFile, readOpened } from './readInput.js';
import { hasGitDirSegment, isGitObjects, worktreeRoot, type RepoRoot } from './source.js';

export type ResolveResult =
  | { ok: true; absolute: string }
  | { ok: false; reason: 'outside-repository' | 'not-found' | 'unreadable'; detail: string };

const isInside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
};

/** Cache of realpath(root): the root itself may be reached through a symlink (e.g. /tmp on macOS). */
const rootReal = new Map<string, Promise<string>>();
const realRoot = (root: string): Promise<string> => {
  let p = rootReal.get(root);
  if (!p) {
    p = realpath(root);
    rootReal.set(root, p);
  }
  return p;
};

/** Real paths of a `gitdir:` file's target and its `commondir`, read without following anything odd. */
function linkedGitDirs(dotGit: string, base: string): string[] {
  const dirs: string[] = [];
  let text: string;
  try {
    if (!lstatSync(dotGit).isFile()) return dirs;
    text = readFileSync(dotGit, { encoding: 'utf8', flag: 'r' }).slice(0, 4096);
  } catch {
    return dirs;
  }
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (!m) return dirs;
  try {
    const gitDir = realpathSync(resolve(base, m[1]!));
    dirs.push(gitDir);
    const common = join(gitDir, 'commondir');
    if (lstatSync(common).isFile()) dirs.push(realpathSync(resolve(gitDir, readFileSync(common, 'utf8').slice(0, 4096).trim())));
  } catch {
    /* a gitdir file pointing nowhere hides nothing */
  }
  return dirs;
}

/** The git directories of the repository whose real root is `base` (cached per root). */
const gitDirCache = new Map<string, string[]>();
export function gitDirectoriesOf(base: string): string[] {
  let dirs = gitDirCache.get(base);
  if (!dirs) {
    const dotGit = join(base, '.git');
    dirs = [dotGit];
    try {
      const real = realpathSync(dotGit);
      if (real !== dotGit) dirs.push(real);
    } catch {
      /* no .git here */
    }
    dirs.push(...linkedGitDirs(dotGit, base));
    gitDirCache.set(base, dirs);
  }
  return dirs;
}

/**
 * True when the real path `real` is git's own data rather than repository content: a path segment
 * named `.git` below `base` (the repository's or a nested one's), or inside a git directory that a
 * `gitdir:` file points at.
 */
export function isGitInternal(base: string, real: string): boolean {
  if (isInside(base, real) && hasGitDirSegment(relative(base, real))) return true;
  return gitDirectoriesOf(base).some((dir) => isInside(dir, real));
}

const gitInternal = (relPath: string): ResolveResult => ({ ok: false, reason: 'outside-repository', detail: `${relPath}: inside the git directory, which is not repository content` });

/** Resolves `relPath` (repository-relative, `/`-separated) to a real path that stays inside `root`. */
export async function resolveInside(root: string, relPath: string): Promise<ResolveResult> {
  if (isAbsolute(relPath) || relPath.split(/[\\/]/).includes('..')) {
    return { ok: false, reason: 'outside-repository', detail: relPath };
  }
  if (hasGitDirSegment(relPath)) return gitInternal(relPath);
  let base: string;
  try {
    base = await realRoot(root);
  } catch (e) {
    return { ok: false, reason: 'not-found', detail: `${root}: ${(e as Error).message}` };
  }
  let real: string;
  try {
    real = await realpath(join(base, relPath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable', detail: `${relPath}: ${code ?? (e as Error).message}` };
  }
  if (!isInside(base, real)) return { ok: false, reason: 'outside-repository', detail: relPath };
  if (isGitInternal(base, real)) return gitInternal(relPath);
  return { ok: true, absolute: real };
}

export interface TextRead {
  text: string;
  /** True when the file was longer than `maxBytes` and only a prefix was read. */
  truncated: boolean;
  /** True when the bytes looked binary (a NUL byte in the prefix); `text` is then empty. */
  binary: boolean;
  encoding: 'utf8' | 'utf8-bom' | 'latin1';
}

export type ReadResult = ({ ok: true } & TextRead) | Extract<ResolveResult, { ok: false }>;

/** Default prefix read from a text file: enough for any real README or licence. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * Reads at most `maxBytes` of a repository file as text. UTF-8 (BOM stripped) when the bytes are
 * valid UTF-8, else ISO-8859-1, which is what Danish files that are not UTF-8 are in practice.
 */
export async function readRepoText(root: RepoRoot, relPath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  if (isGitObjects(root)) return readSourceText(root, relPath, maxBytes);
  const resolved = await resolveInside(worktreeRoot(root), relPath);
  if (!resolved.ok) return resolved;
  // The real path has no symlink left in it: O_NOFOLLOW refuses one swapped in since.
  const opened = await openRegularFile(resolved.absolute, { noFollow: true });
  if (!opened.ok) return { ok: false, reason: opened.reason === 'not-found' ? 'not-found' : 'unreadable', detail: `${relPath}: ${opened.detail}` };
  try {
    const buf = await readOpened(opened.handle, opened.size, maxBytes);
    return { ok: true, ...decodeText(buf), truncated: opened.size > maxBytes };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: `${relPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    await opened.handle.close();
  }
}

export function decodeText(buf: Buffer): Omit<TextRead, 'truncated'> {
  if (buf.subarray(0, 8000).includes(0)) return { text: '', binary: true, encoding: 'utf8' };
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  try {
    // fatal: throw on invalid UTF-8 so we can fall back to Latin-1 instead of producing U+FFFD.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, binary: false, encoding: bom ? 'utf8-bom' : 'utf8' };
  } catch {
    // A prefix cut inside a multi-byte sequence is still UTF-8: retry without the last 3 bytes.
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, Math.max(0, body.length - 3)));
      if (body.length > 3) return { text, binary: false, encoding: bom ? 'utf8-bom' : 'utf8' };
    } catch {
      /* not UTF-8 */
    }
    return { text: body.toString('latin1'), binary: false, encoding: 'latin1' };
  }
}
