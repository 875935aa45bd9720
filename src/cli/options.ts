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

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
