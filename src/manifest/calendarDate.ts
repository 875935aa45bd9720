/**
 * The one date parser for dates read from manifests and documents (os2.yaml explanations,
 * publiccode.yml, governance reports, `--as-of`). A date counts only if it exists in the
 * calendar: `2025-02-30` and `9999-99-99` are not dates, although `Date.parse` turns the first
 * into 2 March. Dates are days, compared as `YYYY-MM-DD` strings or at UTC midnight.
 */

/** `YYYY-MM-DD` for a real calendar day (proleptic Gregorian, years 1–9999), else null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A text that is a date (`2025-03-04`, or a timestamp starting with one): the day, if it is real. */
export function parseCalendarDate(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/.exec(text);
  return m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The first real `YYYY-MM-DD` date written in a text (`styregruppen, 2025-03-04`); impossible ones are skipped. */
export function firstCalendarDate(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) {
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return date;
  }
  return null;
}

/** Milliseconds of UTC midnight starting the day, NaN when `day` is not a real date. */
export const startOfDay = (day: string | null): number => (day && parseCalendarDate(day) ? Date.parse(`${day.slice(0, 10)}T00:00:00Z`) : NaN);
