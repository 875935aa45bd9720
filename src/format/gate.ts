/**
 * What blocks the gate, as the CI views see it: the level the gate asks for (`--min-level`, else the
 * repository's next level) and the requirements at or below it that are not satisfied — must
 * requirements, and should requirements too under `--strict`. The same rule as the exit code
 * (src/report/exitCode.ts), so an annotation or a JUnit failure never disagrees with the step's result.
 */
import { SATISFIES } from '../evaluate/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import type { FormatContext } from './types.js';

export interface GateView {
  /** The level the gate asks for; null when the repository reached the top level and no gate was given. */
  level: number | null;
  strict: boolean;
}

export function gateOf(result: RepositoryResult, ctx: Pick<FormatContext, 'gate'>): GateView {
  return { level: ctx.gate?.minLevel ?? result.nextLevel, strict: ctx.gate?.strict ?? false };
}

/** Not satisfied (fail, unknown, error, expired explanation) and on or below the gate level. */
export const atOrBelow = (q: ReportRequirement, gate: GateView): boolean =>
  gate.level !== null && q.level <= gate.level && !SATISFIES.has(q.outcome);

/** Fails the gate: not satisfied, at or below its level, must (or should with --strict). */
export const blocksGate = (q: ReportRequirement, gate: GateView): boolean =>
  atOrBelow(q, gate) && (q.strength === 'must' || gate.strict);
