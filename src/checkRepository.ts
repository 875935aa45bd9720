/** The library's main entry: one repository from disk to a report result. */
import { evaluate } from './evaluate/evaluate.js';
import type { Evaluation } from './evaluate/types.js';
import { collectFacts, type CollectOptions } from './facts/collect.js';
import type { Facts } from './facts/types.js';
import type { Lang, LevelCatalogue } from './levels/types.js';
import { buildResult } from './report/build.js';
import type { RepositoryResult } from './report/model.js';

export interface CheckRepositoryOptions extends Omit<CollectOptions, 'requirementIds'> {
  catalogue: LevelCatalogue;
  /** "Now" for time-based rules (`--as-of`). */
  now: Date;
  lang: Lang;
  /** Flag a governance report older than this many days (default 365). */
  reportMaxAgeDays?: number;
}

export interface CheckedRepository {
  facts: Facts;
  evaluation: Evaluation;
  result: RepositoryResult;
}

export async function checkRepository(dir: string, opts: CheckRepositoryOptions): Promise<CheckedRepository> {
  const facts = await collectFacts(dir, { ...opts, checklists: opts.catalogue.checklists, requirementIds: new Set(opts.catalogue.requirements.map((r) => r.id)) });
  const evaluation = evaluate(facts, opts.catalogue, { now: opts.now, ...(opts.reportMaxAgeDays ? { reportMaxAgeDays: opts.reportMaxAgeDays } : {}) });
  return { facts, evaluation, result: buildResult(facts, evaluation, opts.catalogue, opts.lang) };
}
