/**
 * Clover XML (OpenClover, PHPUnit, Istanbul's clover reporter): the project totals in
 * `<coverage><project><metrics statements coveredstatements conditionals coveredconditionals>`.
 * Clover counts statements, not lines, so the line figures are statements (`lineUnit`).
 */
import type { Readable } from 'node:stream';
import { count, failed, type ParseOutcome } from './outcome.js';
import { streamXml } from './xmlStream.js';

export async function parseClover(input: Readable): Promise<ParseOutcome> {
  let metrics: Record<string, string> | null = null;
  const result = await streamXml(input, {
    open(name, attrs, path) {
      if (path.length === 0) return name === 'coverage' ? undefined : `not a Clover report: the root element is <${name}>`;
      if (name === 'metrics' && path.length === 2 && path[1] === 'project') metrics = attrs;
    },
  });
  if (!result.ok) return failed(result.reason);
  const m = metrics as Record<string, string> | null;
  if (!m) return failed('no <project><metrics> totals');
  const statements = count(m['statements']);
  const covered = count(m['coveredstatements']);
  if (statements === null || covered === null) return failed('project metrics without statements/coveredstatements');
  const conditionals = count(m['conditionals']);
  const coveredConditionals = count(m['coveredconditionals']);
  const branches = conditionals !== null && coveredConditionals !== null;
  return {
    ok: true,
    counts: {
      linesCovered: covered,
      linesTotal: statements,
      branchesCovered: branches ? coveredConditionals : null,
      branchesTotal: branches ? conditionals : null,
      lineUnit: 'statements',
    },
  };
}
