import { describe, expect, it } from 'vitest';
import {
  frontMatterSource,
  markdownHeadings,
  markdownLinks,
  markdownParagraphs,
  markdownTables,
  parseMarkdown,
  plainText,
} from '../../src/markdown/parse.js';

describe('the one Markdown reader', () => {
  it('reads headings outside code and reduces them to words', () => {
    const text = '# Title *here*\n\n```\n# not a heading\n```\n\nSetext\n------\n';
    expect(markdownHeadings(parseMarkdown(text))).toEqual([
      { depth: 1, text: 'Title here', line: 1 },
      { depth: 2, text: 'Setext', line: 7 },
    ]);
  });

  it('reads tables with HTML, links, missing closing pipes and extra cells', () => {
    const text = [
      '## Formelle krav',
      '',
      '| ID | Krav | Efterlevet? | Henvisning |',
      '|:-:|---|:-:|---|',
      '| F1 | Kode <br/> deles | <ul><li> [x] </li></ul> | [repo](https://example.org/r) ',
      '| F2 | Licens | ☐ | <a href="https://example.org/l">licens</a> | extra |',
    ].join('\n');
    const [table] = markdownTables(parseMarkdown(text), text);
    expect(table!.heading?.text).toBe('Formelle krav');
    expect(table!.header.map((c) => c.text)).toEqual(['ID', 'Krav', 'Efterlevet?', 'Henvisning']);
    expect(table!.rows).toHaveLength(2);
    const [f1, f2] = table!.rows;
    expect(f1!.line).toBe(5);
    expect(f1!.cells.map((c) => c.text)).toEqual(['F1', 'Kode deles', '[x]', 'repo']);
    expect(f1!.cells[3]!.urls).toEqual(['https://example.org/r']);
    expect(f2!.cells[2]!.text).toBe('☐');
    expect(f2!.cells[3]!.urls).toEqual(['https://example.org/l']);
  });

  it('finds links of every kind with their lines', () => {
    const text = 'See [os2](https://os2.eu/produkt/x) and <https://github.com/OS2>.\n\n[ref]: https://example.org\n\nA [ref] link.\n';
    expect(markdownLinks(parseMarkdown(text)).map((l) => [l.url, l.line])).toEqual([
      ['https://os2.eu/produkt/x', 1],
      ['https://github.com/OS2', 1],
      ['https://example.org', 5],
    ]);
  });

  it('keeps whole sentences in paragraphs, links reduced to their text', () => {
    const text = 'OS2KITOS is maintained by [STRONGMINDS ApS](https://x.dk) (for OS2 - Offentligt digitaliseringsfællesskab).\n';
    expect(markdownParagraphs(parseMarkdown(text))[0]!.text).toBe(
      'OS2KITOS is maintained by STRONGMINDS ApS (for OS2 - Offentligt digitaliseringsfællesskab).',
    );
  });

  it('reads front matter and never throws on odd input', () => {
    expect(frontMatterSource(parseMarkdown('---\ntitle: OS2mo\n---\n# x\n'))).toBe('title: OS2mo');
    for (const odd of ['', '|', '| a |\n|-', '<ul><li>', '\u0000\u0001', '[x]'.repeat(1000)]) {
      expect(() => plainText(parseMarkdown(odd))).not.toThrow();
    }
  });

  it('parses the same text once while it is among the last few, and a different text afresh', () => {
    const readme = '# Title\n\nSome prose.\n';
    const first = parseMarkdown(readme);
    expect(parseMarkdown(readme)).toBe(first);
    for (let i = 0; i < 3; i++) parseMarkdown(`# Other ${i}\n`);
    expect(parseMarkdown(readme)).toBe(first);
    for (let i = 0; i < 4; i++) parseMarkdown(`# Yet another ${i}\n`);
    const again = parseMarkdown(readme);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
