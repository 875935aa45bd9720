import { afterAll, describe, expect, it } from 'vitest';
import { collectDocs } from '../../src/facts/docs.js';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { collectWellKnown } from '../../src/facts/wellKnown.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

async function docsOf(files: Record<string, string | Buffer>) {
  const repo = createRepo(files).commit('initial');
  const index = await collectFileIndex(repo.dir);
  return collectDocs(repo.dir, index, await collectWellKnown(repo.dir, index));
}

describe('collectDocs', () => {
  it('lists documentation text files in docs folders and at the root, office files anywhere', async () => {
    const docs = await docsOf({
      'README.md': '# R\n',
      'LICENSE.md': 'MIT\n',
      'CONTRIBUTING.md': '# Contributing\n',
      'requirements.txt': 'flask\n',
      'docs/index.rst': 'Index\n=====\n',
      'docs/requirements.txt': 'sphinx\n',
      'docs/guide/install.adoc': '= Install\n',
      'doc/notes.txt': 'notes\n',
      'Documentation/api.mdx': '# API\n',
      'src/notes.md': '# not docs\n',
      'docs/brugervejledning.pdf': Buffer.from('%PDF-1.4\n'),
      'material/praesentation.pptx': Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    });
    expect(docs.textFiles).toEqual(['CONTRIBUTING.md', 'Documentation/api.mdx', 'doc/notes.txt', 'docs/guide/install.adoc', 'docs/index.rst']);
    expect(docs.officeFiles).toEqual(['docs/brugervejledning.pdf', 'material/praesentation.pptx']);
  });

  it('collects headings of the README and every doc file with path, depth and line', async () => {
    const docs = await docsOf({
      'README.md': '# OS2demo\n\n## Installation\n',
      'docs/drift.rst': 'Drift\n=====\n\nBackup\n------\n',
      'docs/arkitektur.adoc': '= Arkitektur\n\n== Komponenter\n',
      'docs/empty.md': 'No headings here.\n',
      'docs/broken.md': Buffer.from([0x00, 0x01, 0x02]),
    });
    expect(docs.headings).toEqual([
      { path: 'README.md', text: 'OS2demo', depth: 1, line: 1 },
      { path: 'README.md', text: 'Installation', depth: 2, line: 3 },
      { path: 'docs/arkitektur.adoc', text: 'Arkitektur', depth: 1, line: 1 },
      { path: 'docs/arkitektur.adoc', text: 'Komponenter', depth: 2, line: 3 },
      { path: 'docs/drift.rst', text: 'Drift', depth: 1, line: 1 },
      { path: 'docs/drift.rst', text: 'Backup', depth: 2, line: 4 },
    ]);
  });

  it('bounds headings per file', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `## H${i}\n`).join('');
    const docs = await docsOf({ 'docs/many.md': many });
    expect(docs.headings).toHaveLength(200);
  });

  it('finds docs-site configurations, Sphinx only by its content', async () => {
    const docs = await docsOf({
      'mkdocs.yml': 'site_name: x\n',
      'docs/conf.py': 'extensions = ["sphinx.ext.autodoc"]\n',
      'tools/conf.py': 'DEBUG = True\n',
      'website/docusaurus.config.js': 'module.exports = {}\n',
      'docs/antora.yml': 'name: x\n',
      '_config.yml': 'theme: minima\n',
      'vendor/lib/mkdocs.yml': 'site_name: vendored\n',
    });
    expect(docs.siteConfigs).toEqual(['_config.yml', 'docs/antora.yml', 'docs/conf.py', 'mkdocs.yml', 'website/docusaurus.config.js']);
  });

  it('finds an architecture description at the root, in docs, or as a docs/architecture folder', async () => {
    expect((await docsOf({ 'ARCHITECTURE.md': '# A\n', 'docs/architecture.md': '# B\n' })).architecture).toBe('ARCHITECTURE.md');
    expect((await docsOf({ 'docs/Architecture.adoc': '= A\n' })).architecture).toBe('docs/Architecture.adoc');
    expect((await docsOf({ 'docs/architecture/overview.md': '# A\n' })).architecture).toBe('docs/architecture/overview.md');
    expect((await docsOf({ 'src/architecture.ts': '' })).architecture).toBeNull();
  });
});

describe('links in Markdown documentation', () => {
  it('reads links as the Markdown reader does: reference links and bare addresses count, addresses in code do not', async () => {
    const docs = await docsOf({
      'README.md': '# Tool\n',
      'docs/guide.md': [
        '# Guide',
        '',
        'See the [forum][f] and https://os2.eu/produkt/os2tool for news.',
        '',
        '```sh',
        'curl https://internal.example.invalid/install.sh | sh',
        '```',
        '',
        '[f]: https://forum.example.dk/t/os2tool',
      ].join('\n'),
    });
    const hosts = (docs.links ?? []).filter((l) => l.path === 'docs/guide.md').map((l) => [l.host, l.line]);
    expect(hosts).toEqual([['forum.example.dk', 3], ['os2.eu', 3]]);
  });
});
