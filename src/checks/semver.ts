import { gitUnknown } from './gitUnknown.js';
import { defineCheck } from './types.js';
import { noVersionTags, versionTagsNewestFirst } from './versionTags.js';

/** versioning.semver: the recent release tags are Semantic Versions (optional `v`). */
export const semver = defineCheck<{ recent?: number }>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: { recent: { type: 'integer', minimum: 1 } } },
  run({ facts }, { recent = 10 }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const tags = versionTagsNewestFirst(facts.git.value).slice(0, recent);
    if (tags.length === 0) return noVersionTags(facts.git.value);
    const bad = tags.filter((t) => !t.isSemver).map((t) => t.name);
    if (bad.length === 0) return { outcome: 'pass', code: 'semver.pass', args: { count: tags.length }, evidence: [{ kind: 'git', value: tags[0]!.name }], basis: 'verified' };
    return { outcome: 'fail', code: 'semver.not-semver', args: { tags: bad.slice(0, 5), count: bad.length, of: tags.length }, evidence: bad.slice(0, 5).map((value) => ({ kind: 'git' as const, value })), basis: 'verified' };
  },
});
