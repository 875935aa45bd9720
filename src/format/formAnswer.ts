/**
 * What OS2's own forms (the governance report template, the 2026 self-evaluation and the
 * secretariat's evaluation) can say about an item: yes, partly, no, not relevant, planned, in
 * doubt, or nothing yet. The forms are filled in by people; os2level pre-fills what the report
 * decides and repeats what the product's own governance report answered where the repository and
 * os2.yaml left the item open. An item whose open parts nobody has answered (no declaration in
 * os2.yaml, nothing the repository can show, no answer in the product's report) stays open: the
 * form's empty cell, never "no".
 */
import { isAbsolute } from 'node:path';
import { SATISFIES } from '../evaluate/types.js';
import type { ReportStatus } from '../governanceReport/types.js';
import type { Lang, Text } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { phrase } from '../report/ui.js';
import { documentationOf, type ChecklistItem } from './checklist.js';
import { evidenceLocation } from './evidenceLocation.js';

export type FormAnswer = 'yes' | 'partly' | 'no' | 'not-relevant' | 'planned' | 'unknown' | 'open';

/** Codes of checks that only read a declaration: their failure means nobody answered. */
const UNANSWERED_CODES: ReadonlySet<string> = new Set(['declared.missing', 'declared.no-manifest']);

/** The product's own report decided this requirement (the repository and os2.yaml left it open). */
export const fromProductReport = (q: ReportRequirement): boolean => q.reportAnswer?.used === true;

/**
 * A requirement the repository and os2.yaml did not decide: the check could not tell (unknown,
 * error), or it only looked for a declaration in os2.yaml and found none. Without the product's
 * report (`withReport` false), what only that report decided counts as undecided too.
 */
export function undecided(q: ReportRequirement, withReport = true): boolean {
  if (!withReport && fromProductReport(q)) return true;
  if (q.outcome === 'unknown' || q.outcome === 'error') return true;
  if (q.outcome !== 'fail' || q.basis !== 'none') return false;
  if (UNANSWERED_CODES.has(q.code)) return true;
  // Only os2.yaml fields were looked for: nothing in the repository could have decided it.
  return q.evidence.length > 0 && q.evidence.every((e) => e.kind === 'looked-for' && (e.path !== undefined || e.value === 'os2.yaml' || String(e.value ?? '').startsWith('os2.yaml:')));
}

/** Nobody answered it: undecided, and (with the report) the product's report says nothing either. */
export const unanswered = (q: ReportRequirement, withReport = true): boolean => undecided(q, withReport) && !(withReport && q.reportAnswer);

const FROM_REPORT: Record<ReportStatus, FormAnswer> = { met: 'yes', 'not-met': 'no', partly: 'partly', planned: 'planned', unknown: 'unknown', 'not-relevant': 'not-relevant' };

/**
 * The answer the forms give for an item. `withReport` false: os2level's own finding, as if the
 * product's governance report had not been read (the evaluation sets the two side by side).
 */
export function formAnswer(item: ChecklistItem, withReport = true): FormAnswer {
  const parts = item.entries.map((e) => e.requirement);
  if (withReport || !parts.some(fromProductReport)) {
    if (item.status === 'met') return 'yes';
    if (item.status === 'not-relevant') return 'not-relevant';
  }
  // With the report left aside, a part only the report decided is undecided: the item is neither
  // met nor wholly not relevant, and partly met only when another part holds.
  const status = withReport || !parts.some(fromProductReport)
    ? item.status
    : parts.some((q) => !fromProductReport(q) && (q.outcome === 'pass' || q.outcome === 'explained' || q.partial)) ? 'partly-met' : 'not-met';
  const unmet = parts.filter((q) => !SATISFIES.has(q.outcome) || (!withReport && fromProductReport(q)));
  // A "no" needs a part the repository or os2.yaml decided against.
  if (unmet.some((q) => !undecided(q, withReport))) return status === 'partly-met' ? 'partly' : 'no';
  // Else the product's own report, where it answered the open parts.
  const said = withReport ? unmet.find((q) => q.reportAnswer)?.reportAnswer?.status : undefined;
  return said ? FROM_REPORT[said] : 'open';
}

const PREFIX: Partial<Record<FormAnswer, Text>> = {
  planned: { da: 'Planlagt.', en: 'Planned.' },
  unknown: { da: 'Ved ikke.', en: 'Unknown.' },
};

/**
 * What os2level found for an item's decided parts: the finding, explanation or not-relevant reason
 * of each part the repository or os2.yaml decided, with its place in the repository; for a part
 * the product's own report answered, that report's documentation as written (`withReport`). An
 * unanswered part adds nothing. A partly met or planned item says so first.
 */
export function decidedDocumentation(item: ChecklistItem, lang: Lang, result: RepositoryResult, withReport = true): string[] {
  const line = (q: ReportRequirement): string => {
    const text = repositoryRelative(documentationOf(q, lang), result.path);
    // Only a file the evidence names (not the manifest a location falls back to).
    const at = evidenceLocation(q, result);
    if (!at || text.includes(at.path) || !q.evidence.some((e) => e.path !== undefined && (e.path === at.path || e.path.endsWith(`/${at.path}`)))) return text;
    return `${text} (${at.line ? `${at.path}:${at.line}` : at.path})`;
  };
  const decided = item.entries.filter((e) => !undecided(e.requirement, withReport) && !fromProductReport(e.requirement));
  const lines = decided.length === 1 && item.entries.length === 1
    ? [line(decided[0]!.requirement)]
    : decided.map((e) => `${e.requirement.id}: ${line(e.requirement)}`);
  const answer = formAnswer(item, withReport);
  // The product's own words, once per item (every part of an item carries the same answer), where
  // the form's answer is the product's: a finding that contradicts it keeps only the finding.
  const own = withReport
    ? [...new Set(item.entries.flatMap((e) => {
        const a = e.requirement.reportAnswer;
        return a?.documentation && FROM_REPORT[a.status] === answer ? [a.documentation] : [];
      }))]
    : [];
  const prefix = answer === 'partly' ? [`${phrase('partlyMet', lang)}.`] : PREFIX[answer] ? [PREFIX[answer]![lang]] : [];
  return [...prefix, ...own.flatMap((d) => d.split(/\r?\n/)), ...lines];
}

/**
 * An item's documentation cell on a form: what was found or answered for it; nothing for an open
 * item, whose row stays unfilled (status and documentation) for a person to answer.
 */
export const formDocumentation = (item: ChecklistItem, lang: Lang, result: RepositoryResult): string[] =>
  formAnswer(item) === 'open' ? [] : decidedDocumentation(item, lang, result);

/** A text with the repository's own absolute path taken out: forms name files as the repository does. */
export function repositoryRelative(text: string, root: string): string {
  if (!root || root === '/' || !isAbsolute(root)) return text;
  const trimmed = root.replace(/[\\/]+$/, '');
  return text.split(`${trimmed}/`).join('').split(`${trimmed}\\`).join('').split(trimmed).join('.');
}
