/** Symlinks come from git's recorded modes (`ls-files -s -z`), not from an lstat of every tracked file. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { listTrackedEntries, parseStagedListing } from '../../src/repo/git.js';
import { cleanupTempDirs, createRepo, symlink, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

describe('parseStagedListing', () => {
  it('lists each path once, symlinks by mode 120000, paths with tabs, spaces and newlines intact', () => {
    const sha = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
    const out = [
      `100644 ${sha} 0\tb c.txt`,
      `120000 ${sha} 0\tlink`,
      `100644 ${sha} 1\tconflict`,
      `100644 ${sha} 2\tconflict`,
      `100755 ${sha} 0\twith\ttab\nand newline`,
      `160000 ${sha} 0\tsubmodule`,
      '',
    ].join('\0');
    expect(parseStagedListing(out)).toEqual({ paths: ['b c.txt', 'conflict', 'link', 'submodule', 'with\ttab\nand newline'], symlinks: ['link'] });
    expect(parseStagedListing('')).toEqual({ paths: [], symlinks: [] });
  });
});

describe('symlinks in a git repository', () => {
  it('are found from git modes and judged by their targets; a tracked link deleted from the work tree stays listed', async () => {
    const outside = tempDir();
    const repo = createRepo({ 'docs/README.md': '# Docs\n', 'a.txt': 'a\n' });
    symlink(repo.dir, 'README.md', 'docs/README.md');
    symlink(repo.dir, 'leak.txt', join(outside, 'secret.txt'));
    symlink(repo.dir, 'gone', 'a.txt');
    repo.commit('links');
    expect((await listTrackedEntries(repo.dir))?.symlinks).toEqual(['README.md', 'gone', 'leak.txt']);
    rmSync(join(repo.dir, 'gone'));
    const index = await collectFileIndex(repo.dir);
    expect(index.symlinksOutside).toEqual(['leak.txt']);
    expect(index.paths).toEqual(['README.md', 'a.txt', 'docs/README.md', 'gone']);
  });
});
