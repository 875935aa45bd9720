/** What `init` wrote and where each value came from; words in Danish or English. */
import { formatImportText } from '../governanceReport/format.js';
import { fillIn } from '../governanceReport/messages.js';
import type { Lang, Text } from '../levels/types.js';
import type { InitResult } from './init.js';

const W = {
  wrote: { da: 'Skrev {file}:', en: 'Wrote {file}:' },
  from: { da: 'fra', en: 'from' },
  report: { da: 'Governancerapport i repositoriet: {path}', en: 'Governance report in the repository: {path}' },
  next: {
    da: 'Udfyld de udkommenterede afsnit, og kør derefter: os2level check',
    en: 'Fill in the commented-out sections, then run: os2level check',
  },
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
