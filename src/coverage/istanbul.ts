/**
 * Istanbul JSON reports (nyc, jest, vitest): `coverage-summary.json` (its `total` entry) and
 * `coverage-final.json` (per file: `statementMap`/`s` give lines, from each statement's start line,
 * covered when any statement on it ran; `b` gives branches). Both are read entry by entry.
 */
import type { Readable } from 'node:stream';
import { forEachJsonEntry } from './jsonEntries.js';
import { failed, type ParseOutcome } from './outcome.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

type SummaryTotal = { lines: { covered: number; total: number }; branches: { covered: number; total: number } | null };

export async function parseIstanbulSummary(input: Readable): Promise<ParseOutcome> {
  let total: SummaryTotal | null = null;
  const result = await forEachJsonEntry(input, (key, value, offset) => {
    if (key !== 'total') return;
    const lines = isRecord(value) ? value['lines'] : undefined;
    const branches = isRecord(value) ? value['branches'] : undefined;
    if (!isRecord(lines) || !isCount(lines['total']) || !isCount(lines['covered'])) return `"total.lines" without total/covered counts (entry at offset ${offset})`;
    const b = isRecord(branches) && isCount(branches['total']) && isCount(branches['covered']) ? { covered: branches['covered'], total: branches['total'] } : null;
    total = { lines: { covered: lines['covered'], total: lines['total'] }, branches: b };
  });
  if (!result.ok) return failed(result.reason);
  const t = total as SummaryTotal | null;
  if (!t) return failed('no "total" entry');
  return {
    ok: true,
    counts: { linesCovered: t.lines.covered, linesTotal: t.lines.total, branchesCovered: t.branches?.covered ?? null, branchesTotal: t.branches?.total ?? null },
  };
}

export async function parseIstanbulFinal(input: Readable): Promise<ParseOutcome> {
  let linesCovered = 0;
  let linesTotal = 0;
  let branchesCovered = 0;
  let branchesTotal = 0;
  const result = await forEachJsonEntry(input, (key, value, offset) => {
    const where = `file entry ${JSON.stringify(key.slice(0, 80))} at offset ${offset}`;
    if (!isRecord(value) || !isRecord(value['statementMap']) || !isRecord(value['s'])) return `${where} has no statementMap/s`;
    const statementMap = value['statementMap'];
    const s = value['s'];
    const lines = new Map<number, boolean>();
    for (const [id, loc] of Object.entries(statementMap)) {
      const start = isRecord(loc) ? loc['start'] : undefined;
      const line = isRecord(start) ? start['line'] : undefined;
      const hits = s[id];
      if (!isCount(line) || !isCount(hits)) return `${where}: statement ${id} has no start line or count`;
      lines.set(line, (lines.get(line) ?? false) || hits > 0);
    }
    linesTotal += lines.size;
    for (const hit of lines.values()) if (hit) linesCovered++;
    const b = value['b'];
    if (isRecord(b)) {
      for (const counts of Object.values(b)) {
        if (!Array.isArray(counts)) return `${where}: branch counts are not a list`;
        for (const c of counts) {
          if (!isCount(c)) return `${where}: a branch count is not a number`;
          branchesTotal++;
          if (c > 0) branchesCovered++;
        }
      }
    }
  });
  if (!result.ok) return failed(result.reason);
  if (result.entries === 0) return failed('no file entries');
  return { ok: true, counts: { linesCovered, linesTotal, branchesCovered, branchesTotal } };
}
