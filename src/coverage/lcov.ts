/**
 * lcov tracefiles: per `SF:` … `end_of_record` record, `LF`/`LH` (else the `DA` lines) and
 * `BRF`/`BRH` (else the `BRDA` lines). Records are summed as they come; a source file recorded
 * twice (several test names, or merged tracefiles) is counted twice, as lcov's own summary would
 * without `--add-tracefile` merging.
 */
import type { Readable } from 'node:stream';
import { forEachLine } from './lineStream.js';
import { count, failed, type ParseOutcome } from './outcome.js';

const KNOWN = new Set(['TN', 'SF', 'VER', 'FN', 'FNDA', 'FNF', 'FNH', 'FNL', 'FNA', 'DA', 'LF', 'LH', 'BRDA', 'BRF', 'BRH']);

interface RecordState {
  startLine: number;
  lf: number | null;
  lh: number | null;
  brf: number | null;
  brh: number | null;
  da: number;
  daHit: number;
  brda: number;
  brdaHit: number;
}

/** The integer in `s[from, to)`; -1 for a negative count (gcov's "-1" for unexecutable), -2 when not a number. */
function digits(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  if (i >= to) return -2;
  let n = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -2;
    n = n * 10 + c;
  }
  return negative ? -1 : n;
}

export async function parseLcov(input: Readable): Promise<ParseOutcome> {
  let record: RecordState | null = null;
  let records = 0;
  let linesCovered = 0;
  let linesTotal = 0;
  let branchesCovered = 0;
  let branchesTotal = 0;
  let sawBranches = false;

  const close = (): void => {
    const r = record!;
    linesTotal += r.lf ?? r.da;
    linesCovered += r.lh ?? r.daHit;
    if (r.brf !== null || r.brda > 0) sawBranches = true;
    branchesTotal += r.brf ?? r.brda;
    branchesCovered += r.brh ?? r.brdaHit;
    records++;
    record = null;
  };

  const result = await forEachLine(input, (raw, lineNo) => {
    const line = raw.length > 0 && raw.charCodeAt(raw.length - 1) > 32 && raw.charCodeAt(0) > 32 ? raw : raw.trim();
    if (line === '') return;
    // DA lines are nearly all of a big tracefile: handled before the general path, without slicing.
    if (line.charCodeAt(0) === 68 && line.charCodeAt(1) === 65 && line.charCodeAt(2) === 58 && record) {
      const c1 = line.indexOf(',', 3);
      const c2 = line.indexOf(',', c1 + 1);
      const hits = c1 > 3 ? digits(line, c1 + 1, c2 < 0 ? line.length : c2) : -2;
      if (hits === -2) return `line ${lineNo}: malformed DA: ${JSON.stringify(line.slice(0, 40))}`;
      record.da++;
      if (hits > 0) record.daHit++;
      return;
    }
    if (line === 'end_of_record') {
      if (!record) return `line ${lineNo}: end_of_record without a record`;
      close();
      return;
    }
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon) : '';
    if (!KNOWN.has(key)) return `line ${lineNo}: not an lcov line: ${JSON.stringify(line.slice(0, 40))}`;
    const value = line.slice(colon + 1);
    if (key === 'SF') {
      if (record) return `line ${lineNo}: SF inside the record started at line ${record.startLine} (missing end_of_record)`;
      record = { startLine: lineNo, lf: null, lh: null, brf: null, brh: null, da: 0, daHit: 0, brda: 0, brdaHit: 0 };
      return;
    }
    if (key === 'TN' || key === 'VER') return;
    if (!record) return `line ${lineNo}: ${key} outside a record`;
    const r: RecordState = record;
    switch (key) {
      case 'BRDA': {
        const taken = value.split(',')[3];
        if (taken === undefined) return `line ${lineNo}: malformed BRDA: ${JSON.stringify(value.slice(0, 40))}`;
        r.brda++;
        const n = count(taken);
        if (n !== null && n > 0) r.brdaHit++;
        return;
      }
      case 'LF':
      case 'LH':
      case 'BRF':
      case 'BRH': {
        const n = count(value);
        if (n === null) return `line ${lineNo}: ${key} is not a count: ${JSON.stringify(value.slice(0, 40))}`;
        if (key === 'LF') r.lf = n;
        else if (key === 'LH') r.lh = n;
        else if (key === 'BRF') r.brf = n;
        else r.brh = n;
        return;
      }
      default:
        return;
    }
  });
  if (!result.ok) return failed(result.reason);
  if (record) return failed(`truncated: the record started at line ${(record as RecordState).startLine} has no end_of_record (file ends at line ${result.lines})`);
  if (records === 0) return failed('no lcov records (no SF … end_of_record)');
  return {
    ok: true,
    counts: {
      linesCovered,
      linesTotal,
      branchesCovered: sawBranches ? branchesCovered : null,
      branchesTotal: sawBranches ? branchesTotal : null,
    },
  };
}
