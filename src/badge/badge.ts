/**
 * What a level badge says and in which colour: "OS2 | niveau 2". The scale runs red (minimum not
 * met), orange (minimum), then green, bright green and blue for N1–N3, in shields.io's palette so
 * the SVG and the endpoint JSON look the same.
 */
import type { Lang, LevelNumber, Text } from '../levels/types.js';

export interface Badge {
  label: string;
  message: string;
  /** shields.io colour name (endpoint JSON). */
  color: string;
  /** The same colour as hex (SVG). */
  hex: string;
}

export const BADGE_COLOURS: Record<'none' | LevelNumber, { color: string; hex: string }> = {
  none: { color: 'red', hex: '#e05d44' },
  0: { color: 'orange', hex: '#fe7d37' },
  1: { color: 'green', hex: '#97ca00' },
  2: { color: 'brightgreen', hex: '#44cc11' },
  3: { color: 'blue', hex: '#007ec6' },
};

const words = {
  none: { da: 'minimum ikke opfyldt', en: 'minimum not met' },
  minimum: { da: 'minimum', en: 'minimum' },
  level: { da: 'niveau {level}', en: 'level {level}' },
} satisfies Record<string, Text>;

export function levelBadge(level: LevelNumber | null, lang: Lang): Badge {
  const message = level === null ? words.none[lang] : level === 0 ? words.minimum[lang] : words.level[lang].replace('{level}', String(level));
  return { label: 'OS2', message, ...BADGE_COLOURS[level ?? 'none'] };
}
