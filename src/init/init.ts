/**
 * `init` as a library call: collect the repository's facts, build the manifest from them and the
 * answers, carry in a governance report found in the repository, and return the document (validated
 * by the caller before writing) with a record of where each value came from.
 */
import type { Document } from 'yaml';
import type { Facts } from '../facts/types.js';
import { mergePlan, type MergeResult } from '../governanceReport/merge.js';
import { planImport, type ImportPlan } from '../governanceReport/plan.js';
import { readGovernanceReportText } from '../governanceReport/reader.js';
import { GOVERNANCE_REPORT_MAX_BYTES } from '../governanceReport/read.js';
import { readRepoText } from '../repo/safePath.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { decorate, initManifestData, newManifestDocument, type FilledField, type InitAnswers } from './build.js';

export interface InitResult {
  doc: Document;
  filled: FilledField[];
  /** The governance report carried in, when the repository has one. */
  report: { path: string; plan: ImportPlan; merge: MergeResult } | null;
  facts: Facts;
}

export async function buildInit(facts: Facts, catalogue: LevelCatalogue, answers: InitAnswers, lang: Lang): Promise<InitResult> {
  const { data, filled } = initManifestData(facts, catalogue, answers);
  const doc = newManifestDocument(data);
  let report: InitResult['report'] = null;
  const found = facts.wellKnown.governanceReports[0];
  if (found) {
    // A file of the repository: read by the repository reader, so a link into .git/ or a FIFO is refused.
    const read = await readRepoText(facts.root, found.path, GOVERNANCE_REPORT_MAX_BYTES);
    if (read.ok && !read.binary) {
      const parsed = readGovernanceReportText(read.text, { path: found.path, catalogue });
      const files = new Set(facts.files.paths);
      const plan = planImport(parsed, catalogue, { pathExists: (p) => files.has(p) });
      // What the repository shows wins over the report; disagreements are listed, not resolved.
      const merge = mergePlan(doc, plan);
      report = { path: found.path, plan, merge };
    }
  }
  decorate(doc, lang);
  return { doc, filled, report, facts };
}
