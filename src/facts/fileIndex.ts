/**
 * The file index: which files the repository holds. In a git repository that is what git tracks
 * (never build output or ignored files); outside git it is a directory walk that honours every
 * `.gitignore`. Symlinks whose target leaves the repository are listed apart and never followed.
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { listTrackedEntries } from '../repo/git.js';
import { indexSource } from '../repo/gitObjects.js';
import { isGitInternal } from '../repo/safePath.js';
import { isGitObjects, worktreeRoot, type RepoRoot } from '../repo/source.js';
import { readRepoText } from '../repo/safePath.js';
import { InputError } from '../errors.js';
import { compareIndexPaths, markSortedIndex } from './indexLookup.js';
import type { FileIndexFacts } from './types.js';

/** A walk stops here; a real product repository is far below it. */
export const MAX_INDEXED_FILES = 200_000;

/** lstat calls in flight at once (a repository may track any number of symlinks). */
const LSTAT_CONCURRENCY = 64;

export interface FileIndexOptions {
  maxFiles?: number;
}

export async function collectFileIndex(repo: RepoRoot, options: FileIndexOptions = {}): Promise<FileIndexFacts> {
  const maxFiles = options.maxFiles ?? MAX_INDEXED_FILES;
  if (isGitObjects(repo)) {
    // The tree of a pinned commit is what git tracks there; symlinks were judged inside the tree.
    const { paths, symlinksOutside } = await indexSource(repo);
    const sorted = paths.sort(compareIndexPaths);
    const kept = sorted.slice(0, maxFiles);
    markSortedIndex(kept);
    return { source: 'git', paths: kept, symlinksOutside: symlinksOutside.sort(compareIndexPaths), truncated: sorted.length > maxFiles };
  }
  const root = worktreeRoot(repo);
  await assertDirectory(root);
  const rootReal = await realpath(root);

  const tracked = await listTrackedEntries(root);
  let source: FileIndexFacts['source'];
  let paths: string[];
  let symlinks: string[];
  let truncated = false;
  if (tracked) {
    source = 'git';
    paths = tracked.paths.slice(0, maxFiles);
    truncated = tracked.paths.length > maxFiles;
    // Most repositories track no symlink: no set of 100,000 paths is built for them.
    const kept = truncated && tracked.symlinks.length > 0 ? new Set(paths) : null;
    symlinks = await stillSymlinks(rootReal, kept ? tracked.symlinks.filter((p) => kept.has(p)) : tracked.symlinks);
  } else {
    source = 'walk';
    const walked = await walk(rootReal, maxFiles);
    paths = walked.paths;
    symlinks = walked.symlinks;
    truncated = walked.truncated;
  }

  const outside = new Set<string>();
  for (const link of symlinks) if (!(await symlinkStaysInside(rootReal, link))) outside.add(link);
  // git's listing is sorted already (parseStagedListing); a walk is sorted here.
  const kept = outside.size > 0 ? paths.filter((p) => !outside.has(p)) : paths;
  const sortedPaths = source === 'git' ? kept : sortedStrings(kept);
  markSortedIndex(sortedPaths);
  return {
    source,
    paths: sortedPaths,
    symlinksOutside: [...outside].sort(compareIndexPaths),
    truncated,
  };
}

async function assertDirectory(root: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw new InputError(`Repository directory not found: ${root}`, undefined, 'repository-not-found');
}

/** Sorted in place by compareIndexPaths; a list in order already (git's, usually) is only checked. */
function sortedStrings(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return list.sort(compareIndexPaths);
  return list;
}

/**
 * Of the paths git records as symlinks (mode 120000), those that are symlinks in the working tree.
 * Git's modes replace an lstat of every tracked file; a tracked link deleted from the working tree
 * is not one we can judge and stays listed, as before. (A regular file replaced by a symlink and
 * not yet staged is not seen here, but every read of content resolves its real path and refuses
 * one outside the repository: src/repo/safePath.ts.)
 */
async function stillSymlinks(rootReal: string, candidates: string[]): Promise<string[]> {
  const links: string[] = [];
  for (let i = 0; i < candidates.length; i += LSTAT_CONCURRENCY) {
    const batch = candidates.slice(i, i + LSTAT_CONCURRENCY);
    const flags = await Promise.all(
      batch.map((p) =>
        lstat(join(rootReal, p)).then(
          (s) => s.isSymbolicLink(),
          () => false, // tracked but deleted from the working tree: not a symlink we can judge
        ),
      ),
    );
    batch.forEach((p, j) => flags[j] && links.push(p));
  }
  return links;
}

/** A broken link is judged by where it points, so a dangling `../../secret` still counts as outside. */
async function symlinkStaysInside(rootReal: string, relPath: string): Promise<boolean> {
  const full = join(rootReal, relPath);
  let target: string;
  try {
    target = await realpath(full);
  } catch {
    try {
      target = resolve(dirname(full), await readlink(full));
    } catch {
      return false;
    }
  }
  const rel = relative(rootReal, target);
  // A link into the git directory leaves the repository's content as surely as one out of it.
  return (rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep))) && !isGitInternal(rootReal, target);
}

interface IgnoreLayer {
  /** Directory of the `.gitignore`, relative to the root, '' for the root itself. */
  base: string;
  rules: Ignore;
}

/** Git semantics: the deepest `.gitignore` with an opinion on a path decides it. */
function isIgnored(layers: IgnoreLayer[], relPath: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const local = layer.base === '' ? relPath : relPath.slice(layer.base.length + 1);
    const result = layer.rules.test(isDir ? `${local}/` : local);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

async function walk(rootReal: string, maxFiles: number): Promise<{ paths: string[]; symlinks: string[]; truncated: boolean }> {
  const paths: string[] = [];
  const symlinks: string[] = [];
  let truncated = false;

  const visit = async (dirRel: string, layers: IgnoreLayer[]): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(rootReal, dirRel), { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can check
    }
    entries.sort((a, b) => compareIndexPaths(a.name, b.name));
    const here = [...layers];
    if (entries.some((e) => e.name === '.gitignore' && (e.isFile() || e.isSymbolicLink()))) {
      const rel = dirRel === '' ? '.gitignore' : `${dirRel}/.gitignore`;
      const read = await readRepoText(rootReal, rel, 256 * 1024);
      if (read.ok && !read.binary) here.push({ base: dirRel, rules: ignore().add(read.text) });
    }
    for (const entry of entries) {
      if (truncated) return;
      if (entry.name === '.git') continue;
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isIgnored(here, rel, true)) await visit(rel, here);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (isIgnored(here, rel, false)) continue;
        if (paths.length >= maxFiles) {
          truncated = true;
          return;
        }
        paths.push(rel);
        if (entry.isSymbolicLink()) symlinks.push(rel);
      }
    }
  };

  await visit('', []);
  return { paths, symlinks, truncated };
}
