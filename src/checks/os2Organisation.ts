import { declaredEvidence } from './declaredEvidence.js';
import { getPath, manifestData } from './declaredValue.js';
import { defineCheck } from './types.js';

/** versioning.os2-organisation: the code lives under an owner OS2 controls (list in the level file). */
export const os2Organisation = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts, catalogue }) {
    const os2 = new Set(catalogue.organisations.map((o) => o.toLowerCase()));
    const sandbox = new Set(catalogue.sandboxOrganisations.map((o) => o.toLowerCase()));
    const remotes = facts.git.status === 'known' ? facts.git.value.remotes : [];
    const hit = remotes.find((r) => r.owner && os2.has(r.owner.toLowerCase()));
    if (hit) return { outcome: 'pass', code: 'org.pass', args: { owner: hit.owner!, remote: hit.url }, evidence: [{ kind: 'git', value: hit.url }], basis: 'verified' };
    const inSandbox = remotes.find((r) => r.owner && sandbox.has(r.owner.toLowerCase()));
    if (inSandbox) return { outcome: 'fail', code: 'org.sandbox', args: { owner: inSandbox.owner! }, evidence: [{ kind: 'git', value: inSandbox.url }], basis: 'verified' };

    const declaredOrg = getPath(manifestData(facts) ?? {}, 'repository.organisation');
    if (typeof declaredOrg === 'string' && os2.has(declaredOrg.toLowerCase())) {
      const handover = declaredEvidence(facts, ['repository.handover']);
      if (handover.ok) return { outcome: 'pass', code: 'org.declared', args: { owner: declaredOrg }, evidence: [{ kind: 'declared', path: 'repository.organisation', value: declaredOrg }, ...handover.evidence], basis: 'declared' };
      return { outcome: 'fail', code: 'org.declared-no-handover', args: { owner: declaredOrg }, evidence: [{ kind: 'declared', path: 'repository.organisation', value: declaredOrg }], basis: 'declared' };
    }
    const owners = remotes.map((r) => r.owner).filter((o): o is string => !!o);
    if (owners.length === 0 && facts.git.status !== 'known' && facts.files.source === 'git') {
      return { outcome: 'unknown', code: 'git.unreadable', args: { reason: facts.git.reason }, evidence: [], basis: 'none' };
    }
    return { outcome: 'fail', code: 'org.not-os2', args: { owners: owners.length ? owners : ['—'] }, evidence: remotes.map((r) => ({ kind: 'git' as const, value: r.url })), basis: owners.length ? 'verified' : 'none' };
  },
});
