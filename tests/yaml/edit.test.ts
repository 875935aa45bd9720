/** Editing YAML text in place: what is not changed keeps its bytes. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setYamlValue } from '../../src/yaml/edit.js';

const TEXT = `# kept comment
name: 'Quoted'   # trailing comment
description:
  en:
    longDescription: >
      folded text written
      over two lines.
legal:
  license: MIT
`;

describe('setYamlValue', () => {
  it('adds a nested key after the last entry of its mapping, leaving every other byte', () => {
    const out = setYamlValue(TEXT, ['description', 'en', 'shortDescription'], 'Short: text');
    expect(out).toBe(TEXT.replace('      over two lines.\n', '      over two lines.\n    shortDescription: "Short: text"\n'));
  });

  it('adds a new top-level section and a key under an empty one', () => {
    const out = setYamlValue(setYamlValue(TEXT, ['usedBy'], ['A', 'B']), ['maintenance', 'contacts'], [{ name: 'Anne' }]);
    expect(out.startsWith(TEXT)).toBe(true);
    expect(parse(out)).toMatchObject({ usedBy: ['A', 'B'], maintenance: { contacts: [{ name: 'Anne' }] } });
    expect(setYamlValue('a:\nb: 1\n', ['a', 'c'], 2)).toBe('a:\n  c: 2\nb: 1\n');
  });

  it('replaces one value in place, keeping its comment', () => {
    expect(setYamlValue(TEXT, ['name'], 'New')).toBe(TEXT.replace("'Quoted'", 'New'));
    expect(setYamlValue(TEXT, ['legal', 'license'], 'MPL-2.0')).toBe(TEXT.replace('MIT', 'MPL-2.0'));
  });

  it('writes into an empty file and a file without a final newline', () => {
    expect(parse(setYamlValue('', ['a'], 1))).toEqual({ a: 1 });
    expect(setYamlValue('a: 1', ['b'], 2)).toBe('a: 1\nb: 2\n');
  });

  it('adds to a flow mapping inside its braces, keeping the comment after it', () => {
    expect(setYamlValue('product: { name: X }  # ours\n', ['product', 'description'], 'A tool: for all')).toBe('product: { name: X, description: "A tool: for all" }  # ours\n');
  });
});
