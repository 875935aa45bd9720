/** docsLastChanged walks history with literal README pathspecs from HEAD's root tree, not a wildcard. */
import { afterAll, describe, expect, it } from 'vitest';
import { collectGitFacts, docsPathspecs } from '../../src/facts/git.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const docsDate = async (dir: string): Promise<string | null> => {
  const git = await collectGitFacts(dir);
  if (git.status !== 'known') throw new Error('not a repository');
  return git.value.docsLastChanged;
};

describe('docsLastChanged', () => {
  it('takes every top-level README entry literally, in any case, and the documentation folders', () => {
    expect(docsPathspecs(['README.md', 'readme[1].txt', 'ReadMe', 'src', 'READMEfoo', 'xREADME'])).toEqual([
      ':(literal)README.md',
      ':(literal)readme[1].txt',
      ':(literal)ReadMe',
      ':(literal)READMEfoo',
      ':(icase)docs/',
      ':(icase)doc/',
      ':(icase)documentation/',
    ]);
  });

  it('dates changes inside a README folder and to README names with glob characters; ignores nested READMEs', async () => {
    const repo = createRepo()
      .commit('readme folder', '2025-01-01T00:00:00Z', { 'ReadMe/usage.md': 'u', 'README*.md': 'star', 'src/a.ts': 'a' })
      .commit('star readme', '2025-02-01T00:00:00Z', { 'README*.md': 'star 2' })
      .commit('nested', '2025-03-01T00:00:00Z', { 'src/README.md': 'n' });
    expect(await docsDate(repo.dir)).toBe('2025-02-01T00:00:00Z');
    repo.commit('folder again', '2025-04-01T00:00:00Z', { 'ReadMe/usage.md': 'u2' });
    expect(await docsDate(repo.dir)).toBe('2025-04-01T00:00:00Z');
    repo.commit('DOCS in capitals', '2025-05-01T00:00:00Z', { 'DOCS/x.md': 'x' }).commit('code', '2025-06-01T00:00:00Z', { 'src/b.ts': 'b' });
    expect(await docsDate(repo.dir)).toBe('2025-05-01T00:00:00Z');
  });

  it('is null in a repository without commits or without documentation', async () => {
    expect(await docsDate(createRepo().dir)).toBeNull();
    expect(await docsDate(createRepo().commit('code', '2025-01-01T00:00:00Z', { 'src/a.ts': 'a' }).dir)).toBeNull();
  });
});
