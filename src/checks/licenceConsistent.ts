import { parseSpdx, spdxFamily, spdxLicences } from '../facts/spdx.js';
import { getPath, manifestData } from './declaredValue.js';
import { licenceEvidence } from './licenceOsi.js';
import { defineCheck, type Evidence } from './types.js';

/** SPDX ids named in an expression such as `MPL-2.0 OR MIT`, normalised for comparison. */
const idsIn = (expr: string): string[] => {
  const tree = parseSpdx(expr);
  // Not SPDX: compared as written, so a free-text claim still shows up as a disagreement.
  if (!tree) return [expr.trim().toLowerCase()];
  return spdxLicences(tree).map((l) => spdxFamily(l.license).toLowerCase());
};

/** legal.licence-consistent: os2.yaml and publiccode.yml name the licence the LICENSE text holds. */
export const licenceConsistent = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    const claims: { source: string; value: string; evidence: Evidence }[] = [];
    const code = getPath(manifestData(facts) ?? {}, 'licence.code');
    if (typeof code === 'string' && code.trim()) claims.push({ source: 'os2.yaml:licence.code', value: code, evidence: { kind: 'declared', path: 'licence.code', value: code } });
    if (facts.publiccode?.status === 'known' && facts.publiccode.value.license) {
      const pc = facts.publiccode.value;
      claims.push({ source: `${pc.path}:legal.license`, value: pc.license!, evidence: { kind: 'publiccode', path: pc.path, value: pc.license! } });
    }
    if (claims.length === 0) return { outcome: 'pass', code: 'consistent.nothing-declared', evidence: licenceEvidence(facts), basis: 'verified' };
    const spdx = facts.licence.status === 'known' ? facts.licence.value.spdx : null;
    if (!spdx) {
      const reason = facts.licence.status === 'known' ? (facts.licence.value.path ? 'unrecognised' : 'missing') : facts.licence.reason;
      return { outcome: 'unknown', code: 'consistent.no-detected', args: { reason, declared: claims.map((c) => c.value) }, evidence: claims.map((c) => c.evidence), basis: 'none' };
    }
    const detected = idsIn(spdx)[0]!;
    const disagree = claims.filter((c) => !idsIn(c.value).includes(detected));
    const evidence = [...licenceEvidence(facts), ...claims.map((c) => c.evidence)];
    if (disagree.length === 0) return { outcome: 'pass', code: 'consistent.pass', args: { spdx }, evidence, basis: 'verified' };
    const first = disagree[0]!;
    return { outcome: 'fail', code: 'consistent.mismatch', args: { spdx, declared: first.value, source: first.source }, evidence, basis: 'verified' };
  },
});
