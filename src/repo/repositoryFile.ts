/**
 * The one reader/writer pair for files os2level *changes* inside a repository (`fix`, `publiccode
 * --write`, `init`). Two rules live here and nowhere else:
 *
 * - Writes stay inside. Each path component is looked at with lstat: a symlinked directory is
 *   followed only while it stays inside the repository (and out of `.git/`), a symlink is never
 *   replaced, and something that is not a regular file is never written over. Such a file is
 *   skipped with a reason, never an exception.
 * - Text is never damaged. A file is edited only when its bytes decode strictly as UTF-8 (with or
 *   without a byte-order mark) or as UTF-16 with a byte-order mark; it is written back in that same
 *   encoding, and an append keeps every original byte. Anything else (Latin-1, Windows-1252…) is
 *   left untouched, with the reason, since guessing the encoding could corrupt it.
 */
import { openRegularFile, readOpened } from './readInput.js';
import { replaceFileAtomically } from './replaceFile.js';
import { lstat, mkdir, open, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type SkipReason = 'outside-repository' | 'symlink' | 'not-a-file' | 'not-utf8' | 'exists' | 'not-found';

export interface Skipped {
  ok: false;
  reason: SkipReason;
  /** The path and what was found there, for the message. */
  detail: string;
}

export type EditableText = { ok: true; text: string; encoding: TextEncoding; bytes: Buffer; mode: number } | Skipped;

/** `path`: where the file really is, relative to the repository (through symlinked folders inside it). */
export type WriteOutcome = { ok: true; path: string } | Skipped;

const isInside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
};

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

type Place = { ok: true; absolute: string; exists: boolean; path: string } | Skipped;

/**
 * Where `relPath` lives, component by component. With `create`, missing directories are made one
 * at a time (never through a symlink that leaves the repository).
 */
async function placeFor(root: string, relPath: string, create: boolean): Promise<Place> {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  if (isAbsolute(relPath) || parts.includes('..') || parts.length === 0) return { ok: false, reason: 'outside-repository', detail: relPath };
  const base = await realpath(root);
  const gitDir = join(base, '.git');
  let dir = base;
  for (let i = 0; i < parts.length; i++) {
    const shown = parts.slice(0, i + 1).join('/');
    const next = join(dir, parts[i]!);
    const last = i === parts.length - 1;
    let st;
    try {
      st = await lstat(next);
    } catch (e) {
      if (code(e) !== 'ENOENT') return { ok: false, reason: 'not-a-file', detail: `${shown}: ${code(e) ?? (e as Error).message}` };
      if (last) return { ok: true, absolute: next, exists: false, path: relative(base, next).split(sep).join('/') };
      if (!create) return { ok: false, reason: 'not-found', detail: shown };
      try {
        await mkdir(next);
      } catch (m) {
        if (code(m) !== 'EEXIST') throw m;
        i--; // appeared meanwhile: look at it again
        continue;
      }
      dir = next;
      continue;
    }
    if (isInside(gitDir, next)) return { ok: false, reason: 'outside-repository', detail: `${shown}: inside the .git directory` };
    if (st.isSymbolicLink()) {
      // The link itself is never replaced; a directory link is followed only while it stays inside.
      if (last) return { ok: false, reason: 'symlink', detail: `${shown} -> ${await readlink(next).catch(() => '?')}` };
      const target = await realpath(next).catch(() => null);
      if (target === null || !isInside(base, target) || isInside(gitDir, target)) {
        return { ok: false, reason: 'outside-repository', detail: `${shown} -> ${await readlink(next).catch(() => '?')}` };
      }
      if (!(await stat(target)).isDirectory()) return { ok: false, reason: 'not-a-file', detail: `${shown}: not a directory` };
      dir = target;
      continue;
    }
    if (last) return st.isFile() ? { ok: true, absolute: next, exists: true, path: relative(base, next).split(sep).join('/') } : { ok: false, reason: 'not-a-file', detail: `${shown}: not a regular file` };
    if (!st.isDirectory()) return { ok: false, reason: 'not-a-file', detail: `${shown}: not a directory` };
    dir = next;
  }
  /* c8 ignore next */
  return { ok: false, reason: 'not-found', detail: relPath };
}

/** Strict decoding: the encoding a file can be written back in, or null when there is none. */
export function decodeStrict(bytes: Buffer): { text: string; encoding: TextEncoding } | null {
  const fatal = (label: string, body: Buffer): string | null => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return null;
    }
  };
  let text: string | null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return (text = fatal('utf-16le', bytes.subarray(2))) === null ? null : { text, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return (text = fatal('utf-16be', bytes.subarray(2))) === null ? null : { text, encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return (text = fatal('utf-8', bytes.subarray(3))) === null ? null : { text, encoding: 'utf-8-bom' };
  return (text = fatal('utf-8', bytes)) === null ? null : { text, encoding: 'utf-8' };
}

/** `text` in `encoding`; with `bom`, the byte-order mark the encoding carries first. */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** Largest file edited in place; a bigger one is not something os2level generated sections for. */
const MAX_EDIT_BYTES = 16 * 1024 * 1024;

/** Reads a repository file for editing: its text, and the encoding to write it back in. */
export async function readEditableText(root: string, relPath: string): Promise<EditableText> {
  const place = await placeFor(root, relPath, false);
  if (!place.ok) return place;
  if (!place.exists) return { ok: false, reason: 'not-found', detail: relPath };
  // The one opener (src/repo/readInput.ts), not following a link: a file swapped for a symlink
  // or a FIFO since placeFor looked is refused, not followed or waited on.
  const opened = await openRegularFile(place.absolute, { noFollow: true });
  if (!opened.ok) return { ok: false, reason: opened.reason === 'symlink' || opened.reason === 'not-found' ? opened.reason : 'not-a-file', detail: `${relPath}: ${opened.detail}` };
  const { handle, size, mode } = opened;
  try {
    if (size > MAX_EDIT_BYTES) return { ok: false, reason: 'not-a-file', detail: `${relPath}: larger than ${MAX_EDIT_BYTES} bytes` };
    // One byte past the measured size tells a file that grew meanwhile: never write back a part of it.
    const bytes = await readOpened(handle, size, size, true);
    if (bytes.length > size) return { ok: false, reason: 'not-a-file', detail: `${relPath}: changed while it was read` };
    const decoded = decodeStrict(bytes);
    if (!decoded) return { ok: false, reason: 'not-utf8', detail: relPath };
    return { ok: true, ...decoded, bytes, mode };
  } finally {
    await handle.close();
  }
}


/** Creates a new file (UTF-8); never over anything that exists, a dangling symlink included. */
export async function createRepositoryFile(root: string, relPath: string, text: string): Promise<WriteOutcome> {
  const place = await placeFor(root, relPath, true);
  if (!place.ok) return place;
  if (place.exists) return { ok: false, reason: 'exists', detail: relPath };
  try {
    const handle = await open(place.absolute, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (code(e) === 'EEXIST') return { ok: false, reason: 'exists', detail: relPath };
    throw e;
  }
  return { ok: true, path: place.path };
}

/**
 * Appends to an existing file: `addition(oldText)` is encoded in the file's own encoding and
 * written after the original bytes, which stay exactly as they were.
 */
export async function appendToRepositoryFile(root: string, relPath: string, addition: (oldText: string) => string): Promise<WriteOutcome> {
  const old = await readEditableText(root, relPath);
  if (!old.ok) return old;
  const place = await placeFor(root, relPath, false);
  if (!place.ok) return place;
  await replaceFileAtomically(place.absolute, Buffer.concat([old.bytes, encodeText(addition(old.text), old.encoding, false)]), old.mode);
  return { ok: true, path: place.path };
}

/**
 * Replaces a file's whole text (or creates it). An existing file keeps its encoding and mode; one
 * that is not UTF-8 or UTF-16 with a byte-order mark is left untouched.
 */
export async function replaceRepositoryFile(root: string, relPath: string, text: string): Promise<WriteOutcome> {
  const place = await placeFor(root, relPath, true);
  if (!place.ok) return place;
  if (!place.exists) {
    await replaceFileAtomically(place.absolute, Buffer.from(text, 'utf8'), 0o666);
    return { ok: true, path: place.path };
  }
  const old = await readEditableText(root, relPath);
  if (!old.ok) return old;
  await replaceFileAtomically(place.absolute, encodeText(text, old.encoding, true), old.mode);
  return { ok: true, path: place.path };
}
