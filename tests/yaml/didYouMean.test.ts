import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../src/yaml/didYouMean.js';

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('goverance', 'governance')).toBe(1);
    expect(editDistance('porduct', 'product')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closestMatch', () => {
  it('suggests close names and nothing for unrelated ones', () => {
    expect(closestMatch('goverance', ['governance', 'product'])).toBe('governance');
    expect(closestMatch('docs.readmee', ['docs.readme', 'docs.install'])).toBe('docs.readme');
    expect(closestMatch('Product', ['product'])).toBe('product');
    expect(closestMatch('banana', ['governance', 'product'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  it('words the hint', () => {
    expect(didYouMean('nmae', ['name'])).toBe(' (did you mean "name"?)');
    expect(didYouMean('zzz', ['name'])).toBe('');
  });
});
