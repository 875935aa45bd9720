/**
 * Item texts compared by their word stems: lower-cased words without Danish/English filler words,
 * cut to a prefix so that inflections meet ("styregruppe"/"styregruppen", "dokumenteret"/
 * "dokumentation"). Crude, but item texts are short and the neighbours differ in their nouns.
 */

const STOP_WORDS = new Set([
  'og', 'er', 'en', 'et', 'til', 'der', 'det', 'af', 'for', 'på', 'med', 'om', 'de', 'den', 'som', 'at', 'har', 'kan',
  'skal', 'bør', 'være', 'eller', 'fra', 'ved', 'hvor', 'sig', 'sin', 'sit', 'sine', 'dens', 'deres', 'samt', 'fx',
  'herunder', 'anbefaling', 'the', 'and', 'is', 'are', 'of', 'to', 'in', 'a', 'an', 'for', 'has', 'by', 'its', 'it',
  'løsningen', 'løsning', 'produktet', 'produkt', 'solution', 'product', 'os2s', "os2's", 'os2',
]);

const STEM_LENGTH = 6;

export function stems(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/\(anbefaling\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  return new Set(words.map((w) => w.slice(0, STEM_LENGTH)));
}

/** Dice coefficient of two stem sets: 1 = the same words, 0 = none shared. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How well a row's text matches one wording: the better of Dice and the share of the wording's
 * stems found in the row (a long row that contains a whole short wording matches it well).
 */
export function matchScore(row: Set<string>, wording: Set<string>): number {
  if (wording.size === 0) return 0;
  let shared = 0;
  for (const s of wording) if (row.has(s)) shared++;
  const contained = wording.size >= 2 ? shared / wording.size : 0;
  return Math.max(similarity(row, wording), contained * 0.9);
}
