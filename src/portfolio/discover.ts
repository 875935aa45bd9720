/**
 * `scan --dir DIR`: every git repository under a directory is a product of its own, named by its
 * path relative to DIR. The walk does not descend into a repository it found, nor follow symlinks.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { Portfolio } from './types.js';

const MAX_DEPTH = 6;
const SKIP = new Set(['node_modules', '.cache']);

const isFile = (p: string): Promise<boolean> => stat(p).then((s) => s.isFile() || s.isDirectory(), () => false);

/** A work tree (has `.git`) or a bare repository (HEAD, objects/ and refs/). */
async function isRepository(dir: string): Promise<boolean> {
  if (await isFile(join(dir, '.git'))) return true;
  return (await isFile(join(dir, 'HEAD'))) && (await isFile(join(dir, 'objects'))) && (await isFile(join(dir, 'refs')));
}

export async function discoverPortfolio(dir: string): Promise<Portfolio> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`${dir}: no such directory`, [], 'dir-not-found');
  const found: string[] = [];
  const visit = async (d: string, depth: number): Promise<void> => {
    if (await isRepository(d)) {
      found.push(d);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && !SKIP.has(e.name) && e.name !== '.git') await visit(join(d, e.name), depth + 1);
    }
  };
  await visit(root, 0);
  return {
    source: root,
    baseDir: root,
    products: found.map((d) => ({
      name: relative(root, d).split(sep).join('/') || '.',
      repositories: [{ url: d, ref: null }],
      officialLevel: null,
      targetLevel: null,
      contact: null,
    })),
  };
}
