import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, levelBadge } from '../../src/badge/badge.js';
import { badgeEndpoint } from '../../src/badge/endpoint.js';
import { badgeSvg } from '../../src/badge/svg.js';
import type { LevelNumber } from '../../src/levels/types.js';

const LEVELS: (LevelNumber | null)[] = [null, 0, 1, 2, 3];

describe('level badge', () => {
  it('says the level in Danish and English', () => {
    expect(levelBadge(2, 'da')).toMatchObject({ label: 'OS2', message: 'niveau 2' });
    expect(levelBadge(2, 'en')).toMatchObject({ label: 'OS2', message: 'level 2' });
    expect(levelBadge(0, 'da').message).toBe('minimum');
    expect(levelBadge(null, 'en').message).toBe('minimum not met');
  });

  it('gives each level its own colour on a red → orange → green → blue scale', () => {
    const colours = LEVELS.map((l) => levelBadge(l, 'en').color);
    expect(colours).toEqual(['red', 'orange', 'green', 'brightgreen', 'blue']);
    expect(new Set(LEVELS.map((l) => levelBadge(l, 'en').hex)).size).toBe(5);
    expect(BADGE_COLOURS.none.hex).toBe('#e05d44');
  });

  it.each(LEVELS)('renders level %s as well-formed SVG with the text and colour', (level) => {
    for (const lang of ['da', 'en'] as const) {
      const badge = levelBadge(level, lang);
      const svg = badgeSvg(badge);
      expect(XMLValidator.validate(svg)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(svg) as { svg: { '@_aria-label': string; '@_width': string; title: string; g: { rect: { '@_fill': string }[] }[] } };
      expect(doc.svg.title).toBe(`OS2: ${badge.message}`);
      expect(doc.svg.g[0]!.rect.map((r) => r['@_fill'])).toContain(badge.hex);
      expect(Number(doc.svg['@_width'])).toBeGreaterThan(40);
      expect(badgeSvg(badge)).toBe(svg);
    }
  });

  it('renders a shields.io endpoint', () => {
    expect(JSON.parse(badgeEndpoint(levelBadge(3, 'da')))).toEqual({ schemaVersion: 1, label: 'OS2', message: 'niveau 3', color: 'blue' });
  });
});
