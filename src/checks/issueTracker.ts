import { declaredEvidence, declaredPathFailure } from './declaredEvidence.js';
import { defineCheck, type Evidence } from './types.js';

/** versioning.issue-tracker: a declared public tracker, or one inferred from a forge remote. */
export const issueTracker = defineCheck<{ trackerHosts: string[] }>({
  paramsSchema: { type: 'object', required: ['trackerHosts'], additionalProperties: false, properties: { trackerHosts: { type: 'array', items: { type: 'string' } } } },
  run({ facts }, { trackerHosts }) {
    const templates: Evidence[] = facts.wellKnown.issueTemplates.slice(0, 3).map((f) => ({ kind: 'file', path: f.path }));
    const decl = declaredEvidence(facts, ['issueTracker.url']);
    if (decl.ok) return { outcome: 'pass', code: 'tracker.declared', args: { templates: templates.length }, evidence: [...decl.evidence, ...templates], basis: 'declared' };
    const badPath = declaredPathFailure(decl);
    if (badPath) return badPath;
    const hosts = new Set(trackerHosts.map((h) => h.toLowerCase()));
    const remotes = facts.git.status === 'known' ? facts.git.value.remotes : [];
    const forge = remotes.find((r) => r.host && hosts.has(r.host.toLowerCase()) && r.owner && r.repo);
    if (forge) {
      return { outcome: 'pass', code: 'tracker.inferred', args: { host: forge.host!, owner: forge.owner!, repo: forge.repo!, templates: templates.length }, evidence: [{ kind: 'git', value: forge.url }, ...templates], basis: 'verified' };
    }
    if (facts.git.status !== 'known' && facts.files.source === 'git') return { outcome: 'unknown', code: 'git.unreadable', args: { reason: facts.git.reason }, evidence: [], basis: 'none' };
    return { outcome: 'fail', code: 'tracker.missing', args: { hosts: trackerHosts }, evidence: [{ kind: 'looked-for', value: 'os2.yaml:issueTracker.url' }], basis: 'none' };
  },
});
