/** The words of `import-report` (and `init`'s summary of an import), in Danish and English. */
import type { Text } from '../levels/types.js';
import type { SkipCode } from './plan.js';
import type { ItemProblemCode } from './types.js';

export const SKIP_TEXT: Record<SkipCode, Text> = {
  unreadable: { da: 'kunne ikke læses', en: 'could not be read' },
  'not-filled': { da: 'ikke udfyldt', en: 'not filled in' },
  placeholder: { da: 'skabelonens pladsholder, ikke et svar', en: "the form's placeholder, not an answer" },
  'status-unknown': { da: 'status er "ved ikke"; intet at overføre', en: 'status is "unknown"; nothing to carry' },
  'not-met': { da: 'ikke opfyldt; et nej er ingen forklaring (skriv den selv i explanations, hvis afvigelsen er bevidst)', en: 'not met; a "no" is not an explanation (write one in explanations if the deviation is deliberate)' },
  'decided-from-repository': { da: 'afgøres ud fra repositoriet; os2.yaml har intet felt til det', en: 'decided from the repository; os2.yaml has no field for it' },
  'no-safe-field': { da: 'intet felt i os2.yaml kan tage dokumentationen uden fortolkning; udfyld det selv', en: 'no os2.yaml field can take the documentation without interpretation; fill it in yourself' },
  'missing-value': { da: 'dokumentationen mangler det, feltet kræver', en: 'the documentation lacks what the field needs' },
  'no-reason': { da: 'ingen begrundelse i dokumentationen (ikke relevant kræver en)', en: 'no reason in the documentation (not relevant needs one)' },
};

export const PROBLEM_TEXT: Record<ItemProblemCode, Text> = {
  'unknown-status': { da: 'status er ikke et af skemaets svar', en: "the status is none of the form's answers" },
  'conflicting-status': { da: 'symbol og ord i status er uenige', en: 'the status symbol and word disagree' },
  'no-item': { da: 'punktet findes ikke i tjeklisten', en: 'no such item in the checklist' },
  'number-text-mismatch': { da: 'nummer og tekst peger på forskellige punkter', en: 'the number and the text point to different items' },
  duplicate: { da: 'punktet står to gange; det første gælder', en: 'the item appears twice; the first counts' },
};

export const IMPORT_WORDS = {
  report: { da: 'Governancerapport', en: 'Governance report' },
  version: { da: 'skabelon', en: 'template' },
  content: { da: 'genkendt på punkterne', en: 'recognised from the items' },
  default: { da: 'ikke til at afgøre; nyeste tjekliste brugt', en: 'could not be told; latest checklist used' },
  blank: { da: 'skabelon uden svar', en: 'template without answers' },
  states: { da: '{read} læst, {placeholder} pladsholder, {notFilled} ikke udfyldt, {unreadable} ulæselige', en: '{read} read, {placeholder} placeholder, {notFilled} not filled in, {unreadable} unreadable' },
  dated: { da: 'dateret {date}', en: 'dated {date}' },
  selfEvaluation: { da: 'selvevaluering', en: 'self-evaluation' },
  rows: { da: 'punkter', en: 'items' },
  wouldCarry: { da: 'Ville blive overført til {file}:', en: 'Would carry into {file}:' },
  carried: { da: 'Overført til {file}:', en: 'Carried into {file}:' },
  unchanged: { da: 'Står allerede i {file}:', en: 'Already in {file}:' },
  conflicts: { da: 'Uenig med {file} (beholdt; brug --force for at erstatte):', en: 'Disagrees with {file} (kept; use --force to replace):' },
  repositoryWins: { da: 'Uenig med repositoriet (repositoriets værdi beholdt):', en: 'Disagrees with the repository (the repository\'s value kept):' },
  replaced: { da: 'Erstattet i {file} (--force):', en: 'Replaced in {file} (--force):' },
  notCarried: { da: 'Ikke overført:', en: 'Not carried:' },
  nothing: { da: '(intet)', en: '(nothing)' },
  candidates: { da: 'kandidater', en: 'candidates' },
  line: { da: 'linje', en: 'line' },
  removed: { da: '(fjernes)', en: '(removed)' },
  wrote: { da: 'Skrev {file} ({count} ændringer).', en: 'Wrote {file} ({count} changes).' },
  created: { da: 'Oprettede {file} ({count} ændringer).', en: 'Created {file} ({count} changes).' },
  dryRun: { da: 'Intet skrevet; brug --write for at opdatere {file}.', en: 'Nothing written; use --write to update {file}.' },
} satisfies Record<string, Text>;

export const fillIn = (template: string, args: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
