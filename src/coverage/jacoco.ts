/**
 * JaCoCo XML: the `<counter type="LINE|BRANCH" missed covered>` elements that are direct
 * children of `<report>` (the totals; package, class and method counters nest deeper). They come
 * last in the file, so a truncated report has none and fails.
 */
import type { Readable } from 'node:stream';
import { count, failed, type ParseOutcome } from './outcome.js';
import { streamXml } from './xmlStream.js';

export async function parseJacoco(input: Readable): Promise<ParseOutcome> {
  const totals: Record<string, { missed: number; covered: number }> = {};
  const result = await streamXml(input, {
    open(name, attrs, path) {
      if (path.length === 0) return name === 'report' ? undefined : `not a JaCoCo report: the root element is <${name}>`;
      if (name !== 'counter' || path.length !== 1) return;
      const missed = count(attrs['missed']);
      const covered = count(attrs['covered']);
      const type = attrs['type'];
      if (!type || missed === null || covered === null) return `<counter> without type, missed or covered`;
      totals[type] = { missed, covered };
    },
  });
  if (!result.ok) return failed(result.reason);
  const line = totals['LINE'];
  if (!line) return failed('no report-level LINE counter');
  const branch = totals['BRANCH'];
  return {
    ok: true,
    counts: {
      linesCovered: line.covered,
      linesTotal: line.covered + line.missed,
      branchesCovered: branch ? branch.covered : null,
      branchesTotal: branch ? branch.covered + branch.missed : null,
    },
  };
}
