/** The same collectors read a work tree and the git objects of its bare clone to the same facts. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFacts } from '../../src/facts/collect.js';
import type { Facts } from '../../src/facts/types.js';
import { readRepoText } from '../../src/repo/safePath.js';
import type { GitObjectsSource } from '../../src/repo/source.js';
import { cleanupTempDirs, createRepo, symlink, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { createN2Product } from '../helpers/products.js';

afterAll(cleanupTempDirs);

function bareClone(repo: TestRepo): { gitDir: string; commit: string } {
  const gitDir = join(tempDir(), 'clone.git');
  execFileSync('git', ['clone', '-q', '--bare', '--', repo.dir, gitDir]);
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: gitDir, encoding: 'utf8' }).trim();
  return { gitDir, commit };
}

const source = (...trees: { gitDir: string; commit: string }[]): GitObjectsSource => ({
  kind: 'git-objects',
  label: 'product',
  trees: trees.map((t, i) => ({ ...t, label: `repo${i}` })),
});

/** Facts that differ by nature between a work tree and a clone: where it is, its remotes and branches. */
function comparable(f: Facts): unknown {
  const git = f.git.status === 'known' ? { ...f.git.value, remotes: [], branches: [], currentBranch: null } : f.git;
  return { ...f, root: null, manifest: f.manifest.status === 'loaded' ? { data: f.manifest.data } : f.manifest, git };
}

describe('git-objects source', () => {
  it('reads an N2 product from its bare clone to the same facts as from its work tree', async () => {
    const repo = createN2Product();
    const fromTree = await collectFacts(repo.dir);
    const fromObjects = await collectFacts(source(bareClone(repo)));
    expect(fromObjects.root).toBe('product');
    expect(fromObjects.files.paths).toContain('coverage/lcov.info');
    expect(fromObjects.coverage.linePercent).toBe(fromTree.coverage.linePercent);
    expect(comparable(fromObjects)).toEqual(comparable(fromTree));
  });

  it('follows symlinks inside the tree and refuses those that leave it', async () => {
    const repo = createRepo({ 'docs/real.md': '# Real\n' });
    symlink(repo.dir, 'README.md', 'docs/real.md');
    symlink(repo.dir, 'docs-link', 'docs');
    symlink(repo.dir, 'escape.md', '../../etc/passwd');
    symlink(repo.dir, 'abs.md', '/etc/passwd');
    repo.commit('links');
    const src = source(bareClone(repo));
    const read = await readRepoText(src, 'README.md');
    expect(read.ok && read.text).toBe('# Real\n');
    const viaDir = await readRepoText(src, 'docs-link/real.md');
    expect(viaDir.ok && viaDir.text).toBe('# Real\n');
    expect(await readRepoText(src, 'escape.md')).toMatchObject({ ok: false, reason: 'outside-repository' });
    expect(await readRepoText(src, 'abs.md')).toMatchObject({ ok: false, reason: 'outside-repository' });
    expect(await readRepoText(src, '../x')).toMatchObject({ ok: false, reason: 'outside-repository' });
    expect(await readRepoText(src, 'missing.md')).toMatchObject({ ok: false, reason: 'not-found' });
    const facts = await collectFacts(src);
    expect(facts.files.symlinksOutside).toEqual(['abs.md', 'escape.md']);
    expect(facts.files.paths).toEqual(['README.md', 'docs-link', 'docs/real.md']);
  });

  it('bounds reads by maxBytes, large blobs included', async () => {
    const big = 'x'.repeat(300_000);
    const repo = createRepo({ 'big.txt': big, 'small.txt': 'hello\n' });
    repo.commit('big');
    const src = source(bareClone(repo));
    const read = await readRepoText(src, 'big.txt', 1000);
    expect(read).toMatchObject({ ok: true, truncated: true });
    expect(read.ok && read.text.length).toBe(1000);
    const again = await readRepoText(src, 'big.txt', 200_000);
    expect(again.ok && again.text.length).toBe(200_000);
    const small = await readRepoText(src, 'small.txt');
    expect(small).toMatchObject({ ok: true, truncated: false, text: 'hello\n' });
  });

  it('overlays several repositories: the first that has a path wins; tags of all count', async () => {
    const code = createRepo({ 'README.md': '# Code\n', 'src/a.py': 'x\n' });
    code.commit('code');
    const docs = createRepo({ 'README.md': '# Docs\n', 'docs/architecture.md': '# Architecture\n', 'os2.yaml': 'schemaVersion: 1\nproduct: { name: Split }\n' });
    docs.commit('docs');
    docs.tag('v2.0.0');
    const facts = await collectFacts(source(bareClone(code), bareClone(docs)));
    expect(facts.files.paths).toEqual(['README.md', 'docs/architecture.md', 'os2.yaml', 'src/a.py']);
    expect(facts.readme.status === 'known' && facts.readme.value.title).toBe('Code');
    expect(facts.manifest).toMatchObject({ status: 'loaded', path: 'os2.yaml' });
    expect(facts.git.status === 'known' && facts.git.value.tags.map((t) => t.name)).toEqual(['v2.0.0']);
  });
});
