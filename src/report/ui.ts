/** Words the report views share: outcome and area names, summary phrases, notices. Danish and English. */
import type { Area, Lang, Text, Theme } from '../levels/types.js';
import type { ItemStatus, Outcome } from '../evaluate/types.js';
import { fill } from './messages.js';
import type { MessageArgs } from '../checks/types.js';

export const outcomeLabel: Record<Outcome, Text> = {
  pass: { en: 'met', da: 'opfyldt' },
  fail: { en: 'not met', da: 'ikke opfyldt' },
  explained: { en: 'explained', da: 'forklaret' },
  'not-applicable': { en: 'not applicable', da: 'ikke relevant' },
  unknown: { en: 'unknown', da: 'ukendt' },
  error: { en: 'error', da: 'fejl' },
};

/** OS2's four colours and "no light", as words. */
export const itemStatusLabel: Record<ItemStatus, Text> = {
  met: { en: 'met', da: 'opfyldt' },
  'partly-met': { en: 'partly met', da: 'delvist opfyldt' },
  'not-met': { en: 'not met', da: 'ikke opfyldt' },
  'not-relevant': { en: 'not relevant', da: 'ikke relevant' },
  unknown: { en: 'unknown', da: 'ukendt' },
};

/** OS2's themes, in the form's order and words. */
export const themeLabel: Record<Theme, Text> = {
  relevans: { en: 'Relevance', da: 'Relevans' },
  formkrav: { en: 'Formal requirements', da: 'Formkrav' },
  strategisk: { en: 'Strategic fit', da: 'Strategisk sammenhæng' },
  governance: { en: 'Governance', da: 'Governance' },
};
export const THEMES: Theme[] = ['relevans', 'formkrav', 'strategisk', 'governance'];

export const areaLabel: Record<Area, Text> = {
  documentation: { en: 'Documentation', da: 'Dokumentation' },
  versioning: { en: 'Versioning', da: 'Versionering' },
  tests: { en: 'Tests and coverage', da: 'Test og testdækning' },
  operations: { en: 'Operations', da: 'Drift' },
  legal: { en: 'Licence, lawfulness and security', da: 'Licens, lovmedholdelighed og sikkerhed' },
  relevance: { en: 'Relevance', da: 'Relevans' },
  governance: { en: 'Governance', da: 'Governance' },
  strategy: { en: 'Strategic fit', da: 'Strategisk sammenhæng' },
};

export const AREAS: Area[] = ['documentation', 'versioning', 'tests', 'operations', 'legal', 'relevance', 'governance', 'strategy'];

const phrases = {
  levelShort: { en: 'N{level}', da: 'N{level}' },
  minimum: { en: 'minimum', da: 'minimum' },
  reached: { en: 'Reached {level}', da: 'Opnår {level}' },
  notReached: { en: 'Minimum requirements not met', da: 'Minimumskravene er ikke opfyldt' },
  top: { en: 'the highest level', da: 'det højeste niveau' },
  missing: { en: '{next}: {missing} of {total} must items not met', da: '{next}: {missing} af {total} skal-punkter ikke opfyldt' },
  target: { en: 'target {target}', da: 'mål {target}' },
  declared: { en: 'declared', da: 'erklæret' },
  verified: { en: 'verified', da: 'verificeret' },
  interpretation: { en: 'tool interpretation', da: 'værktøjets fortolkning' },
  os2: { en: 'OS2', da: 'OS2' },
  remedy: { en: 'What to do', da: 'Hvad gør man' },
  evidence: { en: 'Evidence', da: 'Grundlag' },
  explainedBy: { en: 'Explained: {reason}', da: 'Forklaret: {reason}' },
  approvedBy: { en: 'approved by {by}', da: 'godkendt af {by}' },
  expires: { en: 'expires {date}', da: 'udløber {date}' },
  expired: { en: 'Explanation expired on {date} and counts as missing: {reason}', da: 'Forklaringen udløb {date} og tæller som manglende: {reason}' },
  notApplicable: { en: 'Not applicable: {reason}', da: 'Ikke relevant: {reason}' },
  recommendations: { en: 'Recommendations (should)', da: 'Anbefalinger (bør)' },
  gapHeading: { en: 'Blocking {next}', da: 'Blokerer {next}' },
  partlyMet: { en: 'Partly met', da: 'Delvist opfyldt' },
  checklistHeading: { en: 'OS2 checklist ({checklist})', da: 'OS2-tjekliste ({checklist})' },
  outsideChecklist: { en: 'Not on this checklist ({checklist})', da: 'Ikke på denne tjekliste ({checklist})' },
  itemsMet: { en: '{met} of {total} items met', da: '{met} af {total} punkter opfyldt' },
  explainHint: { en: 'More on an item or requirement: os2level explain {id}', da: 'Mere om et punkt eller krav: os2level explain {id}' },
  itemCount: { en: '{count} items', da: '{count} punkter' },
  defaultGeneration: { en: 'default', da: 'standard' },
  passes: { en: '{count} requirements met', da: '{count} krav opfyldt' },
  noManifest: {
    en: 'No os2.yaml found: declared requirements count as not declared. Create one with `os2level init`, and check it with `os2level validate`.',
    da: 'Ingen os2.yaml fundet: erklærede krav tæller som ikke erklærede. Opret en med `os2level init`, og kontrollér den med `os2level validate`.',
  },
  reportUsed: {
    en: 'Governance report {path} ({generation} checklist, dated {date}): {count} requirements declared by it, below os2.yaml and the repository ({read} items read, {placeholder} placeholders, {notFilled} not filled in, {unreadable} unreadable).',
    da: 'Governancerapport {path} ({generation}-tjeklisten, dateret {date}): {count} krav erklæret af den, under os2.yaml og repositoriet ({read} punkter læst, {placeholder} pladsholdere, {notFilled} ikke udfyldt, {unreadable} ulæselige).',
  },
  reportUnreadable: { en: 'Governance report {path} could not be read ({problem}); its answers are not used.', da: 'Governancerapporten {path} kunne ikke læses ({problem}); dens svar bruges ikke.' },
  reportOlderThanChecklist: { en: 'The governance report is dated {date}, before the {checklist} checklist ({from}): fill in the current template.', da: 'Governancerapporten er dateret {date}, før {checklist}-tjeklisten ({from}): udfyld den gældende skabelon.' },
  reportTooOld: { en: 'The governance report is {days} days old (more than {max}): bring it up to date.', da: 'Governancerapporten er {days} dage gammel (mere end {max}): opdatér den.' },
  reportUndated: { en: 'The governance report states no date; its age cannot be judged.', da: 'Governancerapporten angiver ingen dato; dens alder kan ikke vurderes.' },
  mustShould: { en: '{strength}', da: '{strength}' },
  must: { en: 'must', da: 'skal' },
  should: { en: 'should', da: 'bør' },
  source: { en: 'source', da: 'kilde' },
  // check --explanations
  explanationsHeading: { en: 'Explanations in {manifest} ({count})', da: 'Forklaringer i {manifest} ({count})' },
  explanationsNone: { en: 'No explanations in {manifest}.', da: 'Ingen forklaringer i {manifest}.' },
  explanationsExpired: { en: '{count} expired: they count as missing until renewed.', da: '{count} udløbet: de tæller som manglende, indtil de fornyes.' },
  colRequirement: { en: 'requirement', da: 'krav' },
  colOutcome: { en: 'outcome', da: 'resultat' },
  colApprovedBy: { en: 'approved by', da: 'godkendt af' },
  colApprovedOn: { en: 'approved', da: 'godkendt' },
  colAge: { en: 'age (days)', da: 'alder (dage)' },
  colExpires: { en: 'expires', da: 'udløber' },
  expiredFlag: { en: 'EXPIRED', da: 'UDLØBET' },
  reason: { en: 'reason', da: 'begrundelse' },
  // The summary line and the text view
  summaryNotReached: { en: 'Not at the minimum level yet: {missing} of its {total} must items are not met', da: 'Endnu ikke på minimumsniveauet: {missing} af dets {total} skal-punkter er ikke opfyldt' },
  summaryReached: { en: 'Reached {level}; for {next}, {missing} of {total} must items are not met yet', da: 'Opnår {level}; til {next} mangler {missing} af {total} skal-punkter' },
  summaryTop: { en: 'Reached {level}, the highest level', da: 'Opnår {level}, det højeste niveau' },
  levelLong: { en: 'the minimum level', da: 'minimumsniveauet' },
  barCounts: { en: '{mustMet} of {mustTotal} must items met, {shouldMet} of {shouldTotal} should items', da: '{mustMet} af {mustTotal} skal-punkter opfyldt, {shouldMet} af {shouldTotal} bør-punkter' },
  barCountsMust: { en: '{mustMet} of {mustTotal} must items met', da: '{mustMet} af {mustTotal} skal-punkter opfyldt' },
  gapMustHeading: { en: 'Blocking {next}: must items not met', da: 'Blokerer {next}: skal-punkter, der ikke er opfyldt' },
  gapShouldHeading: { en: 'Recommended for {next}: should items not met', da: 'Anbefalet til {next}: bør-punkter, der ikke er opfyldt' },
  settledHeading: { en: 'Explained, not applicable or not decidable', da: 'Forklaret, ikke relevant eller ikke afgjort' },
  laterHeading: { en: 'Later levels', da: 'Senere niveauer' },
  laterLevel: {
    en: '{level}: {must} must and {should} should items not met yet; os2level check --verbose lists them',
    da: '{level}: {must} skal- og {should} bør-punkter endnu ikke opfyldt; os2level check --verbose viser dem',
  },
  laterLevelMust: {
    en: '{level}: {must} must items not met yet; os2level check --verbose lists them',
    da: '{level}: {must} skal-punkter endnu ikke opfyldt; os2level check --verbose viser dem',
  },
  explainItem: { en: 'More: os2level explain {id}', da: 'Mere: os2level explain {id}' },
  // JUnit
  junitAboveGate: { en: 'Not gated: not met only above the required level {gate}: {ids}', da: 'Ikke afgørende: kun ikke opfyldt over det krævede niveau {gate}: {ids}' },
  junitNotGated: { en: 'Should, not gated: {id}: {reason}', da: 'Bør, ikke afgørende: {id}: {reason}' },
  // GitHub annotations and job summary
  githubOmitted: { en: '{count} more findings are in the job summary.', da: '{count} fund mere står i jobbets opsummering.' },
  githubOpenHeading: { en: 'Not met, what blocks {level} first', da: 'Ikke opfyldt, det der blokerer {level} først' },
  githubAllOpen: { en: 'Not met', da: 'Ikke opfyldt' },
  colItem: { en: 'Item', da: 'Punkt' },
  colRequirementTitle: { en: 'Requirement', da: 'Krav' },
  colLevel: { en: 'Level', da: 'Niveau' },
  colWhere: { en: 'Where', da: 'Hvor' },
  colFinding: { en: 'Finding', da: 'Resultat' },
} satisfies Record<string, Text>;

export type Phrase = keyof typeof phrases;

export function phrase(key: Phrase, lang: Lang, args: MessageArgs = {}): string {
  return fill(phrases[key][lang], args, lang);
}

/** "N2", or the minimum level's name. */
export function levelName(level: number | null, lang: Lang): string {
  if (level === null) return '—';
  return level === 0 ? phrase('minimum', lang) : phrase('levelShort', lang, { level });
}
