/**
 * Pure evaluation: Facts + catalogue + "now" → per-requirement outcomes and the level reached.
 * No I/O, no clock, no environment; a check that throws becomes `error` for that requirement only.
 */
import { firstCalendarDate, parseCalendarDate, startOfDay } from '../manifest/calendarDate.js';
import { getCheck } from '../checks/registry.js';
import { getPath, manifestData } from '../checks/declaredValue.js';
import type { CheckResult } from '../checks/types.js';
import type { Facts } from '../facts/types.js';
import type { ChecklistItemDef, ItemPart } from '../checklist/types.js';
import type { Basis } from '../checks/types.js';
import type { LevelCatalogue, LevelNumber, Requirement } from '../levels/types.js';
import { consistencyFindings } from './consistency.js';
import { SATISFIES, type ReportAnswer, type ReportSummary, type Evaluation, type ExplanationState, type ItemOutcome, type ItemStatus, type LevelProgress, type RequirementOutcome } from './types.js';

export interface EvaluateOptions {
  now: Date;
  /** A governance report older than this many days is flagged stale (default 365: OS2 reviews yearly). */
  reportMaxAgeDays?: number;
}

export const DEFAULT_REPORT_MAX_AGE_DAYS = 365;

const LEVELS: LevelNumber[] = [0, 1, 2, 3];

export function evaluate(facts: Facts, catalogue: LevelCatalogue, { now, reportMaxAgeDays = DEFAULT_REPORT_MAX_AGE_DAYS }: EvaluateOptions): Evaluation {
  const manifest = manifestData(facts);
  const explanations = asRecord(getPath(manifest, 'explanations'));
  const notApplicable = asRecord(getPath(manifest, 'notApplicable'));
  const generation = catalogue.checklist;

  // Levels and strengths are the checklist's: a requirement takes those of the item it decides in
  // the selected generation. One that decides no item there keeps the catalogue's, but gates nothing.
  const partOf = new Map<string, { item: string; part: ItemPart }>();
  for (const item of generation.items) for (const part of item.parts) partOf.set(part.id, { item: item.id, part });

  const answers = reportAnswers(facts);
  const requirements = catalogue.requirements.map((req) =>
    applyReport(req, applyDeclarations(req, partOf.get(req.id), runCheck(req, facts, catalogue, now), explanations[req.id], notApplicable[req.id], now), answers.get(req.id) ?? null),
  );
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const decided = generation.items.map((def) => ({ def, parts: def.parts.flatMap((p) => byId.get(p.id) ?? []) }));

  const items: ItemOutcome[] = decided.map(({ def, parts }) => ({
    id: def.id, theme: def.theme, level: def.level, strength: def.strength,
    status: itemStatus(parts), requirements: parts.map((p) => p.id), basis: itemBasis(parts),
  }));
  const progress = levelProgress(decided);

  let achievedLevel: LevelNumber | null = null;
  for (const p of progress) {
    if (p.mustMet < p.mustTotal) break;
    achievedLevel = p.level;
  }
  const nextLevel: LevelNumber | null = achievedLevel === null ? 0 : achievedLevel < 3 ? ((achievedLevel + 1) as LevelNumber) : null;
  const upTo = (r: RequirementOutcome): boolean => r.item !== null && nextLevel !== null && r.level <= nextLevel && !SATISFIES.has(r.outcome);
  const gap = requirements.filter((r) => r.strength === 'must' && upTo(r)).map((r) => r.id);
  const recommendations = requirements.filter((r) => r.strength === 'should' && upTo(r)).map((r) => r.id);
  const itemsOf = (ids: string[]): string[] => {
    const wanted = new Set(ids.map((id) => byId.get(id)?.item));
    return generation.items.filter((i) => wanted.has(i.id)).map((i) => i.id);
  };

  const target = getPath(manifest, 'product.targetLevel');
  const targetLevel = typeof target === 'number' && LEVELS.includes(target as LevelNumber) ? (target as LevelNumber) : null;

  const consistency = consistencyFindings(facts, catalogue, now, requirements);

  return {
    checklist: generation.id, requirements, items, achievedLevel, nextLevel,
    gap, gapItems: itemsOf(gap), recommendations, recommendationItems: itemsOf(recommendations),
    progress, targetLevel, consistency,
    governanceReport: reportSummary(facts, catalogue, now, reportMaxAgeDays, requirements),
  };
}

/** Each requirement's answer in the governance report: an item's answer carries to every requirement it covers. */
function reportAnswers(facts: Facts): Map<string, Omit<ReportAnswer, 'used'>> {
  const out = new Map<string, Omit<ReportAnswer, 'used'>>();
  const report = facts.governanceReport;
  const reading = report?.reading;
  if (!report || !reading) return out;
  for (const item of reading.items) {
    // Only a status a person gave counts; a placeholder, an empty cell or an unreadable row is no answer.
    if (item.state !== 'read' || item.status === null) continue;
    for (const id of item.requirements) {
      if (out.has(id)) continue;
      out.set(id, {
        path: report.path, line: item.line, item: item.id, status: item.status, statusText: item.statusText,
        documentation: item.documentation, references: item.references, date: reading.date,
      });
    }
  }
  return out;
}

/**
 * The report's answer as declared evidence, below os2.yaml and never above the repository: it
 * decides only a requirement that os2.yaml may declare, where the check found nothing either way
 * (no evidence, no declaration) and os2.yaml has no explanation or not-applicable entry for it:
 * there "Ja" passes. "Ikke relevant" with a reason makes an unmet requirement not applicable, as
 * os2.yaml's notApplicable would; a "no" stays a failure.
 */
function applyReport(req: Requirement, outcome: RequirementOutcome, answer: Omit<ReportAnswer, 'used'> | null): RequirementOutcome {
  if (!answer) return outcome;
  const open = (outcome.outcome === 'fail' || outcome.outcome === 'unknown') && outcome.basis === 'none' && !outcome.explanation && !outcome.notApplicable;
  const declarable = req.evidence.includes('declared');
  const at = `${answer.path}:${answer.line}`;
  const evidence = { kind: 'report' as const, path: answer.path, line: answer.line, value: answer.documentation || answer.statusText };
  if (open && declarable && answer.status === 'met') {
    return {
      ...outcome, outcome: 'pass', basis: 'declared', code: answer.date ? 'report.declared' : 'report.declared-undated',
      args: { file: at, item: answer.item, status: answer.statusText, ...(answer.date ? { date: answer.date } : {}) },
      evidence: [evidence],
      partial: false, reportAnswer: { ...answer, used: true },
    };
  }
  // "Ikke relevant" with a reason is what os2.yaml's notApplicable says, and contradicts no finding.
  const undecided = outcome.outcome !== 'pass' && outcome.outcome !== 'explained' && outcome.outcome !== 'not-applicable' && !outcome.explanation && !outcome.notApplicable;
  if (undecided && answer.status === 'not-relevant' && answer.documentation) {
    return { ...outcome, outcome: 'not-applicable', notApplicable: { reason: answer.documentation }, evidence: [evidence, ...outcome.evidence], reportAnswer: { ...answer, used: true } };
  }
  return { ...outcome, reportAnswer: { ...answer, used: false } };
}

function reportSummary(facts: Facts, catalogue: LevelCatalogue, now: Date, maxAgeDays: number, requirements: RequirementOutcome[]): ReportSummary | null {
  const report = facts.governanceReport;
  if (!report) return null;
  const reading = report.reading;
  const date = reading?.date ?? null;
  const at = startOfDay(date);
  const ageDays = Number.isFinite(at) ? Math.floor((now.getTime() - at) / 86_400_000) : null;
  const stale: ReportSummary['stale'] = [];
  if (reading) {
    if (date === null) stale.push('undated');
    else {
      if (date < catalogue.checklist.from) stale.push('older-than-checklist');
      if (ageDays !== null && ageDays > maxAgeDays) stale.push('older-than-max-age');
    }
  }
  return {
    path: report.path, source: report.source, problem: report.problem,
    generation: reading?.generation ?? null, form: reading?.form ?? null, productName: reading?.productName ?? null,
    date, ageDays, stale, maxAgeDays, tally: reading?.tally ?? null,
    decided: requirements.filter((r) => r.reportAnswer?.used).map((r) => r.id),
  };
}

type Part = Pick<RequirementOutcome, 'level' | 'strength' | 'outcome'>;

/**
 * Per level: the must items with a must part asked there, and how many hold there (every must
 * part up to that level satisfied); the items with a should part asked there, and how many of
 * those parts hold. The level reached is the last level before the first with a must item short.
 */
export function levelProgress(items: readonly { def: Pick<ChecklistItemDef, 'strength'>; parts: readonly Part[] }[]): LevelProgress[] {
  const holds = (parts: readonly Part[]): boolean => parts.every((p) => SATISFIES.has(p.outcome));
  return LEVELS.map((level) => {
    const p: LevelProgress = { level, mustTotal: 0, mustMet: 0, shouldTotal: 0, shouldMet: 0 };
    for (const { def, parts } of items) {
      if (def.strength === 'must' && parts.some((r) => r.strength === 'must' && r.level === level)) {
        p.mustTotal++;
        if (holds(parts.filter((r) => r.strength === 'must' && r.level <= level))) p.mustMet++;
      }
      const shouldAt = parts.filter((r) => r.strength === 'should' && r.level === level);
      if (shouldAt.length) {
        p.shouldTotal++;
        if (holds(shouldAt)) p.shouldMet++;
      }
    }
    return p;
  });
}

/**
 * OS2's colour for an item: green when every part holds (pass, explained, not applicable), grey
 * when it was declared not relevant as a whole, yellow when some part holds or a check found part
 * of what is asked, red when nothing does, and no light when nothing could be decided.
 */
export function itemStatus(parts: readonly Pick<RequirementOutcome, 'outcome' | 'partial'>[]): ItemStatus {
  if (parts.length === 0) return 'unknown';
  if (parts.every((p) => p.outcome === 'not-applicable')) return 'not-relevant';
  if (parts.every((p) => SATISFIES.has(p.outcome))) return 'met';
  if (parts.every((p) => p.outcome === 'unknown' || p.outcome === 'error' || p.outcome === 'not-applicable')) return 'unknown';
  if (parts.some((p) => p.outcome === 'pass' || p.outcome === 'explained' || p.partial)) return 'partly-met';
  return 'not-met';
}

function itemBasis(parts: readonly RequirementOutcome[]): Basis {
  const held = parts.filter((p) => p.outcome === 'pass' || p.outcome === 'explained');
  if (held.length === 0) return 'none';
  return held.some((p) => p.basis === 'declared' || p.outcome === 'explained') ? 'declared' : 'verified';
}

function runCheck(req: Requirement, facts: Facts, catalogue: LevelCatalogue, now: Date): CheckResult | { error: string } {
  const check = getCheck(req.check.kind);
  if (!check) return { error: `unknown check kind "${req.check.kind}"` };
  try {
    return locateDeclared(check.run({ facts, catalogue, now }, req.check.params ?? {}), facts);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function applyDeclarations(
  req: Requirement,
  mapped: { item: string; part: ItemPart } | undefined,
  result: CheckResult | { error: string },
  explanationRaw: unknown,
  notApplicableRaw: unknown,
  now: Date,
): RequirementOutcome {
  const base = {
    id: req.id, area: req.area, theme: req.theme, source: req.source,
    level: mapped?.part.level ?? req.level, strength: mapped?.part.strength ?? req.strength, item: mapped?.item ?? null,
  };
  const checked: Omit<RequirementOutcome, keyof typeof base | 'outcome' | 'explanation' | 'notApplicable' | 'reportAnswer'> =
    'error' in result
      ? { checkOutcome: 'error', code: 'check.error', args: { message: result.error }, evidence: [], basis: 'none', partial: false, findings: [] }
      : {
          checkOutcome: result.outcome, code: result.code, args: result.args ?? {}, evidence: result.evidence, basis: result.basis,
          partial: result.outcome === 'fail' && result.partial === true,
          findings: (result.findings ?? []).map((f) => ({ code: f.code, args: f.args ?? {} })),
        };

  const explanation = readExplanation(explanationRaw, now);
  const naReason = typeof notApplicableRaw === 'string' && notApplicableRaw.trim() ? notApplicableRaw.trim() : null;
  const notApplicable = naReason ? { reason: naReason } : null;

  // A pass stays a pass: what the repository shows outranks a declaration that it does not apply.
  let outcome: RequirementOutcome['outcome'] = checked.checkOutcome;
  if (outcome !== 'pass') {
    if (notApplicable) outcome = 'not-applicable';
    else if (explanation && !explanation.expired) outcome = 'explained';
  }
  return { ...base, outcome, ...checked, explanation, notApplicable, reportAnswer: null };
}

function readExplanation(raw: unknown, now: Date): ExplanationState | null {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as Record<string, unknown>;
  const reason = typeof e.reason === 'string' ? e.reason.trim() : '';
  if (!reason) return null;
  const expires = typeof e.expires === 'string' ? e.expires : null;
  // An explanation is valid through the whole of its expiry day.
  const expiresOn = parseCalendarDate(expires);
  const expired = expiresOn !== null && startOfDay(expiresOn) + 86_400_000 <= now.getTime();
  const approvedBy = typeof e.approvedBy === 'string' ? e.approvedBy : null;
  // Only a real calendar date counts as the approval date ("…, 2025-02-30" is none).
  const approvedOn = typeof e.approvedOn === 'string' ? parseCalendarDate(e.approvedOn) : firstCalendarDate(approvedBy);
  const approvedAt = startOfDay(approvedOn);
  const ageDays = Number.isFinite(approvedAt) ? Math.floor((now.getTime() - approvedAt) / 86_400_000) : null;
  return { reason, approvedBy, approvedOn, ageDays, expires, expired };
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A manifest field named as evidence gets the line and column of its key in os2.yaml, when known. */
function locateDeclared(result: CheckResult, facts: Facts): CheckResult {
  const keys = facts.manifest.status === 'loaded' ? facts.manifest.keys : undefined;
  if (!keys) return result;
  const evidence = result.evidence.map((e) => {
    if (e.kind !== 'declared' || !e.path || e.line !== undefined || !Object.hasOwn(keys, e.path)) return e;
    const at = keys[e.path]!;
    return { ...e, line: at.line, column: at.column };
  });
  return { ...result, evidence };
}
