import { getPath, manifestData } from './declaredValue.js';
import { defineCheck } from './types.js';

/**
 * versioning.single-mainline: only the product can promise one core version; git shows long-lived
 * divergent branches, which are reported as a finding without overruling the declaration.
 */
export const singleMainline = defineCheck<{ maxDivergentBranchAgeDays: number }>({
  paramsSchema: { type: 'object', required: ['maxDivergentBranchAgeDays'], additionalProperties: false, properties: { maxDivergentBranchAgeDays: { type: 'integer', minimum: 1 } } },
  run({ facts, now }, { maxDivergentBranchAgeDays }) {
    const findings = [];
    if (facts.git.status === 'known') {
      const limit = now.getTime() - maxDivergentBranchAgeDays * 86_400_000;
      const git = facts.git.value;
      const divergent = git.branches.filter(
        (b) => b.name !== git.defaultBranch && !b.name.endsWith('/' + git.defaultBranch) && b.aheadOfDefault === true && b.date !== null && Date.parse(b.date) < limit,
      );
      if (divergent.length) findings.push({ code: 'mainline.divergent', args: { branches: divergent.slice(0, 5).map((b) => b.name), days: maxDivergentBranchAgeDays } });
    }
    const value = getPath(manifestData(facts) ?? {}, 'codebase.singleCoreVersion');
    const evidence = [{ kind: 'declared' as const, path: 'codebase.singleCoreVersion', value: String(value ?? '') }];
    if (value === true) return { outcome: 'pass', code: 'mainline.declared', evidence, basis: 'declared', findings };
    if (value === false) return { outcome: 'fail', code: 'mainline.declared-false', evidence, basis: 'declared', findings };
    return { outcome: 'fail', code: 'declared.missing', args: { fields: ['codebase.singleCoreVersion'] }, evidence: [{ kind: 'looked-for', value: 'os2.yaml:codebase.singleCoreVersion' }], basis: 'none', findings };
  },
});
