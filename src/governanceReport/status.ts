/**
 * Reading a status as OS2's forms write it: check boxes (`[x]`, `<ul><li> [x] </li>`, ☑︎/☐), the
 * 2024 template's ✅/❌/➖/❓, traffic lights with a word (🟢 Ja), the 2026 answers (Ja / Nej /
 * Ikke relevant / Ved ikke / Planlagt) and the free words people write instead ("Delvist", "I gang").
 */
import type { ReportStatus } from './types.js';

export type StatusReading = { status: ReportStatus } | { empty: true } | { unreadable: 'unknown-status' | 'conflicting-status' };

const WORDS = new Map<string, ReportStatus>([
  ['ja', 'met'], ['yes', 'met'], ['opfyldt', 'met'], ['met', 'met'], ['efterlevet', 'met'], ['x', 'met'],
  ['nej', 'not-met'], ['no', 'not-met'], ['ikke opfyldt', 'not-met'], ['not met', 'not-met'], ['ikke efterlevet', 'not-met'],
  ['ikke relevant', 'not-relevant'], ['ikke aktuelt', 'not-relevant'], ['not relevant', 'not-relevant'], ['not applicable', 'not-relevant'], ['n/a', 'not-relevant'],
  ['ved ikke', 'unknown'], ['?', 'unknown'], ['uafklaret', 'unknown'], ['tvivl', 'unknown'], ['unknown', 'unknown'],
  ['planlagt', 'planned'], ['planned', 'planned'], ['afventer', 'planned'], ['i gang', 'planned'], ['igangsat', 'planned'], ['in progress', 'planned'],
  ['delvist', 'partly'], ['delvis', 'partly'], ['delvist opfyldt', 'partly'], ['partly', 'partly'], ['partially', 'partly'],
]);

// One symbol at the start of the cell; the variation selectors (U+FE0E/U+FE0F) are removed first.
const SYMBOLS = new Map<string, ReportStatus>([
  ['✅', 'met'], ['✔', 'met'], ['☑', 'met'], ['✓', 'met'], ['🟢', 'met'],
  ['❌', 'not-met'], ['✖', 'not-met'], ['✗', 'not-met'], ['☐', 'not-met'], ['🔴', 'not-met'],
  ['➖', 'not-relevant'], ['⚪', 'not-relevant'], ['⚫', 'not-relevant'],
  ['❓', 'unknown'], ['❔', 'unknown'],
  ['🟡', 'partly'],
]);

const BOX = /^\[\s*([xX✓✔]?)\s*\]/;

/** The status a cell or `**Status:**` line states. */
export function readStatus(written: string): StatusReading {
  let text = written.replace(/[\uFE0E\uFE0F]/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  if (!text) return { empty: true };
  let fromSymbol: ReportStatus | null = null;
  const box = BOX.exec(text);
  if (box) {
    fromSymbol = box[1] ? 'met' : 'not-met';
    text = text.slice(box[0].length).trim();
  } else {
    const first = [...text][0]!;
    const symbol = SYMBOLS.get(first);
    if (symbol) {
      fromSymbol = symbol;
      text = text.slice(first.length).trim();
    }
  }
  const word = text.toLowerCase().replace(/^[-–:]\s*/, '').replace(/[.!]+$/, '').trim();
  if (!word) return fromSymbol ? { status: fromSymbol } : { empty: true };
  const fromWord = WORDS.get(word);
  if (!fromWord) return fromSymbol && BOX.test(written.trim()) ? { unreadable: 'unknown-status' } : fromSymbol ? { status: fromSymbol } : { unreadable: 'unknown-status' };
  if (!fromSymbol || fromSymbol === fromWord) return { status: fromWord };
  // 🟡 Planlagt, ❌ Ved ikke (the 2026 form's own legend): the word is the answer.
  if (fromSymbol === 'partly' || (fromSymbol === 'not-met' && (fromWord === 'unknown' || fromWord === 'planned'))) return { status: fromWord };
  return { unreadable: 'conflicting-status' };
}
