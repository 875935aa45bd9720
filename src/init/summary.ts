/** What `init` wrote and where each value came from; words in Danish or English. */
import { formatImportText } from '../governanceReport/format.js';
import { fillIn } from '../governanceReport/messages.js';
import type { Lang, Text } from '../levels/types.js';
import type { ManifestGaps } from './fillGaps.js';
import type { InitResult } from './init.js';

const W = {
  wrote: { da: 'Skrev {file}:', en: 'Wrote {file}:' },
  from: { da: 'fra', en: 'from' },
  report: { da: 'Governancerapport i repositoriet: {path}', en: 'Governance report in the repository: {path}' },
  next: {
    da: 'Udfyld de udkommenterede afsnit, og kør derefter: os2level check',
    en: 'Fill in the commented-out sections, then run: os2level check',
  },
  added: { da: 'Tilføjede til {file} (intet, der stod der, er ændret):', en: 'Added to {file} (nothing that was there was changed):' },
  upToDate: { da: '{file} har allerede alt, init kan udfylde.', en: '{file} already has everything init can fill in.' },
  differs: { da: 'Efterladt som skrevet (init ville skrive noget andet):', en: 'Left as written (init would write something else):' },
} satisfies Record<string, Text>;

export function formatInitSummary(result: InitResult, file: string, lang: Lang): string {
  const out = [fillIn(W.wrote[lang], { file })];
  for (const f of result.filled) out.push(`  ${f.path.padEnd(28)} ${W.from[lang]} ${f.source}`);
  if (result.report) {
    out.push('', fillIn(W.report[lang], { path: result.report.path }));
    const text = formatImportText({ plan: result.report.plan, manifestPath: file, merge: result.report.merge, written: true, created: false, force: false, context: 'init' }, lang);
    out.push(...text.trimEnd().split('\n').map((l) => `  ${l}`));
  }
  out.push('', W.next[lang]);
  return out.join('\n') + '\n';
}

const shown = (v: unknown): string => {
  const t = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
};

/** What `init` added to an existing os2.yaml, and what it left as written. */
export function formatGapSummary(gaps: ManifestGaps, file: string, lang: Lang): string {
  const out = [fillIn(gaps.added.length ? W.added[lang] : W.upToDate[lang], { file })];
  for (const p of gaps.added) out.push(`  ${p}`);
  if (gaps.differs.length) {
    out.push('', W.differs[lang]);
    for (const d of gaps.differs) out.push(`  ${d.path}: "${shown(d.current)}" (init: "${shown(d.proposed)}")`);
  }
  return out.join('\n') + '\n';
}
