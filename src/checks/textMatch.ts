/** Matching headings against synonyms, as the level file's params ask (paths against globs: src/facts/globs.ts). */
import type { Heading } from '../facts/types.js';

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[`*_~[\]()#:<>!]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// Matchers are compiled once per list of synonyms: several requirements share lists, and
// `scan` evaluates the same catalogue for every product.
const headingMatchers = new Map<string, (text: string) => boolean>();

/** A letter or digit in any script (only consulted for characters outside ASCII). */
const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
}

/** The code point ending just before `i` (a surrogate pair read as one), or -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * A matcher for whole-word, case-insensitive occurrences of any synonym (multi-word synonyms
 * allowed): a synonym counts where neither neighbour is a letter or digit of any script. Both
 * sides are normalised the same way (lower case, markup characters and runs of white space to one
 * space), so plain substring search finds every candidate; no regular expression per list.
 */
export function headingMatcher(synonyms: readonly string[]): (text: string) => boolean {
  if (synonyms.length === 0) return () => false;
  const key = synonyms.join('\0');
  let test = headingMatchers.get(key);
  if (!test) {
    const words = [...new Set(synonyms.map(normalise).filter((s) => s !== ''))];
    test = (text) => {
      const t = normalise(text);
      for (const word of words) {
        for (let i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
          const before = codePointBefore(t, i);
          const after = t.codePointAt(i + word.length);
          if ((before === -1 || !isWordCodePoint(before)) && (after === undefined || !isWordCodePoint(after))) return true;
        }
      }
      return false;
    };
    headingMatchers.set(key, test);
  }
  return test;
}

export function matchingHeadings(headings: readonly Heading[], synonyms: readonly string[]): Heading[] {
  const test = headingMatcher(synonyms);
  return headings.filter((h) => test(h.text));
}
