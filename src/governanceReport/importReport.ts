/**
 * The import as a library call: read a report, plan what it can carry, merge the plan into the
 * manifest (an existing one, or a new one named after the report's product), and hand back the
 * document and what happened. Writing is the caller's choice.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Document } from 'yaml';
import type { LevelCatalogue } from '../levels/types.js';
import { readManifestDocument } from '../init/manifestDocument.js';
import { mergePlan, type MergeResult } from './merge.js';
import { planImport, type ImportPlan } from './plan.js';
import { readGovernanceReport } from './read.js';

export interface ImportResult {
  plan: ImportPlan;
  merge: MergeResult;
  doc: Document;
  /** True when no manifest existed and `doc` is a new one. */
  created: boolean;
}

export async function importGovernanceReport(reportPath: string, manifestPath: string, catalogue: LevelCatalogue, opts: { force?: boolean } = {}): Promise<ImportResult> {
  const report = await readGovernanceReport(reportPath, catalogue);
  const root = dirname(manifestPath);
  const plan = planImport(report, catalogue, { pathExists: (p) => existsSync(join(root, p)) });
  const existing = await readManifestDocument(manifestPath);
  const doc = existing ?? new Document({ schemaVersion: 1, product: { name: report.productName ?? basename(root) } });
  const merge = mergePlan(doc, plan, { force: opts.force });
  return { plan, merge, doc, created: existing === null };
}
