/** Option parsing shared by the commands: language, colour, dates, levels. */
import { parseCalendarDate } from '../manifest/calendarDate.js';
import { InvalidArgumentError } from 'commander';
import type { Lang } from '../levels/types.js';

/** Danish when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^da([_.-]|$)/i.test(locale) ? 'da' : 'en';
}

/** Colour when asked, never under NO_COLOR or --no-color, and otherwise only on a terminal. */
export function useColor(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return toTerminal;
}

/** `--as-of YYYY-MM-DD`: noon UTC that day, so the date is the same in every time zone. */
export function parseAsOf(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  if (parseCalendarDate(value) === null) throw new InvalidArgumentError('not a valid date.');
  return new Date(`${value}T12:00:00Z`);
}

/** Node's timers hold a signed 32-bit count of milliseconds; a longer delay fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** `--timeout <seconds>`: a whole number of seconds a timer can hold (1 … 2147483, about 24 days). */
export function parseTimeoutSeconds(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of seconds ≥ 1.');
  if (n > MAX_TIMEOUT_SECONDS) throw new InvalidArgumentError(`at most ${MAX_TIMEOUT_SECONDS} seconds (about 24 days): a longer timer overflows.`);
  return n;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
