import { gitUnknown } from './gitUnknown.js';
import { defineCheck } from './types.js';
import { noVersionTags, versionTagsNewestFirst } from './versionTags.js';

/** versioning.signed-tags: the newest release tag carries a signature (not verified: that would run gpg). */
export const signedTags = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const newest = versionTagsNewestFirst(facts.git.value)[0];
    if (!newest) return noVersionTags(facts.git.value);
    const evidence = [{ kind: 'git' as const, value: newest.name }];
    if (newest.signed) return { outcome: 'pass', code: 'signed.pass', args: { tag: newest.name }, evidence, basis: 'verified' };
    return { outcome: 'fail', code: newest.annotated ? 'signed.unsigned' : 'signed.lightweight', args: { tag: newest.name }, evidence, basis: 'verified' };
  },
});
