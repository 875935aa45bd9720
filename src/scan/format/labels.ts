/** The words of the scan views, in Danish and English. */
import type { Lang, LevelNumber } from '../../levels/types.js';
import type { Area } from '../../levels/types.js';
import type { Movement } from '../model.js';

const WORDS = {
  product: { en: 'Product', da: 'Produkt' },
  level: { en: 'Level', da: 'Niveau' },
  official: { en: 'Official', da: 'Officielt' },
  target: { en: 'Target', da: 'Mål' },
  next: { en: 'Next', da: 'Næste' },
  gap: { en: 'Gap to next', da: 'Mangler til næste' },
  movement: { en: 'Since last', da: 'Siden sidst' },
  error: { en: 'error', da: 'fejl' },
  products: { en: 'products', da: 'produkter' },
  errors: { en: 'errors', da: 'fejl' },
  none: { en: 'none', da: 'intet' },
  title: { en: 'OS2 product levels: portfolio scan', da: 'OS2-produktniveauer: porteføljescanning' },
  distribution: { en: 'Products per level', da: 'Produkter pr. niveau' },
  filter: { en: 'Filter products', da: 'Filtrér produkter' },
  allLevels: { en: 'All levels', da: 'Alle niveauer' },
  newlyMet: { en: 'Newly met', da: 'Nyligt opfyldt' },
  lost: { en: 'No longer met', da: 'Ikke længere opfyldt' },
  remediation: { en: 'What to do', da: 'Hvad man gør' },
  repositories: { en: 'Repositories', da: 'Repositorier' },
  contact: { en: 'Contact', da: 'Kontakt' },
  asOf: { en: 'as of', da: 'pr.' },
  cached: { en: 'cached', da: 'fra cache' },
  areas: { en: 'Areas (unmet must-requirements up to the next level)', da: 'Områder (uopfyldte skal-krav op til næste niveau)' },
} as const;

export type Word = keyof typeof WORDS;
export const word = (w: Word, lang: Lang): string => WORDS[w][lang];

export const levelLabel = (level: LevelNumber | null, lang: Lang): string =>
  level === null ? '—' : level === 0 ? (lang === 'da' ? 'Minimum' : 'Minimum') : `N${level}`;

export const AREA_SHORT: Record<Area, string> = {
  documentation: 'doc',
  versioning: 'ver',
  tests: 'tst',
  operations: 'ops',
  legal: 'leg',
  relevance: 'rel',
  governance: 'gov',
  strategy: 'str',
};

export const MOVEMENT_LABEL: Record<Movement, { en: string; da: string; symbol: string }> = {
  up: { en: 'up', da: 'op', symbol: '▲' },
  down: { en: 'down', da: 'ned', symbol: '▼' },
  same: { en: 'same', da: 'uændret', symbol: '=' },
  new: { en: 'new', da: 'ny', symbol: '+' },
  removed: { en: 'removed', da: 'fjernet', symbol: '−' },
  unknown: { en: 'unknown', da: 'ukendt', symbol: '?' },
};
