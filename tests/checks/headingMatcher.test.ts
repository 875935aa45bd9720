/**
 * The heading matcher finds synonyms by substring search with a letter-or-digit test at both ends.
 * It must accept exactly what the whole-word regular expression it replaced accepted; that
 * expression is kept here as the definition and both are run over the level file's own synonym
 * lists against headings in Danish, English and other scripts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { headingMatcher } from '../../src/checks/textMatch.js';

const normalise = (s: string): string =>
  s.toLowerCase().normalize('NFC').replace(/[`*_~[\]()#:<>!]/g, ' ').replace(/\s+/g, ' ').trim();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The definition: `(^|non-word)(synonym)(?=non-word|$)` over the normalised text, Unicode-aware. */
function byRegex(synonyms: string[]): (text: string) => boolean {
  const alternatives = synonyms.map((s) => normalise(s)).filter((s) => s !== '').map((s) => escape(s).replace(/ /g, '\\s+'));
  if (alternatives.length === 0) return () => false;
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
  return (text) => re.test(normalise(text));
}

function synonymLists(): string[][] {
  const lists: string[][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'headings' && Array.isArray(x) && x.every((s) => typeof s === 'string')) lists.push(x as string[]);
        else walk(x);
      }
    }
  };
  walk(parse(readFileSync(new URL('../../levels/os2-2018.yaml', import.meta.url), 'utf8')));
  return lists;
}

const HEADINGS = [
  'Installation', 'Installing', 'installationsvejledning', 'Installation og drift', '## Installation ##',
  'Sådan installerer du', 'Driftsvejledning', 'Drift', 'Drift & vedligehold', 'Arkitektur', 'Teknisk arkitektur',
  'Architecture overview', 'Pre-installation', 'Installation: Docker', 'Installation (Docker)', '`install`',
  'Brugervejledning', 'User guide', 'Usage', 'Anvendelse', 'Kom i gang', 'Getting started', 'Get started quickly',
  'Contributing', 'Bidrag', 'Licens', 'License', 'Sikkerhed', 'Security policy', 'Ændringslog', 'Changelog',
  'Installation😀', '😀 Installation', 'Инсталляция', 'Installation日本', '日本 installation', 'Installation2',
  '2 Installation', 'Install\u00a0guide', 'install   guide', 'INSTALLATION', 'Installationen', 'reinstallation',
  'Drift og support', 'support', 'Support', 'Vedligeholdelse', 'Deployment', 'Deploy', 'Opsætning', 'Setup', 'Set up',
  'Configuration', 'Konfiguration', '', ' ', 'æ', 'Ørsted drift', 'drift-manual', 'drift_manual', 'drift.manual',
];

describe('headingMatcher', () => {
  const lists = synonymLists();

  it('the level file has synonym lists to compare on', () => {
    expect(lists.length).toBeGreaterThan(3);
  });

  it('accepts exactly what the whole-word expression accepts, for every list and heading', () => {
    let compared = 0;
    for (const list of lists) {
      const fast = headingMatcher(list);
      const slow = byRegex(list);
      for (const h of [...HEADINGS, ...list, ...list.map((s) => `Om ${s}`), ...list.map((s) => `${s}s`), ...list.map((s) => `x${s}`)]) {
        expect(fast(h), `${JSON.stringify(list)} ~ ${JSON.stringify(h)}`).toBe(slow(h));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('letters of any script and digits are word characters; punctuation, space and emoji are not', () => {
    const m = headingMatcher(['drift']);
    expect(m('Drift og support')).toBe(true);
    expect(m('Ørsted drift')).toBe(true);
    expect(m('drift-manual')).toBe(true);
    expect(m('😀drift')).toBe(true);
    expect(m('ædrift')).toBe(false);
    expect(m('drift2')).toBe(false);
    expect(m('日drift')).toBe(false);
    expect(m('driften')).toBe(false);
    expect(headingMatcher(['install guide'])('Install\u00a0  guide')).toBe(true);
    expect(headingMatcher([])('anything')).toBe(false);
  });
});
