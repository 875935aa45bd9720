/**
 * The terminal report, led by OS2's checklist: the summary, a bar per level counting must items,
 * every item in OS2's colours, then what blocks the next level item by item, with the requirements
 * behind each and what to do.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { SATISFIES, type ItemStatus, type Outcome } from '../evaluate/types.js';
import type { Lang } from '../levels/types.js';
import type { Report, ReportItem, ReportRequirement, RepositoryResult } from '../report/model.js';
import { THEMES, itemStatusLabel, levelName, phrase, themeLabel } from '../report/ui.js';
import { message } from '../report/messages.js';
import type { Formatter } from './types.js';

const SYMBOL: Record<Outcome, string> = { pass: '✓', fail: '✗', explained: '≈', 'not-applicable': '–', unknown: '?', error: '!' };
/** Distinct without colour too: green ✓, yellow ◐, red ✗, grey –, no light ?. */
const ITEM_SYMBOL: Record<ItemStatus, string> = { met: '✓', 'partly-met': '◐', 'not-met': '✗', 'not-relevant': '–', unknown: '?' };
const BAR_WIDTH = 20;

export const formatText: Formatter = (report, { color, verbose }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  return report.results.map((r) => formatResult(r, report, c, verbose)).join('\n');
};

/** The one-line summary, e.g. "Reached N1 · N2: 4 of 12 must items not met". */
export function summaryLine(r: RepositoryResult, lang: Lang): string {
  const head = r.achievedLevel === null ? phrase('notReached', lang) : phrase('reached', lang, { level: levelName(r.achievedLevel, lang) });
  if (r.nextLevel === null) return `${head} (${phrase('top', lang)})`;
  // Every level below the next one is met, so the whole gap lies on the next level.
  const total = r.progress.find((p) => p.level === r.nextLevel)?.mustTotal ?? 0;
  return `${head} · ${phrase('missing', lang, { next: levelName(r.nextLevel, lang), missing: r.gapItems.length, total })}`;
}

export function colourItem(c: ChalkInstance, status: ItemStatus, s: string): string {
  switch (status) {
    case 'met': return c.green(s);
    case 'partly-met': return c.yellow(s);
    case 'not-met': return c.red(s);
    case 'not-relevant': return c.gray(s);
    case 'unknown': return s;
  }
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

const levelTag = (level: number, strength: 'must' | 'should', lang: Lang): string => `${levelName(level, lang)} ${phrase(strength, lang)}`;

function formatResult(r: RepositoryResult, report: Report, c: ChalkInstance, verbose: boolean): string {
  const lang = report.lang;
  const out: string[] = [];
  out.push(c.bold(`os2level · ${r.productName ? `${r.productName} · ` : ''}${r.path}`));
  const target = r.targetLevel !== null ? c.dim(`  (${phrase('target', lang, { target: levelName(r.targetLevel, lang) })})`) : '';
  out.push(c.bold(summaryLine(r, lang)) + target);
  for (const n of r.notices) out.push(c.yellow(`! ${n.message}`));
  out.push('');
  for (const p of r.progress) {
    const filled = p.mustTotal ? Math.round((p.mustMet / p.mustTotal) * BAR_WIDTH) : BAR_WIDTH;
    // Green only for levels reached; the next level in yellow; higher levels dimmed.
    const reached = r.achievedLevel !== null && p.level <= r.achievedLevel;
    const paint = reached ? c.green : p.level === r.nextLevel ? c.yellow : c.dim;
    const bar = paint('█'.repeat(filled)) + c.dim('░'.repeat(BAR_WIDTH - filled));
    const name = levelName(p.level, lang).padEnd(8);
    out.push(`  ${name} ${bar}  ${p.mustMet}/${p.mustTotal} ${phrase('must', lang)}  ${p.shouldMet}/${p.shouldTotal} ${phrase('should', lang)}`);
  }

  // The checklist itself, item by item in OS2's order and colours.
  out.push('', c.bold.underline(phrase('checklistHeading', lang, { checklist: report.checklist.id })));
  for (const theme of THEMES) {
    const items = r.items.filter((i) => i.theme === theme);
    if (!items.length) continue;
    out.push(`  ${c.bold(themeLabel[theme][lang])}`);
    for (const i of items) {
      const tag = c.dim(levelTag(i.level, i.strength, lang));
      out.push(`    ${colourItem(c, i.status, `${ITEM_SYMBOL[i.status]} ${i.id.padEnd(3)}`)} ${i.title}  ${tag}  ${colourItem(c, i.status, itemStatusLabel[i.status][lang])}`);
    }
  }

  // Disagreements between the manifest and the repository: before the gaps.
  const consistency = r.consistency ?? [];
  if (consistency.length) {
    out.push('', c.bold.underline(message('consistency.heading', {}, lang)));
    for (const f of consistency) out.push(c.yellow(`  ≠ ${f.message}`));
  }

  const byId = new Map(r.requirements.map((q) => [q.id, q]));
  const itemById = new Map(r.items.map((i) => [i.id, i]));
  const next = r.nextLevel;
  const gap = new Set(r.gap);
  const recs = new Set(r.recommendations);
  if (next !== null && r.gapItems.length) {
    out.push('', c.bold.underline(phrase('gapHeading', lang, { next: levelName(next, lang) })));
    for (const id of r.gapItems) out.push(...formatItem(itemById.get(id)!, (q) => verbose || gap.has(q.id), byId, lang, c));
  }
  if (r.recommendationItems.length) {
    out.push('', c.bold.underline(phrase('recommendations', lang)));
    for (const id of r.recommendationItems) {
      // An item already listed under the gap is not repeated in full.
      if (r.gapItems.includes(id) && verbose) continue;
      out.push(...formatItem(itemById.get(id)!, (q) => verbose || recs.has(q.id), byId, lang, c));
    }
  }

  // Settled by a declaration, or not decidable: shown so nobody mistakes them for passes.
  const shownAbove = new Set([...gap, ...recs]);
  const noted = r.requirements.filter((q) =>
    !shownAbove.has(q.id) &&
    (q.outcome === 'explained' || q.outcome === 'not-applicable' || q.outcome === 'unknown' || q.outcome === 'error' || (q.explanation?.expired ?? false)));
  const above = r.requirements.filter((q) => !shownAbove.has(q.id) && q.item !== null && q.outcome === 'fail');
  if (verbose) {
    for (const theme of THEMES) {
      for (const i of r.items.filter((x) => x.theme === theme && !r.gapItems.includes(x.id) && !r.recommendationItems.includes(x.id))) {
        out.push(...formatItem(i, () => true, byId, lang, c));
      }
    }
  } else if (noted.length) {
    out.push('');
    for (const q of noted) out.push(...formatRequirement(q, lang, c, '  '));
  }
  const outside = r.requirements.filter((q) => q.item === null);
  if (outside.length) {
    out.push('', c.bold.underline(phrase('outsideChecklist', lang, { checklist: report.checklist.id })));
    for (const q of outside) out.push(...(verbose ? formatRequirement(q, lang, c, '  ') : [`  ${colourOutcome(c, q.outcome, SYMBOL[q.outcome])} ${q.id}  ${c.dim(q.title)}`]));
  }

  const met = r.items.filter((i) => i.status === 'met').length;
  const footer = [phrase('itemsMet', lang, { met, total: r.items.length }), phrase('passes', lang, { count: r.requirements.filter((q) => q.outcome === 'pass').length })];
  if (!verbose && above.length && next !== null) footer.push(phrase('moreAbove', lang, { count: above.length, next: levelName(next, lang) }));
  out.push('', c.dim(footer.join(' · ')));
  const hint = r.gapItems[0] ?? r.recommendationItems[0];
  if (hint) out.push(c.dim(phrase('explainHint', lang, { id: hint })));
  return out.join('\n') + '\n';
}

/** An item with the requirements behind it that `show` selects. */
function formatItem(item: ReportItem, show: (q: ReportRequirement) => boolean, byId: Map<string, ReportRequirement>, lang: Lang, c: ChalkInstance): string[] {
  const head = `  ${colourItem(c, item.status, `${ITEM_SYMBOL[item.status]} ${item.id}`)} ${c.bold(item.title)} ${c.dim(`[${levelTag(item.level, item.strength, lang)}]`)} ${colourItem(c, item.status, itemStatusLabel[item.status][lang])}`;
  const lines = [head];
  for (const id of item.requirements) {
    const q = byId.get(id);
    if (q && show(q)) lines.push(...formatRequirement(q, lang, c, '    '));
  }
  return lines;
}

function formatRequirement(q: ReportRequirement, lang: Lang, c: ChalkInstance, indent: string): string[] {
  const tag = `[${[levelTag(q.level, q.strength, lang), q.item, q.source === 'interpretation' ? phrase('interpretation', lang) : null].filter(Boolean).join(' · ')}]`;
  const lines = [`${indent}${colourOutcome(c, q.outcome, SYMBOL[q.outcome])} ${c.bold(q.id)} ${c.dim(tag)} ${q.title}`];
  const basis = q.basis === 'declared' ? c.dim(` (${phrase('declared', lang)})`) : '';
  const partial = q.partial ? c.yellow(` (${phrase('partlyMet', lang).toLowerCase()})`) : '';
  const more = `${indent}    `;
  lines.push(`${more}${q.message}${basis}${partial}`);
  for (const e of q.evidence.filter((x) => x.kind !== 'looked-for').slice(0, 3)) {
    const where = e.path ? `${e.path}${e.line ? `:${e.line}` : ''}` : '';
    lines.push(c.dim(`${more}· ${[where, e.value].filter((x) => x !== '' && x !== undefined).join(' ')}`));
  }
  for (const f of q.findings) lines.push(c.yellow(`${more}! ${f.message}`));
  if (q.outcome === 'explained' && q.explanation) {
    const extra = [q.explanation.approvedBy && phrase('approvedBy', lang, { by: q.explanation.approvedBy }), q.explanation.expires && phrase('expires', lang, { date: q.explanation.expires })].filter(Boolean).join(', ');
    lines.push(c.cyan(`${more}${phrase('explainedBy', lang, { reason: q.explanation.reason })}${extra ? ` (${extra})` : ''}`));
  } else if (q.explanation?.expired) {
    lines.push(c.yellow(`${more}${phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason })}`));
  }
  if (q.outcome === 'not-applicable' && q.notApplicable) lines.push(c.cyan(`${more}${phrase('notApplicable', lang, { reason: q.notApplicable.reason })}`));
  if (!SATISFIES.has(q.outcome)) lines.push(`${more}${c.bold('→')} ${q.remediation.trim().replace(/\n+/g, ' ')}`);
  return lines;
}
