/** The exit code is a pure function of the report and the gate options. */
import { SATISFIES } from '../evaluate/types.js';
import type { Report } from './model.js';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_COULD_NOT_RUN = 2;

export interface GateOptions {
  /** Exit 1 when a repository has not reached this level. */
  minLevel?: number;
  /** Should-requirements at or below the gate level also fail the gate. */
  strict?: boolean;
}

export function gateFailures(report: Report, { minLevel, strict = false }: GateOptions): { path: string; ids: string[] }[] {
  if (minLevel === undefined) return [];
  const failures: { path: string; ids: string[] }[] = [];
  for (const r of report.results) {
    const ids = r.requirements
      .filter((q) => q.level <= minLevel && (q.strength === 'must' || strict) && !SATISFIES.has(q.outcome))
      .map((q) => q.id);
    if (ids.length) failures.push({ path: r.path, ids });
  }
  return failures;
}

export function exitCodeFor(report: Report, gate: GateOptions): number {
  return gateFailures(report, gate).length ? EXIT_GATE_FAILED : EXIT_OK;
}
