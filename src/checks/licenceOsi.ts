import { isOsiApproved } from '../facts/licence.js';
import type { Facts } from '../facts/types.js';
import { defineCheck, type Evidence } from './types.js';

export function licenceEvidence(facts: Facts): Evidence[] {
  if (facts.licence.status !== 'known') return [];
  const l = facts.licence.value;
  return [
    ...(l.path ? [{ kind: 'file' as const, path: l.path, ...(l.spdx ? { value: l.spdx } : {}) }] : []),
    ...l.others.slice(0, 3).map((o) => ({ kind: 'file' as const, path: o.source, value: o.spdx })),
  ];
}

/** legal.licence: the licence text is an OSI-approved licence. */
export const licenceOsi = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    if (facts.licence.status !== 'known') return { outcome: 'unknown', code: 'licence.unreadable', args: { reason: facts.licence.reason }, evidence: [], basis: 'none' };
    const l = facts.licence.value;
    const evidence = licenceEvidence(facts);
    if (l.spdx) {
      if (isOsiApproved(l.spdx)) return { outcome: 'pass', code: 'licence.osi', args: { spdx: l.spdx, path: l.path ?? l.others[0]?.source ?? '—' }, evidence, basis: 'verified' };
      return { outcome: 'fail', code: 'licence.not-osi', args: { spdx: l.spdx }, evidence, basis: 'verified' };
    }
    if (l.path) return { outcome: 'unknown', code: 'licence.unrecognised', args: { path: l.path }, evidence, basis: 'none' };
    return { outcome: 'fail', code: 'licence.missing', evidence: [{ kind: 'looked-for', value: 'LICENSE, LICENCE, COPYING, LICENSES/' }], basis: 'none' };
  },
});
