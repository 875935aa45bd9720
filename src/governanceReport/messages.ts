/** The words of `import-report` (and `init`'s summary of an import), in Danish and English. */
import type { Text } from '../levels/types.js';
import type { SkipCode } from './plan.js';
import type { RowProblemCode } from './types.js';

export const SKIP_TEXT: Record<SkipCode, Text> = {
  'row-problem': { da: 'rækken kunne ikke knyttes sikkert til et krav', en: 'the row could not be tied to a requirement with confidence' },
  'status-unknown': { da: 'status er "ved ikke"; intet at overføre', en: 'status is "unknown"; nothing to carry' },
  'decided-from-repository': { da: 'afgøres ud fra repositoriet; os2.yaml har intet felt til det', en: 'decided from the repository; os2.yaml has no field for it' },
  'no-safe-field': { da: 'intet felt i os2.yaml kan tage dokumentationen uden fortolkning; udfyld det selv', en: 'no os2.yaml field can take the documentation without interpretation; fill it in yourself' },
  'missing-value': { da: 'dokumentationen mangler det, feltet kræver', en: 'the documentation lacks what the field needs' },
  'several-fields': { da: 'punktet dækker flere krav med hvert sit felt; uklart hvilket dokumentationen hører til', en: 'the item covers several requirements with fields of their own; unclear which one the documentation belongs to' },
  'several-requirements': { da: 'punktet dækker flere krav; uklart hvilket der ikke er opfyldt', en: 'the item covers several requirements; unclear which one is not met' },
  'no-reason': { da: 'ingen begrundelse i dokumentationskolonnen (følg eller forklar kræver en)', en: 'no reason in the documentation column (comply or explain needs one)' },
};

export const PROBLEM_TEXT: Record<RowProblemCode, Text> = {
  'no-requirement': { da: 'intet krav i kataloget svarer til punktet', en: 'no requirement in the catalogue matches the item' },
  'number-text-mismatch': { da: 'nummer og tekst peger på forskellige krav', en: 'the number and the text point to different requirements' },
  'ambiguous-text': { da: 'teksten passer lige godt på flere krav', en: 'the text fits several requirements equally well' },
  'no-status': { da: 'status kunne ikke læses', en: 'the status could not be read' },
};

export const IMPORT_WORDS = {
  report: { da: 'Governancerapport', en: 'Governance report' },
  version: { da: 'skabelon', en: 'template' },
  stated: { da: 'angivet i rapporten', en: 'stated in the report' },
  content: { da: 'udledt af punkterne', en: 'inferred from the items' },
  default: { da: 'ikke til at afgøre; nyeste nummerering brugt', en: 'could not be told; latest numbering used' },
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
