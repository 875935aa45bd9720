/** Evaluation → report: localises codes into sentences and attaches titles and remediation. */
import type { Evaluation, ReportSummary } from '../evaluate/types.js';
import { OUTCOMES } from '../evaluate/types.js';
import type { Facts } from '../facts/types.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { getPath } from '../checks/declaredValue.js';
import { message } from './messages.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportNotice, type RepositoryResult } from './model.js';
import { phrase } from './ui.js';
import { TOOL_VERSION } from '../version.js';

export function buildResult(facts: Facts, evaluation: Evaluation, catalogue: LevelCatalogue, lang: Lang): RepositoryResult {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const itemTitles = new Map(catalogue.checklist.items.map((i) => [i.id, i.title]));
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as RepositoryResult['counts'];
  for (const r of evaluation.requirements) counts[r.outcome]++;
  const manifest = facts.manifest.status === 'loaded' ? facts.manifest : null;
  const name = manifest ? getPath(manifest.data, 'product.name') : null;
  return {
    path: facts.root,
    manifest: manifest?.path ?? null,
    productName: typeof name === 'string' ? name : null,
    achievedLevel: evaluation.achievedLevel,
    nextLevel: evaluation.nextLevel,
    targetLevel: evaluation.targetLevel,
    gap: evaluation.gap,
    gapItems: evaluation.gapItems,
    recommendations: evaluation.recommendations,
    recommendationItems: evaluation.recommendationItems,
    progress: evaluation.progress,
    items: evaluation.items.map((item) => ({
      id: item.id, theme: item.theme, level: item.level, strength: item.strength,
      title: itemTitles.get(item.id)?.[lang] ?? item.id,
      status: item.status, requirements: item.requirements, basis: item.basis,
      interpretation: item.requirements.filter((id) => byId.get(id)?.source === 'interpretation'),
    })),
    counts,
    notices: [...(manifest ? [] : [{ code: 'manifest.absent', message: phrase('noManifest', lang) }]), ...reportNotices(evaluation.governanceReport, catalogue, lang)],
    requirements: evaluation.requirements.map((r) => {
      const req = byId.get(r.id)!;
      return {
        id: r.id, level: r.level, strength: r.strength, area: r.area, theme: r.theme, source: r.source, item: r.item, partial: r.partial,
        timeDependent: req.timeDependent === true,
        outcome: r.outcome, checkOutcome: r.checkOutcome, basis: r.basis,
        title: req.title[lang],
        code: r.code, args: r.args, message: message(r.code, r.args, lang),
        remediation: req.remediation[lang],
        evidence: r.evidence,
        findings: r.findings.map((f) => ({ ...f, message: message(f.code, f.args, lang) })),
        explanation: r.explanation,
        notApplicable: r.notApplicable,
        ...(r.reportAnswer ? { reportAnswer: r.reportAnswer } : {}),
      };
    }),
    consistency: evaluation.consistency.map((f) => ({ ...f, message: message(f.code, f.args, lang) })),
    ...(evaluation.governanceReport ? { governanceReport: evaluation.governanceReport } : {}),
  };
}

/** Where the governance report's answers came from, and whether it is stale. */
function reportNotices(r: ReportSummary | null, catalogue: LevelCatalogue, lang: Lang): ReportNotice[] {
  if (!r) return [];
  if (r.problem || !r.tally) return [{ code: 'report.unreadable', message: phrase('reportUnreadable', lang, { path: r.path, problem: r.problem ?? 'unreadable' }) }];
  const out: ReportNotice[] = [{
    code: 'report.used',
    message: phrase('reportUsed', lang, {
      path: r.path, generation: r.generation, date: r.date, count: r.decided.length,
      read: r.tally.read, placeholder: r.tally.placeholder, notFilled: r.tally['not-filled'], unreadable: r.tally.unreadable,
    }),
  }];
  if (r.stale.includes('older-than-checklist')) out.push({ code: 'report.older-than-checklist', message: phrase('reportOlderThanChecklist', lang, { date: r.date, checklist: catalogue.checklist.id, from: catalogue.checklist.from }) });
  if (r.stale.includes('older-than-max-age')) out.push({ code: 'report.too-old', message: phrase('reportTooOld', lang, { days: r.ageDays, max: r.maxAgeDays }) });
  if (r.stale.includes('undated')) out.push({ code: 'report.undated', message: phrase('reportUndated', lang) });
  return out;
}

export function buildReport(results: RepositoryResult[], catalogue: LevelCatalogue, lang: Lang, asOf: Date): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'os2level', version: TOOL_VERSION },
    catalogue: { id: catalogue.id, path: catalogue.path },
    checklist: { id: catalogue.checklist.id, from: catalogue.checklist.from },
    lang,
    asOf: asOf.toISOString().slice(0, 10),
    results,
  };
}
