/**
 * The one way os2level opens a file it reads: an input the user named (os2.yaml, `validate FILE`,
 * `--levels`, `--baseline`, `--coverage`, `--compare`, a portfolio, a governance report) or a file
 * of a scanned repository. Opening a FIFO blocks until someone writes to it and reading a
 * character device never ends, so the type is checked before the open (stat), the open itself
 * cannot block (O_NONBLOCK) and the opened descriptor is checked again (fstat), which also catches
 * a path swapped between the two. Sizes are bounded, and the bound is named in the error.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.js';

export type OpenFailureReason = 'not-found' | 'not-a-file' | 'symlink' | 'unreadable';

/** `mode`: the permission bits, for a writer that replaces the file keeping them. */
export type OpenedFile = { ok: true; handle: FileHandle; size: number; mode: number } | { ok: false; reason: OpenFailureReason; detail: string };

export interface OpenOptions {
  /** Refuse a symlink at `path` itself (for paths already resolved to their real location). */
  noFollow?: boolean;
}

/** What a non-regular file is, for the error ("a FIFO", "a character device"). */
export function fileKind(s: Stats): string {
  if (s.isFile()) return 'a regular file';
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  if (s.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const errCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Opens `path` for reading only if it is a regular file; never blocks, never reads a device. */
export async function openRegularFile(path: string, opts: OpenOptions = {}): Promise<OpenedFile> {
  let before: Stats;
  try {
    before = opts.noFollow ? await lstat(path) : await stat(path);
  } catch (e) {
    const code = errCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'not-found', detail: 'file not found' };
    return { ok: false, reason: 'unreadable', detail: `cannot open the file (${code})` };
  }
  if (!before.isFile()) return { ok: false, reason: before.isSymbolicLink() ? 'symlink' : 'not-a-file', detail: `is ${fileKind(before)}, not a regular file` };
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (e) {
    const code = errCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'not-found', detail: 'file not found' };
    if (code === 'ELOOP') return { ok: false, reason: 'symlink', detail: 'is a symbolic link, not a regular file' };
    return { ok: false, reason: 'unreadable', detail: `cannot open the file (${code})` };
  }
  try {
    const after = await handle.stat();
    if (!after.isFile()) {
      await handle.close();
      return { ok: false, reason: 'not-a-file', detail: `is ${fileKind(after)}, not a regular file` };
    }
    if (after.ino !== before.ino || after.dev !== before.dev) {
      await handle.close();
      return { ok: false, reason: 'unreadable', detail: 'the file changed while it was being opened' };
    }
    return { ok: true, handle, size: after.size, mode: after.mode & 0o7777 };
  } catch (e) {
    await handle.close().catch(() => undefined);
    return { ok: false, reason: 'unreadable', detail: `cannot read the file (${errCode(e)})` };
  }
}

/**
 * Reads from an opened regular file: at most `maxBytes`, or `maxBytes + 1` when `detectOverflow`
 * (so a caller can tell that a file grew past its bound after the size was checked).
 */
export async function readOpened(handle: FileHandle, size: number, maxBytes: number, detectOverflow = false): Promise<Buffer> {
  const buf = Buffer.alloc(Math.min(size, maxBytes) + (detectOverflow ? 1 : 0));
  let read = 0;
  while (read < buf.length) {
    const { bytesRead } = await handle.read(buf, read, buf.length - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buf.subarray(0, read);
}

/** `1 MiB`, `3.25 MiB`-style sizes for messages, in binary units. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  // Two decimals below 10, so 1.04 MiB is not printed as the 1 MiB limit it exceeds.
  const text = value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '');
  return `${text} ${units[unit]}`;
}

export interface InputLimits {
  /** How the input is named in errors: `--baseline`, `the manifest`, `a portfolio`. */
  what: string;
  maxBytes: number;
}

/** Error codes: `file-not-found`, `file-unreadable` (not a regular file, or unreadable), `file-too-large`. */
export function inputFileError(path: string, code: string, message: string): InputError {
  return new InputError(`${path}: ${message}`, [{ file: path, line: 1, column: 1, code, message }], code);
}

/** Reads a whole input file named by the user; throws `InputError` (exit 2) for anything else. */
export async function readInputFile(path: string, limits: InputLimits): Promise<Buffer> {
  const opened = await openRegularFile(path);
  if (!opened.ok) throw inputFileError(path, opened.reason === 'not-found' ? 'file-not-found' : 'file-unreadable', opened.detail);
  const { handle, size } = opened;
  const tooLarge = (actual: string): InputError =>
    inputFileError(path, 'file-too-large', `file is ${actual}; the limit for ${limits.what} is ${formatSize(limits.maxBytes)}`);
  try {
    if (size > limits.maxBytes) throw tooLarge(`${formatSize(size)} (${size} bytes)`);
    const bytes = await readOpened(handle, size, limits.maxBytes, true);
    // The file may have grown since it was measured.
    if (bytes.length > limits.maxBytes) throw tooLarge(`larger than ${formatSize(limits.maxBytes)}`);
    return bytes;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFileError(path, 'file-unreadable', `cannot read the file (${errCode(e)})`);
  } finally {
    await handle.close();
  }
}

/** Throws `InputError` when `path` exists but is not a regular file (a FIFO, a device, a directory). */
export async function refuseSpecialFile(path: string, what: string): Promise<void> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch {
    return;
  }
  if (!s.isFile()) throw inputFileError(path, 'file-unreadable', `is ${fileKind(s)}, not a regular file (given as ${what})`);
}
