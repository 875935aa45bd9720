/**
 * Writing planned files. A new file is created exclusively (never over one that appeared meanwhile);
 * an append re-reads the file and writes old content + a blank line + the new sections through a
 * temporary file and a rename, so existing content is never altered or lost. In a git repository,
 * new files are marked with `git add --intent-to-add`: the checks read tracked files only, and the
 * user still decides what to commit (nothing is staged with content, nothing is committed).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import type { PlannedFile } from './types.js';

export interface AppliedFile extends PlannedFile {
  /** False when the file appeared between planning and writing; nothing was written then. */
  written: boolean;
}

export async function applyFixes(root: string, files: readonly PlannedFile[], opts: { git: boolean }): Promise<AppliedFile[]> {
  const out: AppliedFile[] = [];
  for (const f of files) {
    const full = join(root, f.path);
    if (f.action === 'create') {
      await mkdir(dirname(full), { recursive: true });
      try {
        await writeFile(full, f.content, { encoding: 'utf8', flag: 'wx' });
        out.push({ ...f, written: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        out.push({ ...f, written: false });
      }
      continue;
    }
    const old = await readFile(full, 'utf8');
    const separator = old === '' ? '' : old.endsWith('\n\n') ? '' : old.endsWith('\n') ? '\n' : '\n\n';
    const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.os2level-fix.tmp`);
    try {
      await writeFile(tmp, old + separator + f.content, 'utf8');
      await rename(tmp, full);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    out.push({ ...f, written: true });
  }
  const created = out.filter((f) => f.action === 'create' && f.written).map((f) => f.path);
  if (opts.git && created.length) await promisify(execFile)('git', ['add', '--intent-to-add', '--', ...created], { cwd: root });
  return out;
}
