/**
 * Writing planned files, through the one repository writer (src/repo/repositoryFile.ts): a new
 * file is created exclusively (never over one that appeared meanwhile); an append keeps every
 * original byte and adds a blank line and the new sections in the file's own encoding. A path that
 * is a symlink, leads out of the repository through a symlinked folder, is not a regular file or
 * is not UTF-8/UTF-16 text is skipped with the reason. In a git repository, new files are marked
 * with `git add --intent-to-add` through the hardened git runner: the checks read tracked files
 * only, and the user still decides what to commit (nothing is staged with content or committed).
 */
import { runGit } from '../repo/git.js';
import { appendToRepositoryFile, createRepositoryFile, type SkipReason } from '../repo/repositoryFile.js';
import type { PlannedFile } from './types.js';

export interface AppliedFile extends PlannedFile {
  /** False when nothing was written; `skipped` says why. */
  written: boolean;
  skipped?: { reason: SkipReason; detail: string };
}

export async function applyFixes(root: string, files: readonly PlannedFile[], opts: { git: boolean }): Promise<AppliedFile[]> {
  const out: AppliedFile[] = [];
  // Where each new file really is: git refuses a path through a symlinked folder.
  const created: string[] = [];
  for (const f of files) {
    const outcome =
      f.action === 'create'
        ? await createRepositoryFile(root, f.path, f.content)
        : await appendToRepositoryFile(root, f.path, (old) => (old === '' ? '' : old.endsWith('\n\n') ? '' : old.endsWith('\n') ? '\n' : '\n\n') + f.content);
    if (outcome.ok && f.action === 'create') created.push(outcome.path);
    out.push(outcome.ok ? { ...f, written: true } : { ...f, written: false, skipped: { reason: outcome.reason, detail: outcome.detail } });
  }
  // Writes the index: the runner empties every filter driver and keeps fsmonitor and hooks off.
  if (opts.git && created.length) await runGit(root, ['add', '--intent-to-add', '--', ...created.map((p) => `:(literal)${p}`)], { worktree: true });
  return out;
}
