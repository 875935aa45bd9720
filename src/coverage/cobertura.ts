/**
 * Cobertura XML (also what coverage.py, .NET coverlet, vitest/jest and gcovr write): the root
 * `<coverage lines-covered lines-valid branches-covered branches-valid>` when present; otherwise
 * the `<line hits>` of every class, with `condition-coverage="50% (1/2)"` for branches. Lines
 * listed again under `<method>` are not counted twice.
 */
import type { Readable } from 'node:stream';
import { count, failed, type ParseOutcome } from './outcome.js';
import { streamXml } from './xmlStream.js';

const CONDITIONS = /\((\d+)\/(\d+)\)/;

export async function parseCobertura(input: Readable): Promise<ParseOutcome> {
  let root: Record<string, string> | null = null;
  let lines = 0;
  let linesHit = 0;
  let branches = 0;
  let branchesHit = 0;
  let sawBranch = false;
  const result = await streamXml(input, {
    open(name, attrs, path) {
      if (path.length === 0) {
        if (name !== 'coverage') return `not a Cobertura report: the root element is <${name}>`;
        root = attrs;
        return;
      }
      // coverage/packages/package/classes/class/lines/line; <method> lines repeat the class's lines.
      if (name !== 'line' || path[path.length - 1] !== 'lines' || path[path.length - 2] !== 'class') return;
      const hits = count(attrs['hits']);
      if (hits === null) return `<line> without a numeric hits attribute`;
      lines++;
      if (hits > 0) linesHit++;
      const cond = attrs['branch'] === 'true' ? CONDITIONS.exec(attrs['condition-coverage'] ?? '') : null;
      if (cond) {
        sawBranch = true;
        branchesHit += Number(cond[1]);
        branches += Number(cond[2]);
      }
    },
  });
  if (!result.ok) return failed(result.reason);
  const r = root as Record<string, string> | null;
  if (!r) return failed('empty document');
  const linesValid = count(r['lines-valid']);
  const linesCovered = count(r['lines-covered']);
  const branchesValid = count(r['branches-valid']);
  const branchesCovered = count(r['branches-covered']);
  const fromRoot = linesValid !== null && linesCovered !== null;
  return {
    ok: true,
    counts: {
      linesCovered: fromRoot ? linesCovered : linesHit,
      linesTotal: fromRoot ? linesValid : lines,
      branchesCovered: branchesValid !== null && branchesCovered !== null ? branchesCovered : sawBranch ? branchesHit : null,
      branchesTotal: branchesValid !== null && branchesCovered !== null ? branchesValid : sawBranch ? branches : null,
    },
  };
}
