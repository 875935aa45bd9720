/** Reading values out of a documentation cell: URLs, dates, repository paths, prose. */
import { calendarDate } from '../manifest/calendarDate.js';

const URL_RE = /https?:\/\/[^\s<>()[\]"'|]+/i;
const URL_GLOBAL = /https?:\/\/[^\s<>()[\]"'|]+/gi;

export function firstUrl(text: string): string | null {
  const m = URL_RE.exec(text);
  return m ? m[0].replace(/[.,;:!?]+$/, '') : null;
}

const MONTHS: Record<string, number> = {
  januar: 1, january: 1, jan: 1, februar: 2, february: 2, feb: 2, marts: 3, march: 3, mar: 3, april: 4, apr: 4,
  maj: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const iso = calendarDate;

/** The first calendar date in the text (outside URLs), as YYYY-MM-DD; null when none. */
export function firstDate(text: string): string | null {
  const t = text.replace(URL_GLOBAL, ' ');
  const candidates: { at: number; value: string | null }[] = [];
  for (const m of t.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) candidates.push({ at: m.index, value: iso(+m[1]!, +m[2]!, +m[3]!) });
  for (const m of t.matchAll(/\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/g)) candidates.push({ at: m.index, value: iso(+m[3]!, +m[2]!, +m[1]!) });
  for (const m of t.matchAll(/\b(\d{1,2})\.?\s+([A-Za-zæøå]+)\.?\s+(\d{4})\b/g)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) candidates.push({ at: m.index, value: iso(+m[3]!, month, +m[1]!) });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((c) => c.value !== null)?.value ?? null;
}

/** Tokens that look like repository paths ("docs/drift.md", "SECURITY.md"), in order. */
export function pathCandidates(text: string): string[] {
  return text
    .replace(URL_GLOBAL, ' ')
    .split(/[\s,;()]+/)
    .map((t) => t.replace(/^\.\//, '').replace(/[.:]+$/, ''))
    .filter((t) => /^[\w][\w.-]*(\/[\w.-]+)*$/.test(t) && (t.includes('/') || /\.[A-Za-z]{1,5}$/.test(t)) && !t.includes('..'));
}

/** The text without URLs and the brackets they leave behind. */
export function prose(text: string): string {
  return text
    .replace(URL_GLOBAL, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
}
