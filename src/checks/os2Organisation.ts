import { codeHostRemotes, ownerOfUrl } from '../facts/remotes.js';
import type { Facts } from '../facts/types.js';
import { declaredEvidence } from './declaredEvidence.js';
import { getPath, manifestData } from './declaredValue.js';
import { defineCheck, type Evidence } from './types.js';

/**
 * Who owns the code when no remote is on a code host: the owner in repository.url (os2.yaml),
 * else in publiccode.yml's url. Never a folder name.
 */
function declaredOwner(facts: Facts): { owner: string; url: string; evidence: Evidence } | null {
  const declared = getPath(manifestData(facts) ?? {}, 'repository.url');
  if (typeof declared === 'string') {
    const owner = ownerOfUrl(declared);
    if (owner) return { owner, url: declared.trim(), evidence: { kind: 'declared', path: 'repository.url', value: declared.trim() } };
  }
  const pc = facts.publiccode?.status === 'known' ? facts.publiccode.value : null;
  if (pc?.url) {
    const owner = ownerOfUrl(pc.url);
    if (owner) return { owner, url: pc.url.trim(), evidence: { kind: 'publiccode', path: pc.path, value: pc.url.trim() } };
  }
  return null;
}

/**
 * versioning.os2-organisation: the code lives under an owner OS2 controls (list in the level file).
 * The owner comes from the code-host remotes (origin first, src/facts/remotes.ts), else from the
 * repository URL the manifest or publiccode.yml declares.
 */
export const os2Organisation = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts, catalogue }) {
    const os2 = new Set(catalogue.organisations.map((o) => o.toLowerCase()));
    const sandbox = new Set(catalogue.sandboxOrganisations.map((o) => o.toLowerCase()));
    const remotes = codeHostRemotes(facts.git.status === 'known' ? facts.git.value.remotes : []);
    const hit = remotes.find((r) => os2.has(r.owner!.toLowerCase()));
    if (hit) return { outcome: 'pass', code: 'org.pass', args: { owner: hit.owner!, remote: hit.url }, evidence: [{ kind: 'git', value: hit.url }], basis: 'verified' };
    const inSandbox = remotes.find((r) => sandbox.has(r.owner!.toLowerCase()));
    if (inSandbox) return { outcome: 'fail', code: 'org.sandbox', args: { owner: inSandbox.owner! }, evidence: [{ kind: 'git', value: inSandbox.url }], basis: 'verified' };

    const fromUrl = remotes.length === 0 ? declaredOwner(facts) : null;
    if (fromUrl && os2.has(fromUrl.owner.toLowerCase())) return { outcome: 'pass', code: 'org.pass-url', args: { owner: fromUrl.owner, url: fromUrl.url }, evidence: [fromUrl.evidence], basis: 'declared' };
    if (fromUrl && sandbox.has(fromUrl.owner.toLowerCase())) return { outcome: 'fail', code: 'org.sandbox', args: { owner: fromUrl.owner }, evidence: [fromUrl.evidence], basis: 'declared' };

    const declaredOrg = getPath(manifestData(facts) ?? {}, 'repository.organisation');
    if (typeof declaredOrg === 'string' && os2.has(declaredOrg.toLowerCase())) {
      const handover = declaredEvidence(facts, ['repository.handover']);
      if (handover.ok) return { outcome: 'pass', code: 'org.declared', args: { owner: declaredOrg }, evidence: [{ kind: 'declared', path: 'repository.organisation', value: declaredOrg }, ...handover.evidence], basis: 'declared' };
      return { outcome: 'fail', code: 'org.declared-no-handover', args: { owner: declaredOrg }, evidence: [{ kind: 'declared', path: 'repository.organisation', value: declaredOrg }], basis: 'declared' };
    }
    if (fromUrl) return { outcome: 'fail', code: 'org.not-os2', args: { owners: [fromUrl.owner] }, evidence: [fromUrl.evidence], basis: 'declared' };
    const owners = [...new Set(remotes.map((r) => r.owner!))];
    if (owners.length === 0 && facts.git.status !== 'known' && facts.files.source === 'git') {
      return { outcome: 'unknown', code: 'git.unreadable', args: { reason: facts.git.reason }, evidence: [], basis: 'none' };
    }
    const all = facts.git.status === 'known' ? facts.git.value.remotes : [];
    return { outcome: 'fail', code: 'org.not-os2', args: { owners: owners.length ? owners : ['—'] }, evidence: all.map((r) => ({ kind: 'git' as const, value: r.url })), basis: owners.length ? 'verified' : 'none' };
  },
});
