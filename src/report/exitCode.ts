/** The exit code is a pure function of the report and the gate options. */
import { SATISFIES } from '../evaluate/types.js';
import type { Report, RepositoryResult } from './model.js';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_COULD_NOT_RUN = 2;

export interface GateOptions {
  /** Exit 1 when a repository has not reached this level. */
  minLevel?: number;
  /** Should-requirements at or below the gate level also fail the gate. */
  strict?: boolean;
  /**
   * A report written earlier (`check --write-baseline`). A time-dependent requirement that is not
   * met fails the gate only if it was met in the baseline: the calendar alone cannot turn a
   * pipeline red, but a regression still does. Every other requirement is gated as usual.
   */
  baseline?: Report;
}

export interface GateFailure {
  path: string;
  /** Requirements that fail the gate. */
  ids: string[];
  /** Time-dependent requirements in the gate's scope that are not met but were not met in the baseline either. */
  tolerated: string[];
}

/**
 * The baseline's result for a repository: the one with the same path, else — when both reports
 * hold a single repository — that one (a baseline committed from another checkout has another path).
 */
export function baselineResultFor(baseline: Report | undefined, result: RepositoryResult, report: Report): RepositoryResult | undefined {
  if (!baseline) return undefined;
  const samePath = baseline.results.find((b) => b.path === result.path);
  if (samePath) return samePath;
  return baseline.results.length === 1 && report.results.length === 1 ? baseline.results[0] : undefined;
}

/** Per repository: the requirements in the gate's scope that fail it, and those the baseline tolerates. */
function gateDecisions(report: Report, { minLevel, strict = false, baseline }: GateOptions): GateFailure[] {
  if (minLevel === undefined) return [];
  return report.results.map((r) => {
    const base = baselineResultFor(baseline, r, report);
    const heldBefore = new Set(base?.requirements.filter((q) => SATISFIES.has(q.outcome)).map((q) => q.id) ?? []);
    const ids: string[] = [];
    const tolerated: string[] = [];
    for (const q of r.requirements) {
      if (q.level > minLevel || (q.strength !== 'must' && !strict) || SATISFIES.has(q.outcome)) continue;
      if (base && q.timeDependent && !heldBefore.has(q.id)) tolerated.push(q.id);
      else ids.push(q.id);
    }
    return { path: r.path, ids, tolerated };
  });
}

/** Repositories that fail the gate, with the requirements that fail it. */
export function gateFailures(report: Report, gate: GateOptions): GateFailure[] {
  return gateDecisions(report, gate).filter((d) => d.ids.length > 0);
}

/** Repositories with time-dependent requirements that are not met but were not met in the baseline either. */
export function toleratedByBaseline(report: Report, gate: GateOptions): { path: string; ids: string[] }[] {
  return gateDecisions(report, gate).filter((d) => d.tolerated.length > 0).map((d) => ({ path: d.path, ids: d.tolerated }));
}

export function exitCodeFor(report: Report, gate: GateOptions): number {
  return gateFailures(report, gate).length ? EXIT_GATE_FAILED : EXIT_OK;
}
