/**
 * A draft of the OS2 secretariat's evaluation report (modelled on the published ones under
 * docs/rapporter/evalueringsrapporter/ in OS2offdig/os2-product-audits), for a person to judge:
 * per item the product's own answer (from its governance report or self-evaluation, when one was
 * read), what os2level found, a proposed traffic light 🟢/🟡/🔴/⚪ with its basis and a
 * recommendation from the remediation text; the tallies by level and by theme; and a proposed
 * level with the items that decide it. Everything proposed here is marked as a draft.
 *
 * The proposal, item by item (os2level's answer on the form × the product's own answer):
 * - not relevant (declared) → ⚪; open and the product says not relevant → ⚪
 * - met → 🟢, unless the product itself says no (→ 🟡, to be clarified)
 * - partly met → 🟡
 * - not met → 🔴, unless the product says yes (→ 🟡, to be clarified)
 * - open → the product's answer decides: yes 🟡 (nothing in the repository shows it), partly or planned 🟡,
 *   no 🔴, no answer or "don't know" 🔴 (nothing to judge it by)
 * The proposed level is the highest level with no 🔴 must item at that level or below; the 🟡 must
 * items are listed for a person to judge (the secretariat places products with yellow items).
 */
import type { Lang, LevelNumber, Text } from '../levels/types.js';
import type { Report, ReportRequirement, RepositoryResult } from '../report/model.js';
import { SATISFIES } from '../evaluate/types.js';
import { fill } from '../report/messages.js';
import { CHECKLIST_CATEGORIES, checklistItems, type ChecklistCategory, type ChecklistItem } from './checklist.js';
import { decidedDocumentation, formAnswer, fromProductReport, repositoryRelative, undecided, type FormAnswer } from './formAnswer.js';
import { cell } from './markdown.js';
import { formCell, formSections, formLevel, formTitle, formVersion, productName } from './os2Form.js';
import { productAnswerOf, productReportOf, type ProductAnswer, type ProductReport } from './productReport.js';
import type { ReportStatus } from '../governanceReport/types.js';
import type { FormatContext, Formatter } from './types.js';

export type Light = 'green' | 'yellow' | 'red' | 'grey';
export const LIGHTS: Light[] = ['green', 'yellow', 'red', 'grey'];
export const LIGHT_SYMBOL: Record<Light, string> = { green: '🟢', yellow: '🟡', red: '🔴', grey: '⚪' };
const LEVELS: LevelNumber[] = [0, 1, 2, 3];

/** Why a light is proposed, in the evaluation's words. */
type BasisCode =
  | 'not-relevant' | 'own-not-relevant' | 'verified' | 'declared' | 'met-own-no' | 'partly' | 'not-met' | 'not-met-own-yes'
  | 'open-own-yes' | 'open-own-partly' | 'open-own-planned' | 'open-own-no' | 'open-own-unknown' | 'open-unanswered';

const BASIS: Record<BasisCode, Text> = {
  'not-relevant': { da: 'Erklæret ikke relevant for produktet.', en: 'Declared not relevant to the product.' },
  'own-not-relevant': { da: 'Produktet angiver kravet som ikke relevant; os2level kan ikke afgøre det.', en: 'The product marks the requirement not relevant; os2level cannot decide it.' },
  verified: { da: 'os2level fandt det i repositoriet.', en: 'os2level found it in the repository.' },
  declared: { da: 'Erklæret (os2.yaml eller forklaring); os2level har ikke efterprøvet det.', en: 'Declared (os2.yaml or an explanation); os2level did not verify it.' },
  'met-own-no': { da: 'os2level finder kravet opfyldt, men produktet svarer nej: afklares.', en: 'os2level finds the requirement met, but the product answers no: to be clarified.' },
  partly: { da: 'Delvist opfyldt: en del af kravet mangler.', en: 'Partly met: part of the requirement is missing.' },
  'not-met': { da: 'Ikke opfyldt ifølge det, os2level fandt.', en: 'Not met by what os2level found.' },
  'not-met-own-yes': { da: 'Produktet svarer ja, men os2level fandt det ikke: afklares.', en: 'The product answers yes, but os2level did not find it: to be clarified.' },
  'open-own-yes': { da: 'Produktet svarer ja; intet i repositoriet viser det, så dokumentationen skal vurderes.', en: 'The product answers yes; nothing in the repository shows it, so the documentation needs judging.' },
  'open-own-partly': { da: 'Produktet angiver kravet som delvist opfyldt.', en: 'The product marks the requirement as partly met.' },
  'open-own-planned': { da: 'Produktet angiver kravet som planlagt.', en: 'The product marks the requirement as planned.' },
  'open-own-no': { da: 'Produktet svarer nej.', en: 'The product answers no.' },
  'open-own-unknown': { da: 'Produktet er i tvivl, og os2level kan ikke afgøre det.', en: 'The product is in doubt, and os2level cannot decide it.' },
  'open-unanswered': { da: 'Ikke besvaret, og os2level fandt intet at vurdere ud fra.', en: 'Not answered, and os2level found nothing to judge by.' },
};

export interface ItemProposal {
  item: ChecklistItem;
  answer: FormAnswer;
  own: ProductAnswer | null;
  light: Light;
  basis: BasisCode;
}

/**
 * The proposed light for one item, with its basis: os2level's own finding (as if the product's
 * report had not been read) against the product's own answer. Pure.
 */
export function proposeLight(item: ChecklistItem, own: ProductAnswer | null = productAnswerOf(item)): ItemProposal {
  const answer = formAnswer(item, false);
  const says: ReportStatus | null = own?.status ?? null;
  const pick = (light: Light, basis: BasisCode): ItemProposal => ({ item, answer, own, light, basis });
  switch (answer) {
    case 'not-relevant':
      return pick('grey', 'not-relevant');
    case 'yes':
      if (says === 'not-met') return pick('yellow', 'met-own-no');
      return pick('green', item.item.basis === 'verified' ? 'verified' : 'declared');
    case 'partly':
      return pick('yellow', 'partly');
    case 'no':
      return says === 'met' ? pick('yellow', 'not-met-own-yes') : pick('red', 'not-met');
    case 'planned':
    case 'unknown':
    case 'open':
      if (says === 'not-relevant') return pick('grey', 'own-not-relevant');
      if (says === 'met') return pick('yellow', 'open-own-yes');
      if (says === 'partly') return pick('yellow', 'open-own-partly');
      if (says === 'planned') return pick('yellow', 'open-own-planned');
      if (says === 'not-met') return pick('red', 'open-own-no');
      if (says === 'unknown') return pick('red', 'open-own-unknown');
      return pick('red', 'open-unanswered');
  }
}

export interface LevelProposal {
  /** The highest level with no red must item at that level or below; null: not even the sandbox. */
  level: LevelNumber | null;
  /** The red must items that keep the next level from being proposed (none when level 3 is proposed). */
  deciding: ItemProposal[];
  /** The yellow must items up to the next level: they do not block the proposal, but a person must judge them. */
  toJudge: ItemProposal[];
}

export function proposeLevel(proposals: ItemProposal[]): LevelProposal {
  const musts = proposals.filter((p) => p.item.strength === 'must');
  let level: LevelNumber | null = null;
  for (const l of LEVELS) {
    if (musts.some((p) => p.item.level <= l && p.light === 'red')) break;
    level = l;
  }
  const next = level === null ? 0 : level + 1;
  const deciding = next > 3 ? [] : musts.filter((p) => p.item.level <= next && p.light === 'red');
  const toJudge = musts.filter((p) => p.item.level <= Math.min(next, 3) && p.light === 'yellow');
  return { level, deciding, toJudge };
}

const words = {
  title: { da: '[UDKAST] Evaluering af {name}', en: '[DRAFT] Evaluation of {name}' },
  info: { da: 'Dokumentinformation', en: 'Document information' },
  version: { da: 'Version for anvendt governancerapport', en: 'Version of the governance report used' },
  date: { da: 'Dato for udfyldelse', en: 'Date filled in' },
  by: { da: 'Udfyldt af', en: 'Filled in by' },
  byValue: { da: '{tool} (udkast til sekretariatet)', en: '{tool} (draft for the secretariat)' },
  own: { da: 'Seneste selvevaluering/governancerapport', en: 'Latest self-evaluation/governance report' },
  ownNone: { da: 'ingen læst', en: 'none read' },
  ownDated: { da: '{path} (udfyldt {date})', en: '{path} (filled in {date})' },
  ownStale: { da: '– bemærk: {why}', en: '– note: {why}' },
  staleChecklist: { da: 'ældre end tjeklisten', en: 'older than the checklist' },
  staleAge: { da: 'ældre end den tilladte alder', en: 'older than the allowed age' },
  staleUndated: { da: 'udateret', en: 'undated' },
  status: { da: 'Status', en: 'Status' },
  statusValue: {
    da: 'Udkast. Trafiklys, niveau og anbefalinger er forslag fra os2level og skal vurderes af en person; intet her er sekretariatets vurdering.',
    en: 'Draft. Traffic lights, level and recommendations are proposals by os2level for a person to judge; nothing here is the secretariat\'s assessment.',
  },
  summary: { da: 'Resumé', en: 'Summary' },
  summaryText: {
    da: 'Forslag: {green} af {total} krav grønne, {yellow} {yellowWord}, {red} {redWord} og {grey} {greyWord}. {answered} af {total} krav er besvaret i produktets egen rapport.',
    en: 'Proposed: {green} of {total} requirements green, {yellow} yellow, {red} red and {grey} grey. {answered} of {total} are answered in the product\'s own report.',
  },
  levelHeading: { da: 'Foreslået produktniveau', en: 'Proposed product level' },
  levelText: { da: 'Foreslået produktniveau: **{level}** (os2level alene: {tool}).', en: 'Proposed product level: **{level}** (os2level alone: {tool}).' },
  levelNone: { da: 'under sandkasse', en: 'below the sandbox' },
  deciding: { da: 'Disse røde skal-krav afgør, at {next} ikke foreslås:', en: 'These red must items keep {next} from being proposed:' },
  decidingNone: { da: 'Ingen skal-krav til og med niveau 3 er røde.', en: 'No must item up to level 3 is red.' },
  toJudge: { da: 'Disse gule skal-krav blokerer ikke forslaget, men skal vurderes af en person:', en: 'These yellow must items do not block the proposal, but a person must judge them:' },
  evaluation: { da: 'Evalueringen', en: 'The evaluation' },
  lightsHeading: { da: 'Hvad betyder trafiklysene?', en: 'What do the traffic lights mean?' },
  green: { da: 'Grøn', en: 'Green' },
  yellow: { da: 'Gul', en: 'Yellow' },
  red: { da: 'Rød', en: 'Red' },
  grey: { da: 'Grå', en: 'Grey' },
  greenMeans: { da: 'opfyldt', en: 'met' },
  yellowMeans: { da: 'delvist opfyldt eller uafklaret', en: 'partly met or to be clarified' },
  redMeans: { da: 'ikke opfyldt eller uden grundlag', en: 'not met or nothing to judge by' },
  greyMeans: { da: 'ikke relevant, tælles ikke med', en: 'not relevant, not counted' },
  columns: {
    da: ['#', 'Krav', 'Produktniveau', 'Efterlevet?', 'Dokumentation', 'Fundet af os2level', 'Vurdering', 'Vurderingsgrundlag', 'Anbefaling'],
    en: ['#', 'Requirement', 'Product level', 'Complied with?', 'Documentation', 'Found by os2level', 'Assessment', 'Basis', 'Recommendation'],
  },
  notAnswered: { da: 'ikke besvaret', en: 'not answered' },
  tallies: { da: 'Optælling af vurderinger pr. niveau og tema', en: 'Tally of assessments by level and theme' },
  levelTheme: { da: 'Niveau / Vurdering', en: 'Level / Assessment' },
  themeLevel: { da: 'Tema / Niveau', en: 'Theme / Level' },
  total: { da: 'Total', en: 'Total' },
  sandbox: { da: 'Sandkasse', en: 'Sandbox' },
  level: { da: 'Niveau {level}', en: 'Level {level}' },
} satisfies Record<string, Text | { da: string[]; en: string[] }>;

const THEME_NAME: Record<ChecklistCategory, Text> = {
  relevans: { da: 'Relevans', en: 'Relevance' },
  formkrav: { da: 'Formkrav', en: 'Formal requirements' },
  strategisk: { da: 'Strategisk sammenhæng', en: 'Strategic fit' },
  governance: { da: 'Governance', en: 'Governance' },
};

export const formatOs2Evaluation: Formatter = (report, ctx) =>
  report.results.map((result) => formatResult(report, result, ctx)).join('\n---\n\n');

function formatResult(report: Report, result: RepositoryResult, ctx: FormatContext): string {
  const lang = report.lang;
  const own = productReportOf(result);
  const proposals = checklistItems(result, ctx.catalogue).map((item) => proposeLight(item));
  const levelProposal = proposeLevel(proposals);
  const w = (key: keyof typeof words, args: Record<string, string | number> = {}): string => fill((words[key] as Text)[lang], args, lang);
  const tool = `${report.tool.name} ${report.tool.version}`;
  const levelLabel = (l: LevelNumber | null): string => (l === null ? w('levelNone') : l === 0 ? w('sandbox') : w('level', { level: l }));
  const count = (ps: ItemProposal[], light: Light): number => ps.filter((p) => p.light === light).length;

  const out: string[] = [`# ${w('title', { name: cell(productName(result)) })}`, ''];
  out.push(
    `> **📄 ${w('info')}**<br/>`,
    `> **${w('version')}:** ${cell(formVersion(report.checklist.id))}<br/>`,
    `> **${w('date')}:** ${report.asOf}<br/>`,
    `> **${w('by')}:** ${w('byValue', { tool: cell(tool) })}<br/>`,
    `> **${w('own')}:** ${own ? ownSource(own, result, w) : w('ownNone')}<br/>`,
    `> **${w('status')}:** ${w('statusValue')}`,
    '',
    `## ${w('summary')}`,
    '',
    w('summaryText', {
      total: proposals.length, green: count(proposals, 'green'), yellow: count(proposals, 'yellow'), red: count(proposals, 'red'), grey: count(proposals, 'grey'),
      // Danish adjectives agree with "krav" (neuter): 1 rødt, 2 røde.
      yellowWord: count(proposals, 'yellow') === 1 ? 'gult' : 'gule',
      redWord: count(proposals, 'red') === 1 ? 'rødt' : 'røde',
      greyWord: count(proposals, 'grey') === 1 ? 'gråt' : 'grå',
      answered: proposals.filter((p) => p.own).length,
    }),
    '',
    `## ${w('levelHeading')}`,
    '',
    w('levelText', { level: levelLabel(levelProposal.level), tool: levelLabel(result.achievedLevel) }),
    '',
  );
  const listed = (p: ItemProposal): string => `- ${LIGHT_SYMBOL[p.light]} ${p.item.id} ${cell(formTitle(p.item, lang))} (${formLevel(p.item.level, lang)}): ${cell(BASIS[p.basis][lang])}`;
  if (levelProposal.deciding.length === 0) out.push(w('decidingNone'));
  else {
    out.push(w('deciding', { next: levelLabel(levelProposal.level === null ? 0 : ((levelProposal.level + 1) as LevelNumber)) }), '');
    out.push(...levelProposal.deciding.map(listed));
  }
  if (levelProposal.toJudge.length > 0) out.push('', w('toJudge'), '', ...levelProposal.toJudge.map(listed));

  out.push('', '---', '', `# ${w('evaluation')}`, '', `## ${w('lightsHeading')}`, '');
  for (const light of LIGHTS) out.push(`- ${LIGHT_SYMBOL[light]} **${w(light)}** → ${w(`${light}Means` as keyof typeof words)}`);

  const columns = words.columns[lang];
  out.push(...formSections(proposals, (p) => p.item.category, columns, lang, (p) => {
    const ownStatus = p.own ? cell(p.own.statusText) : w('notAnswered');
    const ownDocs = p.own ? formCell([...p.own.documentation.split(/\r?\n/), `(${repositoryRelative(p.own.path, result.path)}:${p.own.line})`]) : '';
    const found = formCell(foundLines(p.item, lang, result));
    return [p.item.id, cell(formTitle(p.item, lang)), formLevel(p.item.level, lang), ownStatus, ownDocs, found, LIGHT_SYMBOL[p.light], cell(BASIS[p.basis][lang]), formCell(recommendation(p, result))];
  }));

  out.push('', `# ${w('tallies')}`, '');
  const lightHeads = LIGHTS.map((l) => `${LIGHT_SYMBOL[l]} ${w(l)}`);
  out.push(`| ${w('levelTheme')} | ${lightHeads.join(' | ')} |`, `|---|${LIGHTS.map(() => '--:').join('|')}|`);
  for (const l of LEVELS) {
    const at = proposals.filter((p) => p.item.level === l);
    out.push(`| ${levelLabel(l)} | ${LIGHTS.map((x) => count(at, x)).join(' | ')} |`);
  }
  out.push(`| **${w('total')}** | ${LIGHTS.map((x) => `**${count(proposals, x)}**`).join(' | ')} |`, '');
  const tally = (ps: ItemProposal[]): string => LIGHTS.map((x) => `${LIGHT_SYMBOL[x]} ${count(ps, x)}`).join(' ');
  out.push(`| ${w('themeLevel')} | ${LEVELS.map(levelLabel).join(' | ')} | ${w('total')} |`, `|---|${LEVELS.map(() => '---').join('|')}|---|`);
  for (const category of CHECKLIST_CATEGORIES) {
    const inTheme = proposals.filter((p) => p.item.category === category);
    out.push(`| ${THEME_NAME[category][lang]} | ${LEVELS.map((l) => tally(inTheme.filter((p) => p.item.level === l))).join(' | ')} | ${tally(inTheme)} |`);
  }
  out.push(`| **${w('total')}** | ${LEVELS.map((l) => tally(proposals.filter((p) => p.item.level === l))).join(' | ')} | ${tally(proposals)} |`);
  return out.join('\n') + '\n';
}

function ownSource(own: ProductReport, result: RepositoryResult, w: (key: keyof typeof words, args?: Record<string, string | number>) => string): string {
  const path = cell(repositoryRelative(own.path, result.path));
  const dated = own.date ? w('ownDated', { path, date: own.date }) : path;
  return own.stale.length ? `${dated} ${w('ownStale', { why: own.stale.map((s) => w(STALE[s] ?? 'staleUndated')).join(', ') })}` : dated;
}

const ONLY_REPORT: Text = {
  da: 'intet i repositoriet eller os2.yaml; kun produktets egen rapport.',
  en: "nothing in the repository or os2.yaml; only the product's own report.",
};

const STALE: Record<string, keyof typeof words> = { 'older-than-checklist': 'staleChecklist', 'older-than-max-age': 'staleAge', undated: 'staleUndated' };

/**
 * What os2level found for the item, the product's report left aside: every part's finding,
 * explanation or reason, what it looked for and did not find included. A part only the product's
 * report decided says so (that answer is in the product's columns).
 */
function foundLines(item: ChecklistItem, lang: Lang, result: RepositoryResult): string[] {
  const decided = decidedDocumentation(item, lang, result, false);
  const open = item.entries
    .filter((e) => undecided(e.requirement) && !fromProductReport(e.requirement))
    .map((e) => `${e.requirement.id}: ${repositoryRelative(e.requirement.message, result.path)}`);
  const onlyReport = item.entries.filter((e) => fromProductReport(e.requirement)).map((e) => `${e.requirement.id}: ${ONLY_REPORT[lang]}`);
  return [...decided, ...open, ...onlyReport];
}

/** What to do: the remediation of each part not yet satisfied; nothing for a green or grey item. */
function recommendation(p: ItemProposal, result: RepositoryResult): string[] {
  if (p.light === 'green' || p.light === 'grey') return [];
  // What os2level could not see for itself, including what only the product's report answered.
  const unmet: ReportRequirement[] = p.item.entries.map((e) => e.requirement).filter((q) => !SATISFIES.has(q.outcome) || fromProductReport(q));
  return unmet.map((q) => repositoryRelative(q.remediation, result.path));
}
