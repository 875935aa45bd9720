/**
 * Go cover profiles (`go test -coverprofile`): a `mode:` header, then one line per block,
 * `file:startLine.col,endLine.col numStmts count`. Figures are statements, as `go tool cover`
 * reports them. With `-coverpkg` the same block appears once per test binary; identical blocks
 * are counted once and covered if any binary covered them.
 */
import type { Readable } from 'node:stream';
import { forEachLine } from './lineStream.js';
import { failed, type ParseOutcome } from './outcome.js';

const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

export async function parseGoProfile(input: Readable): Promise<ParseOutcome> {
  let sawMode = false;
  // block → statements, negated when covered (one number per block keeps the map small)
  const blocks = new Map<string, number>();
  const result = await forEachLine(input, (raw, lineNo) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('mode:')) {
      if (!/^mode: (?:set|count|atomic)$/.test(line)) return `line ${lineNo}: unknown mode: ${JSON.stringify(line.slice(0, 40))}`;
      sawMode = true;
      return;
    }
    if (!sawMode) return `line ${lineNo}: missing "mode:" header`;
    const m = BLOCK.exec(line);
    if (!m) return `line ${lineNo}: not a cover profile block: ${JSON.stringify(line.slice(0, 60))}`;
    const statements = Number(m[6]);
    const covered = Number(m[7]) > 0;
    const key = `${m[1]}:${m[2]}.${m[3]},${m[4]}.${m[5]}`;
    const prev = blocks.get(key);
    if (prev === undefined || (covered && prev > 0)) blocks.set(key, covered ? -statements : statements);
  });
  if (!result.ok) return failed(result.reason);
  if (!sawMode) return failed('empty cover profile (no "mode:" header)');
  let total = 0;
  let covered = 0;
  for (const v of blocks.values()) {
    total += Math.abs(v);
    if (v < 0) covered -= v;
  }
  return { ok: true, counts: { linesCovered: covered, linesTotal: total, branchesCovered: null, branchesTotal: null, lineUnit: 'statements' } };
}
