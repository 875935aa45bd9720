import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { InputError } from '../../src/errors.js';
import { cleanupTempDirs, createRepo, symlink, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { join } from 'node:path';

afterAll(cleanupTempDirs);

describe('collectFileIndex in a git repository', () => {
  it('lists tracked files only, sorted', async () => {
    const repo = createRepo({ 'b.txt': 'b', 'a/x.md': 'x', '.gitignore': 'build/\n' }).commit('initial');
    repo.write({ 'untracked.txt': 'u', 'build/out.js': 'o' });
    const index = await collectFileIndex(repo.dir);
    expect(index).toEqual({ source: 'git', paths: ['.gitignore', 'a/x.md', 'b.txt'], symlinksOutside: [], truncated: false });
  });

  it('keeps symlinks inside the repository and sets apart those pointing outside', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret.txt': 'secret' });
    const repo = createRepo({ 'docs/README.md': '# Real\n' });
    symlink(repo.dir, 'README.md', 'docs/README.md');
    symlink(repo.dir, 'leak.txt', join(outside, 'secret.txt'));
    symlink(repo.dir, 'dangling-up', '../../nowhere');
    repo.commit('initial');
    const index = await collectFileIndex(repo.dir);
    expect(index.paths).toEqual(['README.md', 'docs/README.md']);
    expect(index.symlinksOutside).toEqual(['dangling-up', 'leak.txt']);
  });

  it('marks the index truncated at its limit', async () => {
    const repo = createRepo({ a: '1', b: '2', c: '3' }).commit('initial');
    const index = await collectFileIndex(repo.dir, { maxFiles: 2 });
    expect(index).toMatchObject({ paths: ['a', 'b'], truncated: true });
  });
});

describe('collectFileIndex outside git', () => {
  it('walks the directory honouring root and nested .gitignore files', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.gitignore': '*.log\ndist/\n',
      'app.log': 'ignored',
      'dist/bundle.js': 'ignored',
      'node_modules/pkg/index.js': 'kept: only .gitignore decides',
      'src/main.ts': 'kept',
      'src/.gitignore': 'generated/\n!keep.log\n',
      'src/generated/x.ts': 'ignored by nested rule',
      'src/keep.log': 'unignored by nested rule',
      '.git/config': 'never listed',
    });
    const index = await collectFileIndex(dir);
    expect(index).toEqual({
      source: 'walk',
      paths: ['.gitignore', 'node_modules/pkg/index.js', 'src/.gitignore', 'src/keep.log', 'src/main.ts'],
      symlinksOutside: [],
      truncated: false,
    });
  });

  it('does not follow directory symlinks and sets apart links leaving the directory', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'big/file.txt': 'outside' });
    const dir = tempDir();
    writeFiles(dir, { 'real/a.md': 'a' });
    symlink(dir, 'loop', '.');
    symlink(dir, 'elsewhere', join(outside, 'big'));
    symlink(dir, 'alias.md', 'real/a.md');
    const index = await collectFileIndex(dir);
    expect(index.paths).toEqual(['alias.md', 'loop', 'real/a.md']);
    expect(index.symlinksOutside).toEqual(['elsewhere']);
  });

  it('stops at the file limit', async () => {
    const dir = tempDir();
    writeFiles(dir, { a: '1', 'd/b': '2', 'd/c': '3' });
    const index = await collectFileIndex(dir, { maxFiles: 2 });
    expect(index.truncated).toBe(true);
    expect(index.paths).toHaveLength(2);
  });

  it('throws an InputError for a missing directory', async () => {
    const missing = join(tempDir(), 'does-not-exist');
    await expect(collectFileIndex(missing)).rejects.toBeInstanceOf(InputError);
  });
});
