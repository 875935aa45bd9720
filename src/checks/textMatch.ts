/** Matching headings against synonyms and paths against globs, as the level file's params ask. */
import picomatch from 'picomatch';
import type { Heading } from '../facts/types.js';

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[`*_~[\]()#:<>!]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for whole-word, case-insensitive occurrences of any synonym (multi-word synonyms allowed). */
export function headingMatcher(synonyms: readonly string[]): (text: string) => boolean {
  if (synonyms.length === 0) return () => false;
  const alternatives = synonyms.map((s) => escape(normalise(s)).replace(/ /g, '\\s+')).join('|');
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${alternatives})(?=$|[^\\p{L}\\p{N}])`, 'u');
  return (text) => re.test(normalise(text));
}

export function matchingHeadings(headings: readonly Heading[], synonyms: readonly string[]): Heading[] {
  const test = headingMatcher(synonyms);
  return headings.filter((h) => test(h.text));
}

/** Case-insensitive glob matcher over repository-relative paths; `**` crosses folders, dotfiles included. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(globs as string[], { nocase: true, dot: true });
}
