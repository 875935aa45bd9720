import { declaredEvidence } from './declaredEvidence.js';
import { gitUnknown } from './gitUnknown.js';
import { defineCheck } from './types.js';

/** versioning.vcs: the code is in git, with commits, and published somewhere. */
export const gitRepository = defineCheck<{ requireRemoteOrDeclared: boolean }>({
  paramsSchema: { type: 'object', required: ['requireRemoteOrDeclared'], additionalProperties: false, properties: { requireRemoteOrDeclared: { type: 'boolean' } } },
  run({ facts }, { requireRemoteOrDeclared }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const git = facts.git.value;
    if (git.commitCount === 0) return { outcome: 'fail', code: 'git.no-commits', evidence: [{ kind: 'git', value: 0 }], basis: 'verified' };
    const remote = git.remotes[0];
    if (remote) {
      return { outcome: 'pass', code: 'git.pass-remote', args: { commits: git.commitCount, remote: remote.url }, evidence: [{ kind: 'git', value: remote.url }], basis: 'verified' };
    }
    const decl = declaredEvidence(facts, ['repository.url']);
    if (decl.ok) return { outcome: 'pass', code: 'git.pass-declared', args: { commits: git.commitCount }, evidence: decl.evidence, basis: 'declared' };
    if (!requireRemoteOrDeclared) return { outcome: 'pass', code: 'git.pass-local', args: { commits: git.commitCount }, evidence: [{ kind: 'git', value: git.commitCount }], basis: 'verified' };
    return { outcome: 'fail', code: 'git.no-remote', args: { commits: git.commitCount }, evidence: [{ kind: 'looked-for', value: 'git remote / os2.yaml:repository.url' }], basis: 'verified' };
  },
});
