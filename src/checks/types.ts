import type { Facts } from '../facts/types.js';
import type { LevelCatalogue } from '../levels/types.js';

/** What a check can decide on its own; `explained`/`not-applicable` are applied by the evaluator. */
export type CheckOutcome = 'pass' | 'fail' | 'unknown';

/** Whether the evidence was seen in the repository or only stated (in os2.yaml, publiccode.yml or the product's governance report). */
export type Basis = 'verified' | 'declared' | 'none';

export type ArgValue = string | number | boolean | null | string[];
export type MessageArgs = Record<string, ArgValue | undefined>;

/** A pointer to what decided an outcome, or to what was looked for and not found. */
export interface Evidence {
  kind: 'file' | 'heading' | 'git' | 'declared' | 'coverage' | 'ci' | 'publiccode' | 'report' | 'looked-for';
  /** Repository-relative file, the manifest field path for `declared`, the governance report's path for `report`. */
  path?: string;
  /** 1-based; for `declared`, the line of the field's key in the manifest. */
  line?: number;
  column?: number;
  value?: string | number | boolean;
}

export interface CheckResult {
  outcome: CheckOutcome;
  /** Message id in the catalogue (src/report/messages.ts); words are chosen at the edge. */
  code: string;
  args?: MessageArgs;
  evidence: Evidence[];
  basis: Basis;
  /**
   * With `fail`: the check found part of what is asked (documentation only as .docx, a README too
   * short to describe the product, some operations topics but not all), so OS2's item is partly met.
   */
  partial?: boolean;
  /** Further findings that do not change the outcome (e.g. declared and measured coverage disagree). */
  findings?: { code: string; args?: MessageArgs }[];
}

export interface CheckContext {
  facts: Facts;
  catalogue: LevelCatalogue;
  /** "Now" for every time-based rule, passed in so evaluation stays pure and reproducible. */
  now: Date;
}

export interface CheckDefinition<P = Record<string, unknown>> {
  /** JSON Schema of the parameters the level file may give this check. */
  paramsSchema: object;
  run(ctx: CheckContext, params: P): CheckResult;
}

export const defineCheck = <P>(def: CheckDefinition<P>): CheckDefinition<P> => def;
