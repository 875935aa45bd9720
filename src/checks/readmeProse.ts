import { defineCheck } from './types.js';
import { declaredEvidence, declaredPathFailure } from './declaredEvidence.js';

/** docs.readme: a README with real prose, or a declared description. */
export const readmeProse = defineCheck<{ minChars: number; declared?: string[] }>({
  paramsSchema: {
    type: 'object',
    required: ['minChars'],
    additionalProperties: false,
    properties: { minChars: { type: 'integer', minimum: 0 }, declared: { type: 'array', items: { type: 'string' } } },
  },
  run({ facts }, { minChars, declared = [] }) {
    const readme = facts.readme;
    if (readme.status === 'known' && readme.value.proseChars >= minChars) {
      return {
        outcome: 'pass',
        code: 'readme.pass',
        args: { path: readme.value.path, chars: readme.value.proseChars },
        evidence: [{ kind: 'file', path: readme.value.path, value: readme.value.proseChars }],
        basis: 'verified',
      };
    }
    const decl = declaredEvidence(facts, declared);
    if (decl.ok) return { outcome: 'pass', code: 'declared.pass', args: { fields: decl.fields }, evidence: decl.evidence, basis: 'declared' };
    const badPath = declaredPathFailure(decl);
    if (badPath) return badPath;
    if (readme.status === 'known') {
      return {
        outcome: 'fail',
        partial: readme.value.proseChars > 0,
        code: 'readme.too-short',
        args: { path: readme.value.path, chars: readme.value.proseChars, min: minChars },
        evidence: [{ kind: 'file', path: readme.value.path, value: readme.value.proseChars }],
        basis: 'verified',
      };
    }
    if (readme.reason.startsWith('no-readme')) {
      return { outcome: 'fail', code: 'readme.missing', args: { min: minChars }, evidence: [{ kind: 'looked-for', value: 'README*' }], basis: 'none' };
    }
    return { outcome: 'unknown', code: 'readme.unreadable', args: { reason: readme.reason }, evidence: [], basis: 'none' };
  },
});
