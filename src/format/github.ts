/**
 * GitHub Actions: log annotations for what blocks the gate, and the rest in the job summary.
 *
 * GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the annotations are
 * chosen and ordered: what fails the gate level (`--min-level`, else the next level) comes first
 * as `::error` (must before should, lower levels first, then OS2's order); should-requirements at
 * or below the gate level are `::warning`; what lies above the gate is `::notice`. At most 10 of
 * each, each on the evidence file and line when one is known. One closing `::notice` per
 * repository states the level reached and how many findings only the job summary holds.
 *
 * The job summary is the Markdown view plus a table of every requirement not met with where it
 * points. The CLI appends it to `$GITHUB_STEP_SUMMARY` when that is set; otherwise this view
 * prints it after the annotations.
 */
import type { Lang } from '../levels/types.js';
import { message } from '../report/messages.js';
import type { Report, ReportRequirement, RepositoryResult } from '../report/model.js';
import { levelName, phrase } from '../report/ui.js';
import { evidenceLocation, manifestLocation } from './evidenceLocation.js';
import { atOrBelow, blocksGate, gateOf, type GateView } from './gate.js';
import { cell, formatMarkdown } from './markdown.js';
import { summaryLine } from './text.js';
import type { FormatContext, Formatter } from './types.js';

type Command = 'error' | 'warning' | 'notice';

/** GitHub's display limit per severity and step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** A command's message: `%`, CR and LF must be escaped or the runner cuts the message short. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value (file, title): additionally `:` and `,`, which delimit properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function workflowCommand(command: Command, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const SEVERITY: Record<Command, number> = { error: 0, warning: 1, notice: 2 };

/** Every requirement to annotate, in annotation order: severity, must before should, level, OS2's order. */
function openRequirements(result: RepositoryResult, gate: GateView): { q: ReportRequirement; command: Command }[] {
  const order = new Map(result.items.map((i, n) => [i.id, n]));
  const rank = (q: ReportRequirement, command: Command, n: number): number[] =>
    [SEVERITY[command], q.strength === 'must' ? 0 : 1, q.level, q.item ? order.get(q.item) ?? order.size : order.size, n];
  return result.requirements
    .map((q, n) => ({ q, n, command: commandFor(q, gate) }))
    .filter((x): x is { q: ReportRequirement; n: number; command: Command } => x.command !== null)
    .map((x) => ({ ...x, rank: rank(x.q, x.command, x.n) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ q, command }) => ({ q, command }));
}

/** The annotations, capped per severity, and one closing notice per repository. */
export function githubAnnotations(report: Report, ctx: Pick<FormatContext, 'gate'>): string {
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  // The closing notices are always written; they take their share of the notice limit first.
  used.notice = Math.min(report.results.length, ANNOTATIONS_PER_SEVERITY);
  const lines: string[] = [];
  for (const result of report.results) {
    const lang = report.lang;
    const candidates = openRequirements(result, gateOf(result, ctx)).map(({ q, command }) => ({ command, line: annotation(command, q, result, lang) }));
    // Where os2.yaml/publiccode.yml and the repository disagree: a warning on the manifest, after the requirements' warnings.
    const where = manifestLocation(result);
    const title = message('consistency.heading', {}, lang);
    const consistency = (result.consistency ?? []).map((f) => ({ command: 'warning' as const, line: workflowCommand('warning', { file: where?.path, title }, f.message) }));
    const firstNotice = candidates.findIndex((c) => c.command === 'notice');
    candidates.splice(firstNotice < 0 ? candidates.length : firstNotice, 0, ...consistency);
    let omitted = 0;
    for (const c of candidates) {
      if (used[c.command] >= ANNOTATIONS_PER_SEVERITY) {
        omitted++;
        continue;
      }
      used[c.command]++;
      lines.push(c.line);
    }
    const close = [summaryLine(result, lang)];
    if (omitted) close.push(phrase('githubOmitted', lang, { count: omitted }));
    lines.push(workflowCommand('notice', { title: `os2level${result.productName ? ` · ${result.productName}` : ''}` }, close.join('\n')));
  }
  return lines.join('\n') + '\n';
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Explained and not-applicable requirements are settled and stay quiet. */
function commandFor(q: ReportRequirement, gate: GateView): Command | null {
  if (q.outcome !== 'fail' && q.outcome !== 'error' && q.outcome !== 'unknown') return null;
  if (blocksGate(q, gate)) return 'error';
  if (atOrBelow(q, gate)) return 'warning';
  return 'notice';
}

function annotation(command: Command, q: ReportRequirement, result: RepositoryResult, lang: Lang): string {
  const where = evidenceLocation(q, result);
  const parts = [q.message, ...q.findings.map((f) => f.message)];
  if (q.explanation?.expired) parts.push(phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason }));
  parts.push(`${phrase('remedy', lang)}: ${q.remediation.trim()}`);
  parts.push(phrase('explainHint', lang, { id: q.item ?? q.id }));
  return workflowCommand(command, { file: where?.path, line: where?.line, title: `${q.item ? `${q.item} · ` : ''}${q.id}: ${q.title}` }, parts.join('\n'));
}

/** The job summary: the Markdown view, then every requirement not met, what blocks the gate first. */
export function githubSummary(report: Report, ctx: FormatContext): string {
  const out = [formatMarkdown(report, ctx)];
  const lang = report.lang;
  for (const result of report.results) {
    const gate = gateOf(result, ctx);
    const open = openRequirements(result, gate);
    if (!open.length) continue;
    const heading = gate.level === null ? phrase('githubAllOpen', lang) : phrase('githubOpenHeading', lang, { level: levelName(gate.level, lang) });
    out.push(`#### ${cell(heading)}${report.results.length > 1 && result.productName ? ` · ${cell(result.productName)}` : ''}`, '');
    out.push(`| | ${phrase('colItem', lang)} | ${phrase('colRequirementTitle', lang)} | ${phrase('colLevel', lang)} | ${phrase('colWhere', lang)} | ${phrase('colFinding', lang)} |`, '|:-:|---|---|---|---|---|');
    for (const { q, command } of open) {
      const where = evidenceLocation(q, result);
      const mark = command === 'error' ? '❌' : command === 'warning' ? '⚠️' : 'ℹ️';
      const loc = where ? `\`${cell(where.path)}${where.line ? `:${where.line}` : ''}\`` : '';
      out.push(`| ${mark} | ${q.item ?? ''} | \`${q.id}\` ${cell(q.title)} | ${levelName(q.level, lang)} ${phrase(q.strength, lang)} | ${loc} | ${cell(q.message)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Annotations, then the job summary (printed here when `$GITHUB_STEP_SUMMARY` is not set). */
export const formatGithub: Formatter = (report, ctx) => `${githubAnnotations(report, ctx)}\n${githubSummary(report, ctx)}`;
