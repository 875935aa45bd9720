import { defineCheck } from './types.js';

/** docs.open-format: documentation that can be read and diffed without office software. */
export const docsOpenFormat = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    const { textFiles, officeFiles } = facts.docs;
    const hasReadme = facts.wellKnown.readme.length > 0;
    if (textFiles.length > 0 || officeFiles.length === 0 || (hasReadme && officeFiles.length <= 1)) {
      return {
        outcome: 'pass', code: 'open-format.pass', args: { text: textFiles.length, office: officeFiles.length },
        evidence: textFiles.slice(0, 3).map((path) => ({ kind: 'file' as const, path })), basis: 'verified',
      };
    }
    return {
      // The documentation exists, only not in an open format: part of OS2's documentation item.
      outcome: 'fail', partial: true, code: 'open-format.office-only', args: { office: officeFiles.length, files: officeFiles.slice(0, 5) },
      evidence: officeFiles.slice(0, 5).map((path) => ({ kind: 'file' as const, path })), basis: 'verified',
    };
  },
});
