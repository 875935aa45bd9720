/**
 * The one atomic replace: bytes written to an exclusive temporary file beside the target, then
 * renamed over it, so a failed write never truncates what was there. Used by the repository writer
 * (src/repo/repositoryFile.ts) and the output writer (src/cli/output.ts), which decide beforehand
 * that the target is a regular file or a new path.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function replaceFileAtomically(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.os2level.tmp`);
  try {
    // 'wx': the temporary name is never followed if something put a link there.
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
