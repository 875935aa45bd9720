import { Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import type { ChecklistItemDef } from '../../checklist/types.js';
import type { Lang, LevelCatalogue, Requirement } from '../../levels/types.js';
import { describeCheck } from '../../report/checkWords.js';
import { areaLabel, levelName, phrase, themeLabel } from '../../report/ui.js';
import { didYouMean } from '../../yaml/didYouMean.js';
import { emit } from '../output.js';
import { addCommonOptions, loadCatalogue, resolveLang, type CatalogueOptions } from './shared.js';

const words = {
  level: { en: 'Level', da: 'Niveau' },
  area: { en: 'Area', da: 'Område' },
  ref: { en: 'OS2 checklist', da: 'OS2-tjekliste' },
  source: { en: 'Source', da: 'Kilde' },
  evidence: { en: 'Evidence', da: 'Grundlag' },
  decided: { en: 'How the tool decides it', da: 'Sådan afgør værktøjet det' },
  how: { en: 'How to meet it', da: 'Sådan opfyldes kravet' },
  explainHow: { en: 'Cannot meet it? Comply or explain in os2.yaml', da: 'Kan kravet ikke opfyldes? Følg eller forklar i os2.yaml' },
  naHow: { en: 'Not relevant for the product? Say so in os2.yaml', da: 'Ikke relevant for produktet? Skriv det i os2.yaml' },
  note: { en: 'Note', da: 'Bemærk' },
  reason: { en: 'why the requirement is not met', da: 'hvorfor kravet ikke er opfyldt' },
  who: { en: 'who approved the explanation', da: 'hvem der har godkendt forklaringen' },
  naReason: { en: 'why it does not apply', da: 'hvorfor det ikke er relevant' },
  theme: { en: 'Theme', da: 'Tema' },
  decidedBy: { en: 'Decided by these requirements', da: 'Afgøres af disse krav' },
  history: { en: 'In each checklist generation', da: 'I hver udgave af tjeklisten' },
  absent: { en: 'not on the checklist', da: 'ikke på tjeklisten' },
  more: { en: 'More on a requirement: os2level explain <id>', da: 'Mere om et krav: os2level explain <id>' },
} as const;

export function registerExplain(program: Command): void {
  const cmd = program
    .command('explain')
    .description('explain a checklist item (e.g. F7) or a requirement (e.g. docs.install): what OS2 asks, how the tool decides it, how to meet or explain it')
    .argument('<id>', 'checklist item id (F7) or requirement id (docs.install)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'));
  addCommonOptions(cmd);
  cmd.action(async (id: string, opts: CatalogueOptions & { lang?: string; format: 'text' | 'json' }) => {
    const catalogue = await loadCatalogue(opts);
    const lang = resolveLang(opts.lang);
    const json = opts.format === 'json';
    const item = catalogue.checklist.items.find((i) => i.id.toLowerCase() === id.toLowerCase());
    if (item) return emit(json ? toJson(explainItemData(item, catalogue, lang)) : explainItem(item, catalogue, lang), undefined);
    const req = catalogue.requirements.find((r) => r.id === id);
    if (!req) {
      const known = [...catalogue.checklist.items.map((i) => i.id), ...catalogue.requirements.map((r) => r.id)];
      throw new InputError(`unknown checklist item or requirement id "${id}"${didYouMean(id, known)}; see \`os2level levels\``, [], 'unknown-requirement-id');
    }
    await emit(json ? toJson(explainRequirementData(req, lang, catalogue)) : explainText(req, lang, catalogue), undefined);
  });
}

const toJson = (data: object): string => JSON.stringify(data, null, 2) + '\n';

/** Each checklist generation's number for some requirements (null where they are not on it). */
function history(catalogue: LevelCatalogue, refsOf: (generation: string) => string[]): Record<string, string[]> {
  return Object.fromEntries(catalogue.checklists.generations.map((g) => [g.id, refsOf(g.id)]));
}

/** `explain ITEM --format json`. */
export function explainItemData(item: ChecklistItemDef, catalogue: LevelCatalogue, lang: Lang): object {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  return {
    kind: 'item',
    id: item.id,
    checklist: catalogue.checklist.id,
    title: item.title[lang],
    titleDa: item.title.da,
    level: item.level,
    strength: item.strength,
    theme: item.theme,
    requirements: item.parts.map((p) => ({ id: p.id, title: byId.get(p.id)?.title[lang] ?? null, level: p.level, strength: p.strength, source: byId.get(p.id)?.source ?? null })),
    history: history(catalogue, (g) => [...new Set(item.parts.map((p) => byId.get(p.id)?.refs?.[g]).filter((x): x is string => Boolean(x)))]),
  };
}

/** `explain REQUIREMENT --format json`. */
export function explainRequirementData(r: Requirement, lang: Lang, catalogue: LevelCatalogue): object {
  const item = catalogue.checklist.items.find((i) => i.parts.some((p) => p.id === r.id));
  const part = item?.parts.find((p) => p.id === r.id);
  return {
    kind: 'requirement',
    id: r.id,
    title: r.title[lang],
    level: part?.level ?? r.level,
    strength: part?.strength ?? r.strength,
    area: r.area,
    theme: r.theme,
    source: r.source,
    item: item ? { id: item.id, checklist: catalogue.checklist.id, title: item.title[lang] } : null,
    evidence: r.evidence,
    description: r.description[lang].trim(),
    check: { kind: r.check.kind, params: r.check.params ?? {}, description: describeCheck(r.check, lang) },
    remediation: r.remediation[lang].trim(),
    note: r.note ? r.note[lang].trim() : null,
    history: history(catalogue, (g) => (r.refs?.[g] ? [r.refs[g]!] : [])),
  };
}

/** An item: OS2's title, where it sits, the requirements that decide it, and its number in every generation. */
export function explainItem(item: ChecklistItemDef, catalogue: LevelCatalogue, lang: Lang): string {
  const w = (k: keyof typeof words): string => words[k][lang];
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const lines = [
    `${item.id} · ${item.title[lang]}`,
    ...(lang === 'da' ? [] : [`     ${item.title.da}`]),
    '',
    `${w('level')}: ${levelName(item.level, lang)} (${phrase(item.strength, lang)})    ${w('theme')}: ${themeLabel[item.theme][lang]}    ${w('ref')}: ${catalogue.checklist.id}`,
    '',
    `${w('decidedBy')}:`,
  ];
  for (const p of item.parts) {
    const r = byId.get(p.id);
    const tags = [levelName(p.level, lang), phrase(p.strength, lang), r?.source === 'interpretation' ? phrase('interpretation', lang) : null].filter(Boolean).join(' · ');
    lines.push(`  ${p.id.padEnd(36)} ${r?.title[lang] ?? ''} [${tags}]`);
  }
  lines.push('', `${w('history')}:`);
  for (const g of catalogue.checklists.generations) {
    const ids = [...new Set(item.parts.map((p) => byId.get(p.id)?.refs?.[g.id]).filter(Boolean))];
    lines.push(`  ${g.id.padEnd(12)} ${ids.length ? ids.join(', ') : `— (${w('absent')})`}`);
  }
  lines.push('', w('more'));
  return lines.join('\n') + '\n';
}

export function explainText(r: Requirement, lang: Lang, catalogue?: LevelCatalogue): string {
  const w = (k: keyof typeof words): string => words[k][lang];
  const item = catalogue ? catalogue.checklist.items.find((i) => i.parts.some((p) => p.id === r.id)) : undefined;
  const part = item?.parts.find((p) => p.id === r.id);
  const level = part?.level ?? r.level;
  const strength = part?.strength ?? r.strength;
  const lines = [
    `${r.id} · ${r.title[lang]}`,
    '',
    `${w('level')}: ${levelName(level, lang)} (${phrase(strength, lang)})    ${w('area')}: ${areaLabel[r.area][lang]}    ${w('ref')}: ${item ? `${item.id} (${catalogue!.checklist.id}) ${item.title[lang]}` : '—'}`,
    `${w('source')}: ${r.source === 'os2' ? 'OS2' : phrase('interpretation', lang)}    ${w('evidence')}: ${r.evidence.join(', ')}`,
    '',
    r.description[lang].trim(),
    '',
    `${w('decided')}:`,
    ...describeCheck(r.check, lang).map((line) => `  ${line}`),
    '',
    `${w('how')}:`,
    `  ${r.remediation[lang].trim().replace(/\n/g, '\n  ')}`,
  ];
  if (r.note) lines.push('', `${w('note')}: ${r.note[lang].trim()}`);
  if (catalogue) {
    lines.push('', `${w('history')}:`);
    for (const g of catalogue.checklists.generations) lines.push(`  ${g.id.padEnd(12)} ${r.refs?.[g.id] ?? `— (${w('absent')})`}`);
  }
  lines.push(
    '',
    `${w('explainHow')}:`,
    '  explanations:',
    `    ${r.id}:`,
    `      reason: "…"            # ${w('reason')}`,
    `      approvedBy: "…"        # ${w('who')}`,
    '      expires: 2027-12-31',
    '',
    `${w('naHow')}:`,
    '  notApplicable:',
    `    ${r.id}: "…"             # ${w('naReason')}`,
  );
  return lines.join('\n') + '\n';
}
