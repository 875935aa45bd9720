/**
 * What OS2's own forms (the governance report template, the 2026 self-evaluation and the
 * secretariat's evaluation) can say about an item: yes, partly, no, not relevant, or nothing yet.
 * The forms are filled in by people; os2level pre-fills only what the report decides. An item
 * whose open parts nobody has answered (no declaration in os2.yaml, nothing the repository can
 * show) and that nothing decided stays open: the form's empty cell, never "no".
 */
import { isAbsolute } from 'node:path';
import { SATISFIES } from '../evaluate/types.js';
import type { Lang } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { phrase } from '../report/ui.js';
import { documentationOf, type ChecklistItem } from './checklist.js';
import { evidenceLocation } from './evidenceLocation.js';

export type FormAnswer = 'yes' | 'partly' | 'no' | 'not-relevant' | 'open';

/** Codes of checks that only read a declaration: their failure means nobody answered. */
const UNANSWERED_CODES: ReadonlySet<string> = new Set(['declared.missing', 'declared.no-manifest']);

/**
 * A requirement nobody has answered and the repository did not decide: the check could not tell
 * (unknown, error), or it only looked for a declaration in os2.yaml and found none.
 */
export function unanswered(q: ReportRequirement): boolean {
  if (q.outcome === 'unknown' || q.outcome === 'error') return true;
  if (q.outcome !== 'fail' || q.basis !== 'none') return false;
  if (UNANSWERED_CODES.has(q.code)) return true;
  // Only os2.yaml fields were looked for: nothing in the repository could have decided it.
  return q.evidence.length > 0 && q.evidence.every((e) => e.kind === 'looked-for' && (e.path !== undefined || e.value === 'os2.yaml' || String(e.value ?? '').startsWith('os2.yaml:')));
}

/** The answer the forms give for an item. */
export function formAnswer(item: ChecklistItem): FormAnswer {
  switch (item.status) {
    case 'met':
      return 'yes';
    case 'not-relevant':
      return 'not-relevant';
    case 'unknown':
      return 'open';
    case 'partly-met':
    case 'not-met': {
      const unmet = item.entries.filter((e) => !SATISFIES.has(e.requirement.outcome));
      // A "no" needs a part the repository (or a declaration) decided against; else it is open.
      if (unmet.length > 0 && unmet.every((e) => unanswered(e.requirement))) return 'open';
      return item.status === 'partly-met' ? 'partly' : 'no';
    }
  }
}

/**
 * What os2level found for an item's decided parts: the finding, explanation or not-relevant reason
 * of each part that was decided (an unanswered part adds nothing), with its place in the
 * repository. A partly met item says so first.
 */
export function decidedDocumentation(item: ChecklistItem, lang: Lang, result: RepositoryResult): string[] {
  const decided = item.entries.filter((e) => !unanswered(e.requirement));
  const line = (q: ReportRequirement): string => {
    const text = repositoryRelative(documentationOf(q, lang), result.path);
    // Only a file the evidence names (not the manifest a location falls back to).
    const at = evidenceLocation(q, result);
    if (!at || text.includes(at.path) || !q.evidence.some((e) => e.path !== undefined && (e.path === at.path || e.path.endsWith(`/${at.path}`)))) return text;
    return `${text} (${at.line ? `${at.path}:${at.line}` : at.path})`;
  };
  const lines = decided.length === 1 && item.entries.length === 1
    ? [line(decided[0]!.requirement)]
    : decided.map((e) => `${e.requirement.id}: ${line(e.requirement)}`);
  return formAnswer(item) === 'partly' ? [`${phrase('partlyMet', lang)}.`, ...lines] : lines;
}

/**
 * An item's documentation cell on a form: what was found for a decided item; nothing for an open
 * one, whose row stays unfilled (status and documentation) for a person to answer.
 */
export const formDocumentation = (item: ChecklistItem, lang: Lang, result: RepositoryResult): string[] =>
  formAnswer(item) === 'open' ? [] : decidedDocumentation(item, lang, result);

/** A text with the repository's own absolute path taken out: forms name files as the repository does. */
export function repositoryRelative(text: string, root: string): string {
  if (!root || root === '/' || !isAbsolute(root)) return text;
  const trimmed = root.replace(/[\\/]+$/, '');
  return text.split(`${trimmed}/`).join('').split(`${trimmed}\\`).join('').split(trimmed).join('.');
}
