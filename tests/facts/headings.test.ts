import { describe, expect, it } from 'vitest';
import { docFormatOf, extractHeadings } from '../../src/facts/headings.js';

describe('extractHeadings: Markdown', () => {
  it('reads ATX and setext headings with depth and line, not inside fenced code or front matter', () => {
    const text = [
      '---', // 1
      'title: Front matter', // 2
      '---', // 3
      '# OS2demo ##', // 4
      '', // 5
      'Intro paragraph.', // 6
      '', // 7
      'Installation', // 8
      '------------', // 9
      '', // 10
      '```bash', // 11
      '# not a heading', // 12
      '```', // 13
      '', // 14
      '### [Drift](docs/drift.md) og *sikkerhed*', // 15
      '', // 16
      '---', // 17 thematic break, not an underline
      '', // 18
      'Kom i gang', // 19
      '==========', // 20
      '    # indented code, not a heading', // 21
      '<h2 align="center">API</h2>', // 22
    ].join('\n');
    expect(extractHeadings(text, 'markdown')).toEqual([
      { text: 'OS2demo', depth: 1, line: 4 },
      { text: 'Installation', depth: 2, line: 8 },
      { text: 'Drift og sikkerhed', depth: 3, line: 15 },
      { text: 'Kom i gang', depth: 1, line: 19 },
      { text: 'API', depth: 2, line: 22 },
    ]);
  });

  it('keeps a tilde fence open until its own closing fence', () => {
    const text = '~~~~\n```\n# inside\n~~~~\n# outside\n';
    expect(extractHeadings(text, 'markdown')).toEqual([{ text: 'outside', depth: 1, line: 5 }]);
  });

  it('bounds the number of headings', () => {
    const text = Array.from({ length: 50 }, (_, i) => `## H${i}`).join('\n');
    expect(extractHeadings(text, 'markdown', 10)).toHaveLength(10);
  });
});

describe('extractHeadings: AsciiDoc', () => {
  it('reads = titles by depth, not inside listing blocks or comments', () => {
    const text = [
      '= OS2demo', // 1
      ':toc:', // 2
      '', // 3
      '== Installation', // 4
      '', // 5
      '----', // 6
      '== not a heading', // 7
      '----', // 8
      '// == commented out', // 9
      '=== link:docs/api.adoc[Snitflader]', // 10
    ].join('\n');
    expect(extractHeadings(text, 'asciidoc')).toEqual([
      { text: 'OS2demo', depth: 1, line: 1 },
      { text: 'Installation', depth: 2, line: 4 },
      { text: 'Snitflader', depth: 3, line: 10 },
    ]);
  });
});

describe('extractHeadings: reStructuredText', () => {
  it('reads over- and underlined titles, depth by order of first use', () => {
    const text = [
      '=======', // 1
      'OS2demo', // 2
      '=======', // 3
      '', // 4
      'Installation', // 5
      '------------', // 6
      '', // 7
      'Some text::', // 8
      '', // 9
      '    Literal', // 10
      '    -------', // 11
      '', // 12
      'Krav', // 13
      '~~~~~~~', // 14
      '', // 15
      'Drift', // 16
      '-----', // 17
      '', // 18
      'Too long title', // 19
      '---', // 20 shorter than the title: not a section
    ].join('\n');
    expect(extractHeadings(text, 'rst')).toEqual([
      { text: 'OS2demo', depth: 1, line: 2 },
      { text: 'Installation', depth: 2, line: 5 },
      { text: 'Krav', depth: 3, line: 13 },
      { text: 'Drift', depth: 2, line: 16 },
    ]);
  });

  it('ignores simple-table borders and transitions', () => {
    const text = 'Intro\n\n=====  =====\nA      B\n=====  =====\n\n----------\n\nAfter\n';
    expect(extractHeadings(text, 'rst')).toEqual([]);
  });
});

describe('docFormatOf', () => {
  it.each([
    ['README.md', 'markdown'],
    ['docs/index.rst', 'rst'],
    ['docs/guide.ADOC', 'asciidoc'],
    ['notes.txt', 'markdown'],
  ] as const)('%s → %s', (path, format) => {
    expect(docFormatOf(path)).toBe(format);
  });
});
