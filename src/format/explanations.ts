/**
 * `check --explanations`: every comply-or-explain explanation in os2.yaml, for a steering group to
 * review — which requirement, its outcome now, the reason, who approved it and when, how old it is,
 * and when it expires (an expired explanation counts as missing and is flagged). A view over the
 * report like the formatters, but a different listing, so it is not one of the `--format` choices.
 */
import { isAbsolute, relative } from 'node:path';
import type { ExplanationState } from '../evaluate/types.js';
import type { Lang, LevelNumber, Strength } from '../levels/types.js';
import type { Report, ReportRequirement, RepositoryResult } from '../report/model.js';
import { outcomeLabel, phrase, type Phrase } from '../report/ui.js';

/** One explanation as `check --explanations --format json` lists it: the requirement, then its explanation state. */
export type ExplanationEntry = { path: string } & Pick<ReportRequirement, 'id' | 'title' | 'level' | 'strength' | 'outcome'> & ExplanationState;

export function explanationEntries(report: Report): ExplanationEntry[] {
  return report.results.flatMap((r) =>
    r.requirements.flatMap((q) =>
      q.explanation
        ? [{
            path: r.path, id: q.id, title: q.title, level: q.level, strength: q.strength, outcome: q.outcome,
            ...q.explanation,
          }]
        : [],
    ),
  );
}

export const formatExplanationsJson = (report: Report): string => JSON.stringify(explanationEntries(report), null, 2) + '\n';

export const formatExplanationsText = (report: Report): string =>
  report.results.map((r) => resultTable(r, explanationEntries({ ...report, results: [r] }), report.lang)).join('\n');

const COLUMNS: Phrase[] = ['colRequirement', 'colOutcome', 'colApprovedBy', 'colApprovedOn', 'colAge', 'colExpires'];

function resultTable(r: RepositoryResult, entries: ExplanationEntry[], lang: Lang): string {
  const inRepo = r.manifest ? relative(r.path, r.manifest) : '';
  const manifest = !r.manifest ? 'os2.yaml' : inRepo && !inRepo.startsWith('..') && !isAbsolute(inRepo) ? inRepo : r.manifest;
  if (entries.length === 0) return phrase('explanationsNone', lang, { manifest }) + '\n';
  const dash = '—';
  const rows = entries.map((e) => [
    e.id,
    outcomeLabel[e.outcome][lang],
    e.approvedBy ?? dash,
    e.approvedOn ?? dash,
    e.ageDays === null ? dash : String(e.ageDays),
    e.expires === null ? dash : e.expired ? `${e.expires} ${phrase('expiredFlag', lang)}` : e.expires,
  ]);
  const header = COLUMNS.map((k) => phrase(k, lang));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [phrase('explanationsHeading', lang, { manifest, count: entries.length }), '', line(header), line(widths.map((w) => '-'.repeat(w)))];
  entries.forEach((e, i) => {
    out.push(line(rows[i]!));
    out.push(`    ${e.title}`);
    out.push(`    ${phrase('reason', lang)}: ${e.reason.replace(/\s+/g, ' ')}`);
  });
  const expired = entries.filter((e) => e.expired).length;
  if (expired) out.push('', phrase('explanationsExpired', lang, { count: expired }));
  return out.join('\n') + '\n';
}
