import { declaredEvidence, declaredPathFailure } from './declaredEvidence.js';
import { licenceEvidence } from './licenceOsi.js';
import { defineCheck } from './types.js';

/** legal.os2-licence: OS2's licence (MPL-2.0), or another one the board approved. */
export const licenceAllowed = defineCheck<{ allowed: string[]; exceptionField: string }>({
  paramsSchema: {
    type: 'object', required: ['allowed', 'exceptionField'], additionalProperties: false,
    properties: { allowed: { type: 'array', minItems: 1, items: { type: 'string' } }, exceptionField: { type: 'string' } },
  },
  run({ facts }, { allowed, exceptionField }) {
    const spdx = facts.licence.status === 'known' ? facts.licence.value.spdx : null;
    if (spdx && allowed.includes(spdx)) return { outcome: 'pass', code: 'licence.allowed', args: { spdx }, evidence: licenceEvidence(facts), basis: 'verified' };
    const decision = declaredEvidence(facts, [exceptionField]);
    if (decision.ok) return { outcome: 'pass', code: 'licence.board-decision', args: { spdx: spdx ?? '—' }, evidence: [...licenceEvidence(facts), ...decision.evidence], basis: 'declared' };
    const badPath = declaredPathFailure(decision);
    if (badPath) return badPath;
    if (facts.licence.status !== 'known') return { outcome: 'unknown', code: 'licence.unreadable', args: { reason: facts.licence.reason }, evidence: [], basis: 'none' };
    if (!spdx && facts.licence.value.path) return { outcome: 'unknown', code: 'licence.unrecognised', args: { path: facts.licence.value.path }, evidence: licenceEvidence(facts), basis: 'none' };
    return { outcome: 'fail', code: 'licence.not-allowed', args: { spdx: spdx ?? '—', allowed, field: exceptionField }, evidence: licenceEvidence(facts), basis: 'verified' };
  },
});
