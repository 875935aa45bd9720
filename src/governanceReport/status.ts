/** Reading a status cell in any template version: symbols, check boxes, or Danish/English words. */
import type { RowStatus } from './types.js';

// Longest phrases first: "ikke opfyldt" must win over "opfyldt".
const WORDS: [RegExp, RowStatus][] = [
  [/^(ikke relevant|ikke aktuelt|not relevant|not applicable|n\/a)$/, 'not-relevant'],
  [/^(ved ikke|uafklaret|unknown|don't know|usikker)$/, 'unknown'],
  [/^(ikke opfyldt|delvist opfyldt|not met|nej|no)$/, 'not-met'],
  [/^(opfyldt|met|ja|yes)$/, 'met'],
];

const SYMBOLS: [RegExp, RowStatus][] = [
  // A check box is a status only on its own; "[x] Some text" is an item text with its box in front.
  [/^\[[xX✓✔]\]$/, 'met'],
  [/^\[ ?\]$/, 'not-met'],
  [/^(✅|✔️?|☑️?|✓)/u, 'met'],
  [/^(❌|✖️?|✗|☐)/u, 'not-met'],
  [/^(➖|—|–)$/u, 'not-relevant'],
  [/^(❓|\?)$/u, 'unknown'],
];

/** The status a cell states, or null when it states none (empty or unrecognised). */
export function parseStatus(cell: string): RowStatus | null {
  const text = cell
    .replace(/[*_`]/g, '')
    .replace(/\uFE0F/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  for (const [re, status] of SYMBOLS) if (re.test(text)) return status;
  const lower = text.toLowerCase().replace(/[.!]$/, '');
  for (const [re, status] of WORDS) if (re.test(lower)) return status;
  // A symbol followed by a word ("✅ Opfyldt") was caught above; a word followed by more text is not a status.
  return null;
}
