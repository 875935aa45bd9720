import { parseCalendarDate } from '../manifest/calendarDate.js';

/** Calendar arithmetic for "within N months" rules; `now` always comes from the caller. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** True when the ISO date `iso` is on or after `months` months before `now`. */
export function isWithinMonths(iso: string | null | undefined, now: Date, months: number): boolean {
  // A date that is not in the calendar (2025-02-30) is no date at all, not 2 March.
  if (!iso || parseCalendarDate(iso) === null) return false;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= monthsBefore(now, months).getTime();
}

export const isoDay = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');
