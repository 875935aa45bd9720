import { defineCheck } from './types.js';

/** The share of documents that must be in open text formats. */
const MIN_OPEN_SHARE = 0.5;

/**
 * docs.open-format: documentation that can be read and diffed without office software, decided by
 * the share of documents in open formats (the README counts as one): a couple of `.txt` files next
 * to a folder of `.docx`/`.pdf` documents is documentation kept in office formats.
 */
export const docsOpenFormat = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    const { textFiles, officeFiles } = facts.docs;
    const open = textFiles.length + (facts.wellKnown.readme.length > 0 ? 1 : 0);
    const total = open + officeFiles.length;
    const share = total === 0 ? 1 : open / total;
    if (officeFiles.length === 0 || share >= MIN_OPEN_SHARE) {
      return {
        outcome: 'pass', code: 'open-format.pass', args: { text: textFiles.length, office: officeFiles.length },
        evidence: textFiles.slice(0, 3).map((path) => ({ kind: 'file' as const, path })), basis: 'verified',
      };
    }
    const evidence = officeFiles.slice(0, 5).map((path) => ({ kind: 'file' as const, path }));
    if (open === 0) {
      // The documentation exists, only not in an open format: part of OS2's documentation item.
      return { outcome: 'fail', partial: true, code: 'open-format.office-only', args: { office: officeFiles.length, files: officeFiles.slice(0, 5) }, evidence, basis: 'verified' };
    }
    return {
      outcome: 'fail', partial: true, code: 'open-format.mostly-office',
      args: { percent: Math.round(share * 100), text: open, office: officeFiles.length, files: officeFiles.slice(0, 5) }, evidence, basis: 'verified',
    };
  },
});
