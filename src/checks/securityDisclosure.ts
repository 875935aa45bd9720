import { declaredEvidence, declaredPathFailure } from './declaredEvidence.js';
import { defineCheck } from './types.js';

/** security.disclosure: a private way to report vulnerabilities. */
export const securityDisclosure = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    const files = facts.wellKnown.security;
    const withContact = files.find((f) => f.hasContact);
    if (withContact) return { outcome: 'pass', code: 'disclosure.pass', args: { path: withContact.path }, evidence: [{ kind: 'file', path: withContact.path }], basis: 'verified' };
    const decl = declaredEvidence(facts, ['security.contact']);
    if (decl.ok) return { outcome: 'pass', code: 'declared.pass', args: { fields: decl.fields }, evidence: decl.evidence, basis: 'declared' };
    const badPath = declaredPathFailure(decl);
    if (badPath) return badPath;
    if (files.length) return { outcome: 'fail', code: 'disclosure.no-contact', args: { path: files[0]!.path }, evidence: [{ kind: 'file', path: files[0]!.path }], basis: 'verified' };
    return { outcome: 'fail', code: 'disclosure.missing', evidence: [{ kind: 'looked-for', value: 'SECURITY.md' }], basis: 'none' };
  },
});
