/** `os2level fix`: evaluate, plan the files a level needs, write them (unless a dry run), evaluate again. */
import { evaluate } from '../evaluate/evaluate.js';
import { SATISFIES } from '../evaluate/types.js';
import { collectFacts } from '../facts/collect.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { applyFixes, type AppliedFile } from './apply.js';
import { planFixes } from './plan.js';
import { loadFixData, loadTemplates } from './templates.js';
import type { FixNote, PlannedFile } from './types.js';
import { fixValues } from './values.js';

export interface FixOptions {
  catalogue: LevelCatalogue;
  lang: Lang;
  toLevel: number;
  dryRun: boolean;
  now: Date;
  manifestPath?: string;
}

export interface FixResult {
  root: string;
  inScope: string[];
  files: (PlannedFile | AppliedFile)[];
  notes: FixNote[];
  /** After writing: in-scope requirements now met, and those still not met. Null for a dry run. */
  after: { met: string[]; notMet: string[] } | null;
}

export async function runFix(dir: string, opts: FixOptions): Promise<FixResult> {
  const requirementIds = new Set(opts.catalogue.requirements.map((r) => r.id));
  const facts = await collectFacts(dir, { manifestPath: opts.manifestPath, requirementIds });
  const evaluation = evaluate(facts, opts.catalogue, { now: opts.now });
  const [data, templates] = await Promise.all([loadFixData(), loadTemplates(opts.lang)]);
  const plan = planFixes(facts, evaluation, data, templates, fixValues(facts, data, templates), opts.toLevel);
  if (opts.dryRun || plan.files.length === 0) return { root: facts.root, inScope: plan.inScope, files: plan.files, notes: plan.notes, after: null };

  const written = await applyFixes(facts.root, plan.files, { git: facts.files.source === 'git' });
  const again = evaluate(await collectFacts(dir, { manifestPath: opts.manifestPath, requirementIds }), opts.catalogue, { now: opts.now });
  const outcome = new Map(again.requirements.map((r) => [r.id, r.outcome]));
  const met = plan.inScope.filter((id) => SATISFIES.has(outcome.get(id) ?? 'fail'));
  return { root: facts.root, inScope: plan.inScope, files: written, notes: plan.notes, after: { met, notMet: plan.inScope.filter((id) => !met.includes(id)) } };
}
