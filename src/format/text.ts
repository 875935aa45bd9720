/**
 * The terminal report, led by what blocks the next level: the summary in plain words, a bar per
 * level, then the next level's blockers item by item — must items first, then should items — with
 * the requirements behind each, what to do and `os2level explain ID`; what is explained, not
 * applicable or not decidable up to that level; and every later level folded into one line with
 * its count. `--verbose` adds OS2's whole checklist and every item in full; `--compact` prints one
 * line per item. On a terminal, lines wrap at its width between words, never inside one.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { SATISFIES, type ItemStatus, type Outcome } from '../evaluate/types.js';
import type { Lang } from '../levels/types.js';
import type { Report, ReportItem, ReportRequirement, RepositoryResult } from '../report/model.js';
import { THEMES, itemStatusLabel, levelName, phrase, themeLabel } from '../report/ui.js';
import { message } from '../report/messages.js';
import type { Formatter } from './types.js';
import { wrapText } from './wrap.js';

const SYMBOL: Record<Outcome, string> = { pass: '✓', fail: '✗', explained: '≈', 'not-applicable': '–', unknown: '?', error: '!' };
/** Distinct without colour too: green ✓, yellow ◐, red ✗, grey –, no light ?. */
export const ITEM_SYMBOL: Record<ItemStatus, string> = { met: '✓', 'partly-met': '◐', 'not-met': '✗', 'not-relevant': '–', unknown: '?' };
const BAR_WIDTH = 20;

export const formatText: Formatter = (report, { color, verbose, compact, width }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  if (compact) return report.results.map((r) => formatCompact(r, report, c)).join('\n');
  return wrapText(report.results.map((r) => formatResult(r, report, c, verbose)).join('\n'), width);
};

/** A level in a sentence: "the minimum level" or "N2". */
const levelWords = (level: number, lang: Lang): string => (level === 0 ? phrase('levelLong', lang) : levelName(level, lang));

/** The one-line summary in plain words, e.g. "Reached N1; for N2, 4 of 12 must items are not met yet". */
export function summaryLine(r: RepositoryResult, lang: Lang): string {
  if (r.nextLevel === null) return phrase('summaryTop', lang, { level: levelWords(r.achievedLevel ?? 3, lang) });
  // Every level below the next one is met, so the whole gap lies on the next level.
  const total = r.progress.find((p) => p.level === r.nextLevel)?.mustTotal ?? 0;
  const missing = r.gapItems.length;
  if (r.achievedLevel === null) return phrase('summaryNotReached', lang, { missing, total });
  return phrase('summaryReached', lang, { level: levelWords(r.achievedLevel, lang), next: levelName(r.nextLevel, lang), missing, total });
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

function header(r: RepositoryResult, c: ChalkInstance, lang: Lang): string[] {
  const target = r.targetLevel !== null ? c.dim(`  (${phrase('target', lang, { target: levelName(r.targetLevel, lang) })})`) : '';
  return [c.bold(`os2level · ${r.productName ? `${r.productName} · ` : ''}${r.path}`), c.bold(summaryLine(r, lang)) + target, ...r.notices.map((n) => c.yellow(`! ${n.message}`))];
}

/** The next level's blockers first (must items, then should items), then the rest in OS2's order. */
function itemOrder(r: RepositoryResult): ReportItem[] {
  const rank = (i: ReportItem): number => (r.gapItems.includes(i.id) ? (i.strength === 'must' ? 0 : 1) : r.recommendationItems.includes(i.id) ? 2 : 3);
  return THEMES.flatMap((t) => r.items.filter((i) => i.theme === t)).map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n).map((x) => x.item);
}

/** One line per item, like a linter's summary. */
function formatCompact(r: RepositoryResult, report: Report, c: ChalkInstance): string {
  const lang = report.lang;
  const out = header(r, c, lang);
  const statusWidth = Math.max(...Object.values(itemStatusLabel).map((t) => t[lang].length));
  for (const i of itemOrder(r)) {
    const open = i.status !== 'met' && i.status !== 'not-relevant';
    const tag = levelTag(i.level, i.strength, lang).padEnd(12);
    const status = itemStatusLabel[i.status][lang].padEnd(statusWidth);
    out.push(`${colourItem(c, i.status, `${ITEM_SYMBOL[i.status]} ${i.id.padEnd(3)}`)}  ${c.dim(tag)}  ${colourItem(c, i.status, status)}  ${i.title}${open ? c.dim(`  · os2level explain ${i.id}`) : ''}`);
  }
  return out.join('\n') + '\n';
}

function formatResult(r: RepositoryResult, report: Report, c: ChalkInstance, verbose: boolean): string {
  const lang = report.lang;
  const out = header(r, c, lang);
  out.push('');
  for (const p of r.progress) {
    const filled = p.mustTotal ? Math.round((p.mustMet / p.mustTotal) * BAR_WIDTH) : BAR_WIDTH;
    // Green only for levels reached; the next level in yellow; higher levels dimmed.
    const reached = r.achievedLevel !== null && p.level <= r.achievedLevel;
    const paint = reached ? c.green : p.level === r.nextLevel ? c.yellow : c.dim;
    const bar = paint('█'.repeat(filled)) + c.dim('░'.repeat(BAR_WIDTH - filled));
    // The level's name carries its state too, so an empty bar still shows which level is next.
    const name = paint(levelName(p.level, lang).padEnd(8));
    out.push(`  ${name} ${bar}  ${phrase(p.shouldTotal ? 'barCounts' : 'barCountsMust', lang, { ...p })}`);
  }

  if (verbose) {
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
  const shownItems = new Set<string>();
  if (next !== null) {
    // Must items first, then the should items of the next level (its recommendations).
    const mustItems = r.gapItems.map((id) => itemById.get(id)!).sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'must' ? -1 : 1));
    if (mustItems.length) {
      out.push('', c.bold.underline(phrase('gapMustHeading', lang, { next: levelName(next, lang) })));
      for (const i of mustItems) {
        shownItems.add(i.id);
        out.push(...formatItem(i, (q) => verbose || gap.has(q.id) || recs.has(q.id), byId, lang, c));
      }
    }
    const shouldItems = r.recommendationItems.filter((id) => !shownItems.has(id)).map((id) => itemById.get(id)!);
    if (shouldItems.length) {
      out.push('', c.bold.underline(phrase('gapShouldHeading', lang, { next: levelName(next, lang) })));
      for (const i of shouldItems) {
        shownItems.add(i.id);
        out.push(...formatItem(i, (q) => verbose || recs.has(q.id), byId, lang, c));
      }
    }
  }

  // Settled by a declaration, or not decidable, up to the next level: shown so nobody mistakes them for passes.
  const shownAbove = new Set([...gap, ...recs]);
  const upToNext = (q: ReportRequirement): boolean => next === null || q.level <= next;
  const noted = r.requirements.filter((q) =>
    !shownAbove.has(q.id) && q.item !== null && upToNext(q) &&
    (q.outcome === 'explained' || q.outcome === 'not-applicable' || q.outcome === 'unknown' || q.outcome === 'error' || (q.explanation?.expired ?? false)));
  if (verbose) {
    for (const theme of THEMES) {
      for (const i of r.items.filter((x) => x.theme === theme && !shownItems.has(x.id))) out.push(...formatItem(i, () => true, byId, lang, c));
    }
  } else {
    if (noted.length) {
      out.push('', c.bold.underline(phrase('settledHeading', lang)));
      for (const q of noted) out.push(...formatRequirement(q, lang, c, '  '));
    }
    // Later levels, folded: one line each with how many of their items are not met.
    // Counted as the bars count them.
    const later = r.progress
      .filter((p) => next !== null && p.level > next)
      .map((p) => ({ level: levelName(p.level, lang), must: p.mustTotal - p.mustMet, should: p.shouldTotal - p.shouldMet }))
      .filter((l) => l.must + l.should > 0);
    if (later.length) {
      out.push('', c.bold.underline(phrase('laterHeading', lang)));
      for (const l of later) out.push(c.dim(`  ${phrase(l.should ? 'laterLevel' : 'laterLevelMust', lang, l)}`));
    }
  }
  const outside = r.requirements.filter((q) => q.item === null);
  if (outside.length) {
    out.push('', c.bold.underline(phrase('outsideChecklist', lang, { checklist: report.checklist.id })));
    for (const q of outside) out.push(...(verbose ? formatRequirement(q, lang, c, '  ') : [`  ${colourOutcome(c, q.outcome, SYMBOL[q.outcome])} ${q.id}  ${c.dim(q.title)}`]));
  }

  const met = r.items.filter((i) => i.status === 'met').length;
  const footer = [phrase('itemsMet', lang, { met, total: r.items.length }), phrase('passes', lang, { count: r.requirements.filter((q) => q.outcome === 'pass').length })];
  out.push('', c.dim(footer.join(' · ')));
  return out.join('\n') + '\n';
}

/** An item with the requirements behind it that `show` selects, ending with where to read more. */
function formatItem(item: ReportItem, show: (q: ReportRequirement) => boolean, byId: Map<string, ReportRequirement>, lang: Lang, c: ChalkInstance): string[] {
  const head = `  ${colourItem(c, item.status, `${ITEM_SYMBOL[item.status]} ${item.id}`)} ${c.bold(item.title)} ${c.dim(`[${levelTag(item.level, item.strength, lang)}]`)} ${colourItem(c, item.status, itemStatusLabel[item.status][lang])}`;
  const lines = [head];
  // Must requirements before should requirements.
  const shown = item.requirements.flatMap((id) => byId.get(id) ?? []).filter(show).sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'must' ? -1 : 1));
  for (const q of shown) lines.push(...formatRequirement(q, lang, c, '    '));
  lines.push(c.dim(`    ${phrase('explainItem', lang, { id: item.id })}`));
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
    // A manifest field is shown by its name; a file by path and line.
    const where = e.path ? `${e.path}${e.line && e.kind !== 'declared' ? `:${e.line}` : ''}` : '';
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
