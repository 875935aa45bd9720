import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { Lang, Requirement } from '../../levels/types.js';
import { areaLabel, levelName, phrase } from '../../report/ui.js';
import { didYouMean } from '../../yaml/didYouMean.js';
import { emit } from '../output.js';
import { addCommonOptions, loadCatalogue, resolveLang } from './shared.js';

const words = {
  level: { en: 'Level', da: 'Niveau' },
  area: { en: 'Area', da: 'Område' },
  ref: { en: 'OS2 checklist', da: 'OS2-tjekliste' },
  source: { en: 'Source', da: 'Kilde' },
  evidence: { en: 'Evidence', da: 'Grundlag' },
  decided: { en: 'Decided by', da: 'Afgøres af' },
  how: { en: 'How to meet it', da: 'Sådan opfyldes kravet' },
  explainHow: { en: 'Cannot meet it? Comply or explain in os2.yaml', da: 'Kan kravet ikke opfyldes? Følg eller forklar i os2.yaml' },
  naHow: { en: 'Not relevant for the product? Say so in os2.yaml', da: 'Ikke relevant for produktet? Skriv det i os2.yaml' },
  note: { en: 'Note', da: 'Bemærk' },
  reason: { en: 'why the requirement is not met', da: 'hvorfor kravet ikke er opfyldt' },
  who: { en: 'who approved the explanation', da: 'hvem der har godkendt forklaringen' },
  naReason: { en: 'why it does not apply', da: 'hvorfor det ikke er relevant' },
} as const;

export function registerExplain(program: Command): void {
  const cmd = program
    .command('explain')
    .description('explain one requirement: what OS2 asks, how the tool decides it, how to meet or explain it')
    .argument('<id>', 'requirement id, e.g. docs.install');
  addCommonOptions(cmd);
  cmd.action(async (id: string, opts: { lang?: string; levels?: string }) => {
    const catalogue = await loadCatalogue(opts.levels);
    const req = catalogue.requirements.find((r) => r.id === id);
    if (!req) {
      throw new InputError(`unknown requirement id "${id}"${didYouMean(id, catalogue.requirements.map((r) => r.id))}; see \`os2level levels\``, [], 'unknown-requirement-id');
    }
    await emit(explainText(req, resolveLang(opts.lang)), undefined);
  });
}

export function explainText(r: Requirement, lang: Lang): string {
  const w = (k: keyof typeof words): string => words[k][lang];
  const lines = [
    `${r.id} · ${r.title[lang]}`,
    '',
    `${w('level')}: ${levelName(r.level, lang)} (${phrase(r.strength, lang)})    ${w('area')}: ${areaLabel[r.area][lang]}    ${w('ref')}: ${r.ref ?? '—'}`,
    `${w('source')}: ${r.source === 'os2' ? 'OS2' : phrase('interpretation', lang)}    ${w('evidence')}: ${r.evidence.join(', ')}`,
    '',
    r.description[lang].trim(),
    '',
    `${w('decided')}: ${r.check.kind} ${JSON.stringify(r.check.params ?? {})}`,
    '',
    `${w('how')}:`,
    `  ${r.remediation[lang].trim().replace(/\n/g, '\n  ')}`,
  ];
  if (r.note) lines.push('', `${w('note')}: ${r.note[lang].trim()}`);
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
