/**
 * Evidence that is still a template: a heading whose section, or a file, holds a `TODO(os2level)`
 * placeholder left by `os2level fix`. It still counts (the section exists), but the report says
 * it has to be filled in, so a generated skeleton is never mistaken for written documentation.
 */
import type { Facts } from '../facts/types.js';
import type { Evidence, MessageArgs } from './types.js';

export function placeholderFindings(facts: Facts, evidence: readonly Evidence[]): { code: string; args: MessageArgs }[] {
  const marks = facts.docs.placeholders ?? [];
  if (marks.length === 0) return [];
  const hits = new Set<string>();
  for (const e of evidence) {
    if (!e.path) continue;
    const inFile = marks.filter((m) => m.path === e.path);
    if (inFile.length === 0) continue;
    if (e.kind === 'heading' && e.line !== undefined) {
      // The section runs from this heading to the next heading of the same file.
      const next = facts.docs.headings.filter((h) => h.path === e.path && h.line > e.line!).reduce((min, h) => Math.min(min, h.line), Infinity);
      if (inFile.some((m) => m.line > e.line! && m.line < next)) hits.add(`${e.path}:${e.line}`);
    } else if (e.kind === 'file') {
      hits.add(e.path);
    }
  }
  return hits.size ? [{ code: 'documented.placeholder', args: { places: [...hits] } }] : [];
}
