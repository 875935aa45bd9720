/**
 * Resolving and reading paths inside a scanned repository without ever leaving it: relative paths
 * that climb out (`../../etc/passwd`), absolute paths and symlinks whose target lies outside the
 * repository are refused. Every read of repository content goes through here.
 */
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { readSourceText } from './gitObjects.js';
import { isGitObjects, worktreeRoot, type RepoRoot } from './source.js';

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

/** Resolves `relPath` (repository-relative, `/`-separated) to a real path that stays inside `root`. */
export async function resolveInside(root: string, relPath: string): Promise<ResolveResult> {
  if (isAbsolute(relPath) || relPath.split(/[\\/]/).includes('..')) {
    return { ok: false, reason: 'outside-repository', detail: relPath };
  }
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
  let handle;
  try {
    handle = await open(resolved.absolute, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'unreadable', detail: `${relPath}: not a regular file` };
    const length = Math.min(stat.size, maxBytes);
    const buf = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buf, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { ok: true, ...decodeText(buf.subarray(0, read)), truncated: stat.size > maxBytes };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: `${relPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    await handle?.close();
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
