/**
 * The one place outputs are written: reports, baselines, scan views and caches (`writeOutput`),
 * and stdout (`writeStdout`). Two rules live here:
 *
 * - Never replace what is not a file. A regular file (or a new path) is replaced atomically: a
 *   temporary file beside it, then a rename, so a failed write never truncates the old one. A
 *   character device (`/dev/null`, a terminal), a FIFO or a socket is written in place, never
 *   replaced; a FIFO nobody reads is an error, not a hang. A symlink is never replaced either: its
 *   final target is written by the same rules, so `--output link-to-report.json` updates the
 *   report the link points at and keeps the link. A directory or a block device is refused.
 * - Output failures are quiet. stdout closed early (EPIPE, `| head -1`) ends the output without a
 *   trace and without changing the exit code; any other failure to write stdout (ENOSPC on
 *   `> /dev/full`) is one line on stderr and exit 2 (src/cli/errors.ts prints it).
 */
import { replaceFileAtomically } from '../repo/replaceFile.js';
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** A failure to write an output; `code` is the errno code (ENOSPC, ENXIO…). */
export class OutputError extends Error {
  constructor(
    readonly target: string,
    readonly code: string,
    detail: string,
  ) {
    super(detail.startsWith(code) ? detail : `${code}: ${detail}`);
    this.name = 'OutputError';
  }
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'EIO';
const MAX_LINK_HOPS = 40;

/** Writes `content` to `path` by the rules above. Throws OutputError. */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let target = resolve(path);
  for (let hop = 0; ; hop++) {
    let st;
    try {
      st = await lstat(target);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw new OutputError(path, errno(e), (e as Error).message);
      return replaceAtomically(path, target, bytes, 0o666);
    }
    if (st.isSymbolicLink()) {
      // What the link finally points at decides; /proc/self/fd/N links name no path, so stat them.
      const final = await stat(target).catch(() => null);
      if (final === null) {
        // A dangling link: follow it by hand and create its target.
        if (hop >= MAX_LINK_HOPS) throw new OutputError(path, 'ELOOP', 'too many levels of symbolic links');
        const next = await readlink(target).catch((e: Error) => Promise.reject(new OutputError(path, errno(e), e.message)));
        target = resolve(dirname(target), next);
        continue;
      }
      if (final.isFile()) return replaceAtomically(path, await realpath(target), bytes, final.mode & 0o7777);
      st = final;
    }
    if (st.isFile()) return replaceAtomically(path, target, bytes, st.mode & 0o7777);
    if (st.isDirectory()) throw new OutputError(path, 'EISDIR', 'is a directory');
    if (st.isBlockDevice()) throw new OutputError(path, 'EINVAL', 'is a block device; a report is never written to one');
    return writeInPlace(path, target, bytes);
  }
}

async function replaceAtomically(shown: string, target: string, bytes: Uint8Array, mode: number): Promise<void> {
  try {
    await replaceFileAtomically(target, bytes, mode);
  } catch (e) {
    throw e instanceof OutputError ? e : new OutputError(shown, errno(e), (e as Error).message);
  }
}

/**
 * A device, FIFO or socket: opened without creating or truncating, and non-blocking, so a FIFO
 * without a reader fails at once (ENXIO) instead of waiting forever; a full pipe is waited on.
 */
async function writeInPlace(shown: string, target: string, bytes: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(target, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = errno(e);
    throw new OutputError(shown, code, code === 'ENXIO' ? 'nothing is reading this FIFO or socket; nothing written' : (e as Error).message);
  }
  try {
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
      } catch (e) {
        if (errno(e) !== 'EAGAIN') throw e;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } catch (e) {
    // The reader of a pipe went away: as with stdout, the output simply ends.
    if (errno(e) !== 'EPIPE') throw new OutputError(shown, errno(e), (e as Error).message);
  } finally {
    await handle.close();
  }
}

/**
 * Appends `content` to `path` (a CI host's summary file such as `$GITHUB_STEP_SUMMARY`, which
 * other steps write too, so it is never replaced). Created when missing; a directory or a block
 * device is refused; a FIFO nobody reads is an error, not a hang. Throws OutputError.
 */
export async function appendOutput(path: string, content: string): Promise<void> {
  const target = resolve(path);
  const st = await stat(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(new OutputError(path, errno(e), e.message))));
  if (st?.isDirectory()) throw new OutputError(path, 'EISDIR', 'is a directory');
  if (st?.isBlockDevice()) throw new OutputError(path, 'EINVAL', 'is a block device; a report is never written to one');
  let handle;
  try {
    handle = await open(target, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | constants.O_NOCTTY, 0o666);
  } catch (e) {
    const code = errno(e);
    throw new OutputError(path, code, code === 'ENXIO' ? 'nothing is reading this FIFO or socket; nothing written' : (e as Error).message);
  }
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
  } catch (e) {
    throw new OutputError(path, errno(e), (e as Error).message);
  } finally {
    await handle.close();
  }
}

let stdoutGone = false;

/** True once the reader of stdout went away: later output is dropped. */
export const stdoutClosed = (): boolean => stdoutGone;

/** Writes to stdout; EPIPE ends output quietly, any other failure throws OutputError. */
export function writeStdout(content: string): Promise<void> {
  if (stdoutGone || content === '') return Promise.resolve();
  return new Promise<void>((done, fail) => {
    const settle = (err: unknown): void => {
      if (!err) return done();
      if (errno(err) === 'EPIPE') {
        stdoutGone = true;
        return done();
      }
      fail(new OutputError('stdout', errno(err), (err as Error).message));
    };
    try {
      // A file or device as stdout is written synchronously and throws; a pipe reports in the callback.
      process.stdout.write(content, settle);
    } catch (e) {
      settle(e);
    }
  });
}

/**
 * Installed once at start: stdout's 'error' event (which follows every failed write) must not
 * become an uncaught exception with a stack trace. The failure itself reaches the caller of
 * writeStdout, which reports it.
 */
export function guardStdout(): void {
  process.stdout.on('error', (err) => {
    if (errno(err) === 'EPIPE') stdoutGone = true;
  });
}

/** The report (or any command output) to `--output`, or to stdout without one. */
export async function emit(content: string, output: string | undefined): Promise<void> {
  if (output) await writeOutput(output, content);
  else await writeStdout(content);
}
