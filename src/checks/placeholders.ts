/**
 * Evidence that is still a template: a file, or a heading's section, that holds a `TODO(os2level)`
 * placeholder left by `os2level fix`. Such evidence never counts: a generated skeleton is not
 * written documentation, so a requirement whose only evidence is a placeholder fails with "still a
 * placeholder" (in every output, not only with -v).
 */
import type { Facts } from '../facts/types.js';
import type { CheckResult, Evidence, MessageArgs } from './types.js';

/** Where evidence is still a placeholder: `path` for a file, `path:line` for a heading's section; null when it is real. */
export function placeholderPlace(facts: Facts, e: Evidence): string | null {
  const marks = facts.docs.placeholders ?? [];
  if (!e.path || marks.length === 0) return null;
  const inFile = marks.filter((m) => m.path === e.path);
  if (inFile.length === 0) return null;
  if (e.kind === 'heading' && e.line !== undefined) {
    // The section runs from this heading to the next heading of the same or a higher level (its subsections belong to it).
    const own = facts.docs.headings.filter((h) => h.path === e.path);
    const depth = own.find((h) => h.line === e.line)?.depth ?? 6;
    const next = own.filter((h) => h.line > e.line! && h.depth <= depth).reduce((min, h) => Math.min(min, h.line), Infinity);
    return inFile.some((m) => m.line > e.line! && m.line < next) ? `${e.path}:${e.line}` : null;
  }
  return e.kind === 'file' ? e.path : null;
}

/** Splits evidence into what counts and the places that are still placeholders. */
export function withoutPlaceholders(facts: Facts, evidence: readonly Evidence[]): { real: Evidence[]; placeholders: string[] } {
  const real: Evidence[] = [];
  const placeholders: string[] = [];
  for (const e of evidence) {
    const place = placeholderPlace(facts, e);
    if (place === null) real.push(e);
    else if (!placeholders.includes(place)) placeholders.push(place);
  }
  return { real, placeholders };
}

/** The failure for a requirement whose only evidence is still a placeholder. */
export function stillPlaceholder(places: readonly string[], evidence: readonly Evidence[]): CheckResult {
  return { outcome: 'fail', code: 'placeholder.only', args: { places: [...places] }, evidence: [...evidence], basis: 'verified' };
}

/** A finding for placeholders next to real evidence (the requirement is met; the placeholders still need filling in). */
export function placeholderFindings(facts: Facts, evidence: readonly Evidence[]): { code: string; args: MessageArgs }[] {
  const { placeholders } = withoutPlaceholders(facts, evidence);
  return placeholders.length ? [{ code: 'documented.placeholder', args: { places: placeholders } }] : [];
}
