/** The terminal report: summary, a progress bar per level, then gaps grouped by area with remediation. */
import { Chalk, type ChalkInstance } from 'chalk';
import { SATISFIES, type Outcome } from '../evaluate/types.js';
import type { Lang } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { AREAS, areaLabel, levelName, outcomeLabel, phrase } from '../report/ui.js';
import { message } from '../report/messages.js';
import type { Formatter } from './types.js';

const SYMBOL: Record<Outcome, string> = { pass: '✓', fail: '✗', explained: '≈', 'not-applicable': '–', unknown: '?', error: '!' };
const BAR_WIDTH = 20;

export const formatText: Formatter = (report, { color, verbose }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  return report.results.map((r) => formatResult(r, report.lang, c, verbose)).join('\n');
};

/** The one-line summary, e.g. "Reached N1 · N2: 4 of 19 must-requirements missing". */
export function summaryLine(r: RepositoryResult, lang: Lang): string {
  const head = r.achievedLevel === null ? phrase('notReached', lang) : phrase('reached', lang, { level: levelName(r.achievedLevel, lang) });
  if (r.nextLevel === null) return `${head} (${phrase('top', lang)})`;
  // Every level below the next one is met, so the whole gap lies on the next level.
  const total = r.progress.find((p) => p.level === r.nextLevel)?.mustTotal ?? 0;
  return `${head} · ${phrase('missing', lang, { next: levelName(r.nextLevel, lang), missing: r.gap.length, total })}`;
}

function colourOutcome(c: ChalkInstance, o: Outcome, s: string): string {
  switch (o) {
    case 'pass': return c.green(s);
    case 'fail': return c.red(s);
    case 'explained': case 'not-applicable': return c.cyan(s);
    case 'unknown': return c.yellow(s);
    case 'error': return c.magenta(s);
  }
}

function formatResult(r: RepositoryResult, lang: Lang, c: ChalkInstance, verbose: boolean): string {
  const out: string[] = [];
  out.push(c.bold(`os2level · ${r.productName ? `${r.productName} · ` : ''}${r.path}`));
  const target = r.targetLevel !== null ? c.dim(`  (${phrase('target', lang, { target: levelName(r.targetLevel, lang) })})`) : '';
  out.push(c.bold(summaryLine(r, lang)) + target);
  for (const n of r.notices) out.push(c.yellow(`! ${n.message}`));
  out.push('');
  for (const p of r.progress) {
    const filled = p.mustTotal ? Math.round((p.mustMet / p.mustTotal) * BAR_WIDTH) : BAR_WIDTH;
    const bar = c.green('█'.repeat(filled)) + c.dim('░'.repeat(BAR_WIDTH - filled));
    const name = levelName(p.level, lang).padEnd(8);
    out.push(`  ${name} ${bar}  ${p.mustMet}/${p.mustTotal} ${phrase('must', lang)}  ${p.shouldMet}/${p.shouldTotal} ${phrase('should', lang)}`);
  }
  // Disagreements between the manifest and the repository: after the summary, before the gaps.
  const consistency = r.consistency ?? [];
  if (consistency.length) {
    out.push('', c.bold.underline(message('consistency.heading', {}, lang)));
    for (const f of consistency) out.push(c.yellow(`  ≠ ${f.message}`));
  }

  const next = r.nextLevel ?? 3;
  const shown = (q: ReportRequirement): boolean =>
    verbose ||
    q.outcome === 'unknown' || q.outcome === 'error' || q.outcome === 'explained' || q.outcome === 'not-applicable' ||
    (q.level <= next && !SATISFIES.has(q.outcome)) ||
    (q.explanation?.expired ?? false);
  let hidden = 0;
  for (const area of AREAS) {
    const items = r.requirements.filter((q) => q.area === area);
    const visible = items.filter(shown);
    hidden += items.filter((q) => !shown(q) && !SATISFIES.has(q.outcome)).length;
    if (!visible.length) continue;
    out.push('', c.bold.underline(areaLabel[area][lang]));
    for (const q of visible) out.push(...formatRequirement(q, lang, c));
  }
  const met = r.requirements.filter((q) => q.outcome === 'pass').length;
  out.push('', c.dim(phrase('passes', lang, { count: met }) + (hidden ? ` · +${hidden} > ${levelName(next, lang)} (--verbose)` : '')));
  return out.join('\n') + '\n';
}

function formatRequirement(q: ReportRequirement, lang: Lang, c: ChalkInstance): string[] {
  const tag = `[${levelName(q.level, lang)} ${phrase(q.strength, lang)}${q.ref ? ` · ${q.ref}` : ''}${q.source === 'interpretation' ? ` · ${phrase('interpretation', lang)}` : ''}]`;
  const lines = [`  ${colourOutcome(c, q.outcome, SYMBOL[q.outcome])} ${c.bold(q.id)} ${c.dim(tag)} ${q.title}`];
  const basis = q.basis === 'declared' ? c.dim(` (${phrase('declared', lang)})`) : '';
  lines.push(`      ${q.message}${basis}`);
  for (const e of q.evidence.filter((x) => x.kind !== 'looked-for').slice(0, 3)) {
    const where = e.path ? `${e.path}${e.line ? `:${e.line}` : ''}` : '';
    lines.push(c.dim(`      · ${[where, e.value].filter((x) => x !== '' && x !== undefined).join(' ')}`));
  }
  for (const f of q.findings) lines.push(c.yellow(`      ! ${f.message}`));
  if (q.outcome === 'explained' && q.explanation) {
    const extra = [q.explanation.approvedBy && phrase('approvedBy', lang, { by: q.explanation.approvedBy }), q.explanation.expires && phrase('expires', lang, { date: q.explanation.expires })].filter(Boolean).join(', ');
    lines.push(c.cyan(`      ${phrase('explainedBy', lang, { reason: q.explanation.reason })}${extra ? ` (${extra})` : ''}`));
  } else if (q.explanation?.expired) {
    lines.push(c.yellow(`      ${phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason })}`));
  }
  if (q.outcome === 'not-applicable' && q.notApplicable) lines.push(c.cyan(`      ${phrase('notApplicable', lang, { reason: q.notApplicable.reason })}`));
  if (!SATISFIES.has(q.outcome)) lines.push(`      ${c.bold('→')} ${q.remediation.trim().replace(/\n+/g, ' ')}`);
  return lines;
}
