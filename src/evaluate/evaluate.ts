/**
 * Pure evaluation: Facts + catalogue + "now" → per-requirement outcomes and the level reached.
 * No I/O, no clock, no environment; a check that throws becomes `error` for that requirement only.
 */
import { firstCalendarDate, parseCalendarDate, startOfDay } from '../manifest/calendarDate.js';
import { getCheck } from '../checks/registry.js';
import { getPath, manifestData } from '../checks/declaredValue.js';
import type { CheckResult } from '../checks/types.js';
import type { Facts } from '../facts/types.js';
import type { LevelCatalogue, LevelNumber, Requirement } from '../levels/types.js';
import { consistencyFindings } from './consistency.js';
import { SATISFIES, type Evaluation, type ExplanationState, type LevelProgress, type RequirementOutcome } from './types.js';

export interface EvaluateOptions {
  now: Date;
}

const LEVELS: LevelNumber[] = [0, 1, 2, 3];

export function evaluate(facts: Facts, catalogue: LevelCatalogue, { now }: EvaluateOptions): Evaluation {
  const manifest = manifestData(facts);
  const explanations = asRecord(getPath(manifest, 'explanations'));
  const notApplicable = asRecord(getPath(manifest, 'notApplicable'));

  const requirements = catalogue.requirements.map((req) =>
    applyDeclarations(req, runCheck(req, facts, catalogue, now), explanations[req.id], notApplicable[req.id], now),
  );

  const progress: LevelProgress[] = LEVELS.map((level) => {
    const at = requirements.filter((r) => r.level === level);
    const must = at.filter((r) => r.strength === 'must');
    const should = at.filter((r) => r.strength === 'should');
    return {
      level,
      mustTotal: must.length,
      mustMet: must.filter((r) => SATISFIES.has(r.outcome)).length,
      shouldTotal: should.length,
      shouldMet: should.filter((r) => SATISFIES.has(r.outcome)).length,
    };
  });

  let achievedLevel: LevelNumber | null = null;
  for (const p of progress) {
    if (p.mustMet < p.mustTotal) break;
    achievedLevel = p.level;
  }
  const nextLevel: LevelNumber | null = achievedLevel === null ? 0 : achievedLevel < 3 ? ((achievedLevel + 1) as LevelNumber) : null;
  const upTo = (r: RequirementOutcome): boolean => nextLevel !== null && r.level <= nextLevel && !SATISFIES.has(r.outcome);
  const gap = requirements.filter((r) => r.strength === 'must' && upTo(r)).map((r) => r.id);
  const recommendations = requirements.filter((r) => r.strength === 'should' && upTo(r)).map((r) => r.id);

  const target = getPath(manifest, 'product.targetLevel');
  const targetLevel = typeof target === 'number' && LEVELS.includes(target as LevelNumber) ? (target as LevelNumber) : null;

  const consistency = consistencyFindings(facts, catalogue, now, requirements);

  return { requirements, achievedLevel, nextLevel, gap, recommendations, progress, targetLevel, consistency };
}

function runCheck(req: Requirement, facts: Facts, catalogue: LevelCatalogue, now: Date): CheckResult | { error: string } {
  const check = getCheck(req.check.kind);
  if (!check) return { error: `unknown check kind "${req.check.kind}"` };
  try {
    return check.run({ facts, catalogue, now }, req.check.params ?? {});
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function applyDeclarations(
  req: Requirement,
  result: CheckResult | { error: string },
  explanationRaw: unknown,
  notApplicableRaw: unknown,
  now: Date,
): RequirementOutcome {
  const base = {
    id: req.id, level: req.level, strength: req.strength, area: req.area, theme: req.theme, source: req.source, ref: req.ref,
  };
  const checked: Omit<RequirementOutcome, keyof typeof base | 'outcome' | 'explanation' | 'notApplicable'> =
    'error' in result
      ? { checkOutcome: 'error', code: 'check.error', args: { message: result.error }, evidence: [], basis: 'none', findings: [] }
      : { checkOutcome: result.outcome, code: result.code, args: result.args ?? {}, evidence: result.evidence, basis: result.basis, findings: (result.findings ?? []).map((f) => ({ code: f.code, args: f.args ?? {} })) };

  const explanation = readExplanation(explanationRaw, now);
  const naReason = typeof notApplicableRaw === 'string' && notApplicableRaw.trim() ? notApplicableRaw.trim() : null;
  const notApplicable = naReason ? { reason: naReason } : null;

  // A pass stays a pass: what the repository shows outranks a declaration that it does not apply.
  let outcome: RequirementOutcome['outcome'] = checked.checkOutcome;
  if (outcome !== 'pass') {
    if (notApplicable) outcome = 'not-applicable';
    else if (explanation && !explanation.expired) outcome = 'explained';
  }
  return { ...base, outcome, ...checked, explanation, notApplicable };
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
