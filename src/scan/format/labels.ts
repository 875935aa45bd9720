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
  matrix: { en: 'Checklist items per product', da: 'Tjeklistepunkter pr. produkt' },
  matrixHint: { en: "OS2's checklist in the template's order, grouped by theme and level. Click a column to sort by it.", da: 'OS2s tjekliste i skabelonens rækkefølge, grupperet efter tema og niveau. Klik på en kolonne for at sortere efter den.' },
  allThemes: { en: 'All themes', da: 'Alle temaer' },
  noItems: { en: 'No product could be scanned, so there are no items to show.', da: 'Intet produkt kunne scannes, så der er ingen punkter at vise.' },
  itemsMet: { en: 'Items met', da: 'Punkter opfyldt' },
  disagreements: { en: 'Official level versus measured level', da: 'Officielt niveau over for målt niveau' },
  disagreementsHint: { en: 'Products whose measured level differs from the level OS2 has assigned, largest difference first.', da: 'Produkter hvis målte niveau afviger fra det niveau, OS2 har tildelt, største forskel først.' },
  noDisagreements: { en: 'No product with an official level is measured differently.', da: 'Intet produkt med et officielt niveau måles anderledes.' },
  noOfficial: { en: 'No official level', da: 'Intet officielt niveau' },
  measured: { en: 'Measured', da: 'Målt' },
  history: { en: 'Levels per scan', da: 'Niveauer pr. scanning' },
  noHistory: { en: 'One scan only: scan again with --compare last (or --compare <file>) to see movement over time.', da: 'Kun én scanning: scan igen med --compare last (eller --compare <fil>) for at se udviklingen over tid.' },
  changes: { en: 'Items that turned green or red since the last scan', da: 'Punkter der er blevet grønne eller røde siden sidste scanning' },
  noChanges: { en: 'No item turned green or red.', da: 'Intet punkt er blevet grønt eller rødt.' },
  turnedGreen: { en: 'Turned green', da: 'Blev grøn' },
  turnedRed: { en: 'Turned red', da: 'Blev rød' },
  since: { en: 'since', da: 'siden' },
  legend: { en: 'Legend', da: 'Signaturforklaring' },
  items: { en: 'Checklist items', da: 'Tjeklistepunkter' },
  disagree: { en: 'differs from the official level', da: 'afviger fra det officielle niveau' },
  close: { en: 'Close', da: 'Luk' },
  lowerThanOfficial: { en: 'measured below its official level', da: 'målt under sit officielle niveau' },
  higherThanOfficial: { en: 'measured above its official level', da: 'målt over sit officielle niveau' },
  partial: { en: 'Partial report: shards missing or left out', da: 'Delvis rapport: shards mangler eller er udeladt' },
  missingShards: { en: 'missing', da: 'mangler' },
  excluded: { en: 'left out', da: 'udeladt' },
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

/** The area chips in each language (the terminal and Markdown views keep the short English codes). */
export const AREA_CHIP: Record<Lang, Record<Area, string>> = {
  en: AREA_SHORT,
  da: { documentation: 'dok', versioning: 'ver', tests: 'tst', operations: 'drf', legal: 'lov', relevance: 'rel', governance: 'gov', strategy: 'str' },
};

export const MOVEMENT_LABEL: Record<Movement, { en: string; da: string; symbol: string }> = {
  up: { en: 'up', da: 'op', symbol: '▲' },
  down: { en: 'down', da: 'ned', symbol: '▼' },
  same: { en: 'same', da: 'uændret', symbol: '=' },
  new: { en: 'new', da: 'ny', symbol: '+' },
  removed: { en: 'removed', da: 'fjernet', symbol: '−' },
  unknown: { en: 'unknown', da: 'ukendt', symbol: '?' },
};
