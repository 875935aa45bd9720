/**
 * `scan --dir DIR`: every git repository under a directory is a product of its own, named by its
 * path relative to DIR. The walk does not descend into a repository it found, nor follow symlinks;
 * every folder it passes over is listed with the reason, so nothing is left out silently.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { localRepositoryKind } from '../repo/fetch.js';
import type { Portfolio, SkippedFolder } from './types.js';

const MAX_DEPTH = 6;
const SKIP = new Set(['node_modules', '.cache']);

export interface DiscoveredPortfolio extends Portfolio {
  /** Folders under DIR that are not scanned, and why. */
  skipped: SkippedFolder[];
}

export async function discoverPortfolio(dir: string): Promise<DiscoveredPortfolio> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`${dir}: no such directory`, [], 'dir-not-found');
  const found: string[] = [];
  const skipped: SkippedFolder[] = [];
  const rel = (d: string): string => relative(root, d).split(sep).join('/') || '.';
  const skip = (d: string, reason: SkippedFolder['reason']): void => void skipped.push({ path: rel(d), reason });
  /** Returns how many repositories lie under `d`. */
  const visit = async (d: string, depth: number): Promise<number> => {
    const kind = await localRepositoryKind(d);
    if (kind === 'work-tree' || kind === 'bare') {
      found.push(d);
      return 1;
    }
    if (depth >= MAX_DEPTH) {
      skip(d, 'too-deep');
      return 0;
    }
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      skip(d, 'unreadable');
      return 0;
    }
    let count = 0;
    const empty: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = join(d, e.name);
      if (e.isSymbolicLink()) {
        if (await stat(child).then((s) => s.isDirectory(), () => false)) skip(child, 'symlink');
        continue;
      }
      if (!e.isDirectory() || e.name === '.git') continue;
      if (SKIP.has(e.name)) {
        skip(child, 'ignored');
        continue;
      }
      const n = await visit(child, depth + 1);
      if (n === 0) empty.push(child);
      count += n;
    }
    // A folder without any repository is listed once, at its top, not with every folder inside it.
    if (count > 0 || depth === 0) for (const e of empty) if (!skipped.some((s) => s.path === rel(e))) skip(e, 'no-repository');
    return count;
  };
  await visit(root, 0);
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    source: root,
    baseDir: root,
    skipped,
    products: found.map((d) => ({
      name: rel(d),
      repositories: [{ url: d, ref: null }],
      officialLevel: null,
      targetLevel: null,
      contact: null,
      governanceReport: null,
    })),
  };
}
