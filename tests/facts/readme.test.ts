import { emptyWellKnown } from '../helpers/facts.js';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import { analyseProse, collectReadme, README_UNKNOWN } from '../../src/facts/readme.js';
import type { WellKnownFacts } from '../../src/facts/types.js';
import { collectWellKnown } from '../../src/facts/wellKnown.js';
import { cleanupTempDirs, createRepo, symlink, tempDir, writeFiles } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

async function readmeOf(dir: string) {
  const index = await collectFileIndex(dir);
  const wellKnown = await collectWellKnown(dir, index);
  return { index, wellKnown, readme: await collectReadme(dir, wellKnown) };
}

const wellKnownWithReadme = (readme: string[]): WellKnownFacts => ({ ...emptyWellKnown(), readme: readme.map((path) => ({ path })) });

const PURPOSE = 'OS2demo hjælper kommunerne med at planlægge ruter for hjemmeplejen.';

describe('analyseProse (Markdown)', () => {
  it('counts prose only: badges, code, HTML, link lists, tables of links and front matter do not count', () => {
    const text = [
      '---',
      'layout: default',
      '---',
      '<p align="center"><img src="logo.png" alt="logo"></p>',
      '',
      '&nbsp;',
      '',
      '# OS2demo',
      '',
      '[![Build](https://ci.example/badge.svg)](https://ci.example) [![License: MPL 2.0](https://img.shields.io/badge/License-MPL_2.0-brightgreen.svg)](https://opensource.org/licenses/MPL-2.0)',
      '',
      PURPOSE,
      '',
      '```bash',
      'npm install && npm run build-everything-with-a-long-command-line',
      '```',
      '',
      '    indented code block that is long enough to matter',
      '',
      '- [Documentation](docs/index.md)',
      '- [Issues](https://github.com/OS2demo/os2demo/issues)',
      '',
      '| Link | Link |',
      '|------|------|',
      '| [A](a) | [B](b) |',
      '',
      '<!--',
      'A comment that should never count as prose at all.',
      '-->',
      '[docs]: https://example.dk/docs',
    ].join('\n');
    const prose = analyseProse(text, 'markdown');
    // "Link Link" in the table header is the only other text.
    expect(prose.chars).toBe(PURPOSE.length + 'Link Link'.length);
    expect(prose.firstParagraph).toBe(PURPOSE);
  });

  it('keeps the words of inline links and emphasis', () => {
    const prose = analyseProse('Read **the** [guide](docs/guide.md) for `setup` steps.\n', 'markdown');
    expect(prose.firstParagraph).toBe('Read the guide for setup steps.');
    expect(prose.chars).toBe('Read the guide for setup steps.'.length);
  });

  it('counts AsciiDoc and reST prose without directives and literal blocks', () => {
    const adoc = analyseProse(`= OS2demo\n:toc:\n\nimage::logo.png[]\n\n${PURPOSE}\n\n----\ncode here\n----\n`, 'asciidoc');
    expect(adoc).toEqual({ chars: PURPOSE.length, firstParagraph: PURPOSE });
    const rst = analyseProse(`OS2demo\n=======\n\n.. image:: logo.png\n   :alt: logo\n\n${PURPOSE}\n\nExample::\n\n    code here\n`, 'rst');
    expect(rst.firstParagraph).toBe(PURPOSE);
    expect(rst.chars).toBe(PURPOSE.length + 'Example:'.length);
  });
});

describe('collectReadme', () => {
  it('reads the preferred README: title, first paragraph, prose', async () => {
    const repo = createRepo({ 'README.md': `# OS2demo\n\n${PURPOSE}\n`, 'docs/README.md': '# Docs\n' }).commit('initial');
    const { readme } = await readmeOf(repo.dir);
    expect(readme).toEqual({
      status: 'known',
      value: { path: 'README.md', title: 'OS2demo', firstParagraph: PURPOSE, proseChars: PURPOSE.length, truncated: false },
    });
  });

  it('takes setext, AsciiDoc and reST titles', async () => {
    const cases: [string, string][] = [
      ['README.md', 'OS2demo\n=======\n\nText.\n'],
      ['README.adoc', '= OS2demo\n\nText.\n'],
      ['README.rst', '=======\nOS2demo\n=======\n\nText.\n'],
    ];
    for (const [path, text] of cases) {
      const repo = createRepo({ [path]: text }).commit('initial');
      const { readme } = await readmeOf(repo.dir);
      expect(readme).toMatchObject({ status: 'known', value: { path, title: 'OS2demo' } });
    }
  });

  it('follows a README symlink inside the repository', async () => {
    const repo = createRepo({ 'docs/intro.md': `# Linked\n\n${PURPOSE}\n` });
    symlink(repo.dir, 'README.md', 'docs/intro.md');
    repo.commit('initial');
    const { readme } = await readmeOf(repo.dir);
    expect(readme).toMatchObject({ status: 'known', value: { path: 'README.md', title: 'Linked', proseChars: PURPOSE.length } });
  });

  it('does not follow a README symlink leaving the repository', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret.md': '# Secret\n\nNot part of the product at all, never read.\n' });
    const repo = createRepo({ 'src/a.ts': '' });
    symlink(repo.dir, 'README.md', join(outside, 'secret.md'));
    repo.commit('initial');
    const { index, readme } = await readmeOf(repo.dir);
    expect(index.symlinksOutside).toEqual(['README.md']);
    expect(readme).toEqual({ status: 'unknown', reason: README_UNKNOWN.noReadme });
    // Even when asked directly, the read is refused.
    expect(await collectReadme(repo.dir, wellKnownWithReadme(['README.md']))).toEqual({ status: 'unknown', reason: README_UNKNOWN.outside });
  });

  it('reads an ISO-8859-1 README with Danish letters intact', async () => {
    const text = '# Rådhus\n\nSøg og bestil tider på rådhuset, også for ældre borgere på Ærø.\n';
    const repo = createRepo({ 'README.md': Buffer.from(text, 'latin1') }).commit('initial');
    const { readme } = await readmeOf(repo.dir);
    expect(readme).toMatchObject({
      status: 'known',
      value: { title: 'Rådhus', firstParagraph: 'Søg og bestil tider på rådhuset, også for ældre borgere på Ærø.' },
    });
  });

  it('strips a UTF-8 byte order mark before the title', async () => {
    const repo = createRepo({ 'README.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Titel\n\nTekst om løsningen her.\n')]) }).commit('initial');
    const { readme } = await readmeOf(repo.dir);
    expect(readme).toMatchObject({ status: 'known', value: { title: 'Titel' } });
  });

  it('is unknown (binary) for a binary README, and falls back to a readable one', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
    const only = createRepo({ 'README.md': binary }).commit('initial');
    expect((await readmeOf(only.dir)).readme).toEqual({ status: 'unknown', reason: README_UNKNOWN.binary });
    const both = createRepo({ 'README.md': binary, 'docs/README.md': '# Docs\n' }).commit('initial');
    expect((await readmeOf(both.dir)).readme).toMatchObject({ status: 'known', value: { path: 'docs/README.md' } });
  });

  it('reads a prefix of a huge README and says so', async () => {
    const paragraph = `${PURPOSE} ${'Mere tekst om løsningen. '.repeat(20)}\n\n`;
    const repo = createRepo({ 'README.md': `# Big\n\n${paragraph.repeat(3000)}` }).commit('initial');
    const { readme } = await readmeOf(repo.dir);
    expect(readme.status).toBe('known');
    if (readme.status !== 'known') return;
    expect(readme.value.truncated).toBe(true);
    expect(readme.value.proseChars).toBeGreaterThan(500_000);
    expect(readme.value.proseChars).toBeLessThan(1024 * 1024);
  });

  it('distinguishes "no README" from an unreadable one', async () => {
    const repo = createRepo({ 'src/a.ts': '' }).commit('initial');
    expect((await readmeOf(repo.dir)).readme).toEqual({ status: 'unknown', reason: README_UNKNOWN.noReadme });
    const missing = await collectReadme(repo.dir, wellKnownWithReadme(['README.md']));
    expect(missing.status === 'unknown' && missing.reason.startsWith(`${README_UNKNOWN.unreadable}:`)).toBe(true);
  });
});

describe('the README description is whole sentences', () => {
  it('keeps a sentence whole around links in brackets (a maintainer line with addresses)', () => {
    const text = [
      '# OS2tool',
      '',
      'OS2tool is maintained by Example Software ApS ([https://example-software.dk](https://example-software.dk)) for OS2 - Offentligt digitaliseringsfællesskab ([https://os2.eu](https://os2.eu)).',
      '',
    ].join('\n');
    expect(analyseProse(text, 'markdown').firstParagraph).toBe('OS2tool is maintained by Example Software ApS for OS2 - Offentligt digitaliseringsfællesskab.');
  });

  it('reduces links to their text and takes the paragraph under a "Formål" heading', () => {
    const text = [
      '# OS2tool',
      '',
      '_Et værktøj til kommuner._',
      '',
      '## Installation',
      '',
      'Run the installer from the release page and follow the steps.',
      '',
      '## Formål',
      '',
      'OS2tool hjælper [kommunernes sagsbehandlere](https://example.dk/om) med at planlægge møder (og lokaler) på tværs af forvaltninger.',
      'Det bruges i flere kommuner.',
    ].join('\n');
    expect(analyseProse(text, 'markdown').firstParagraph).toBe('OS2tool hjælper kommunernes sagsbehandlere med at planlægge møder (og lokaler) på tværs af forvaltninger. Det bruges i flere kommuner.');
  });

  it('skips an italic strapline and shortens only at a sentence end', () => {
    const long = `${'Sentence one is here. '.repeat(150)}`;
    const first = analyseProse(`# T\n\n*Just a strapline here*\n\n${long}\n`, 'markdown').firstParagraph!;
    expect(first.endsWith('is here.')).toBe(true);
    expect(first.length).toBeLessThanOrEqual(2000);
  });
});
